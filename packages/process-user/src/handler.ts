import { maskEmail, parseSignupMessage } from '@signup/schema';
import type { Context, SQSBatchItemFailure, SQSBatchResponse } from 'aws-lambda';
import { settleWithConcurrency } from './concurrency.js';
import {
  type Log,
  NO_METRICS,
  type OncePerSignup,
  type WelcomeMetrics,
  type WelcomePublisher,
} from './ports.js';
import { processUser } from './process-user.js';
import { type IncomingRecord, readSqsRecords } from './sqs-event.js';

/** A publish is not started with less time than this left: it could not finish before the timeout. */
export const DEFAULT_MIN_REMAINING_MILLIS = 3_000;

export interface HandlerDeps {
  readonly publisher: WelcomePublisher;
  readonly log: Log;
  /** Duplicate suppression; without it, plain at-least-once delivery. */
  readonly once?: OncePerSignup;
  readonly metrics?: WelcomeMetrics;
  readonly publishConcurrency: number;
  readonly minRemainingMillis?: number;
}

export type ProcessUserHandler = (
  event: unknown,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<SQSBatchResponse>;

export class NotAnSqsEventError extends Error {
  override readonly name = 'NotAnSqsEventError';
}

type RecordOutcome = 'published' | 'duplicate' | 'invalid' | 'publish-failed' | 'out-of-time';

/**
 * Maps an SQS batch to one `processUser` call per record, run concurrently (bounded), and reports
 * the records that failed as `batchItemFailures` so only those are retried and, in the end, dead-lettered.
 *
 * @example
 * export const handler = createHandler({ publisher, log: logger, publishConcurrency: 10 });
 */
export function createHandler({
  publisher,
  log,
  once,
  metrics = NO_METRICS,
  publishConcurrency,
  minRemainingMillis = DEFAULT_MIN_REMAINING_MILLIS,
}: HandlerDeps): ProcessUserHandler {
  const handleRecord = async (record: IncomingRecord, context: Parameters<ProcessUserHandler>[1]) => {
    const messageId = record.messageId;
    const receiveCount = record.attributes?.ApproximateReceiveCount;
    let decoded: unknown;
    try {
      decoded = JSON.parse(record.body);
    } catch {
      log.error('Signup message is not JSON; it will be retried, then dead-lettered', {
        messageId,
        receiveCount,
      });
      return 'invalid' satisfies RecordOutcome;
    }
    const parsed = parseSignupMessage(decoded);
    if (!parsed.ok) {
      log.error('Signup message is invalid; it will be retried, then dead-lettered', {
        messageId,
        receiveCount,
        errors: parsed.errors.map((error) => error.field),
      });
      metrics.invalidMessage();
      return 'invalid' satisfies RecordOutcome;
    }
    const requestId = 'requestId' in parsed.value ? parsed.value.requestId : undefined;
    if (context && context.getRemainingTimeInMillis() < minRemainingMillis) {
      log.warn('Too little time left to publish; the message will be retried', { messageId, requestId });
      return 'out-of-time' satisfies RecordOutcome;
    }
    let outcome: 'published' | 'duplicate';
    try {
      outcome = await processUser(parsed.value, { publisher, ...(once ? { once } : {}) });
    } catch (error) {
      metrics.publishFailed();
      log.error('Welcome email could not be published; the message will be retried', {
        messageId,
        requestId,
        receiveCount,
        error,
      });
      return 'publish-failed' satisfies RecordOutcome;
    }
    if (outcome === 'duplicate') {
      metrics.duplicateSuppressed();
      log.info('Duplicate signup: welcome email already sent, not sent again', {
        messageId,
        requestId,
        email: maskEmail(parsed.value.email),
      });
      return 'duplicate' satisfies RecordOutcome;
    }
    metrics.published();
    log.info('Welcome email published', { messageId, requestId, email: maskEmail(parsed.value.email) });
    return 'published' satisfies RecordOutcome;
  };

  return async (event, context) => {
    const read = readSqsRecords(event);
    if (read.kind === 'not-sqs') {
      log.error('Event is not an SQS event', { diagnosis: read.diagnosis });
      throw new NotAnSqsEventError(read.diagnosis);
    }
    let outcomes: PromiseSettledResult<RecordOutcome>[];
    try {
      outcomes = await settleWithConcurrency(read.records, publishConcurrency, (record) =>
        handleRecord(record, context),
      );
    } finally {
      metrics.flush();
    }
    const batchItemFailures: SQSBatchItemFailure[] = [];
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled' && (outcome.value === 'published' || outcome.value === 'duplicate'))
        return;
      if (outcome.status === 'rejected')
        log.error('Unexpected failure processing a record', { error: outcome.reason });
      // An empty identifier makes Lambda retry the whole batch: right for a record without messageId.
      batchItemFailures.push({ itemIdentifier: read.records[index]?.messageId ?? '' });
    });
    return { batchItemFailures };
  };
}
