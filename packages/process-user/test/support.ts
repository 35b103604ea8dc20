import { readFileSync } from 'node:fs';
import type { Context, SQSEvent } from 'aws-lambda';
import type { Log, OncePerSignup, WelcomeMetrics, WelcomePublisher } from '../src/ports.js';
import type { WelcomeEmail } from '../src/welcome-email.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  readonly level: LogLevel;
  readonly message: unknown;
  readonly extra: readonly unknown[];
}

export type RecordingLog = Log & { readonly records: LogRecord[] };

/** A fake logger that keeps every call, in order. */
export function recordingLog(): RecordingLog {
  const records: LogRecord[] = [];
  const at =
    (level: LogLevel) =>
    (message: unknown, ...extra: unknown[]) => {
      records.push({ level, message, extra });
    };
  return { records, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Every log call as one string, errors included with their message and stack, for privacy checks. */
export function serializeLog(log: RecordingLog): string {
  return JSON.stringify(log.records, (_key, value: unknown) =>
    value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
  );
}

export type FakePublisher = WelcomePublisher & { readonly sent: WelcomeEmail[] };

/** An in-memory publisher; `fails(email)` decides which publishes reject. */
export function fakePublisher(fails: (email: WelcomeEmail) => boolean = () => false): FakePublisher {
  const sent: WelcomeEmail[] = [];
  return {
    sent,
    publish: async (email) => {
      if (fails(email)) throw new Error('SNS is unavailable');
      sent.push(email);
    },
  };
}

export type WelcomeMetricCall =
  | 'published'
  | 'duplicateSuppressed'
  | 'publishFailed'
  | 'invalidMessage'
  | 'flush';

export type RecordingMetrics = WelcomeMetrics & { readonly calls: WelcomeMetricCall[] };

/** A fake WelcomeMetrics that keeps every call, in order. */
export function recordingMetrics(): RecordingMetrics {
  const calls: WelcomeMetricCall[] = [];
  const record = (call: WelcomeMetricCall) => () => {
    calls.push(call);
  };
  return {
    calls,
    published: record('published'),
    duplicateSuppressed: record('duplicateSuppressed'),
    publishFailed: record('publishFailed'),
    invalidMessage: record('invalidMessage'),
    flush: record('flush'),
  };
}

export type FakeOnce = OncePerSignup & { readonly keys: string[]; readonly done: Set<string> };

/**
 * An in-memory duplicate guard: the first successful run of a key is remembered, later runs of it are
 * `duplicate` without acting; a failing action is not remembered, so a retry runs again.
 */
export function fakeOnce(done: Iterable<string> = []): FakeOnce {
  const keys: string[] = [];
  const seen = new Set(done);
  return {
    keys,
    done: seen,
    run: async (key, action) => {
      keys.push(key);
      if (seen.has(key)) return 'duplicate';
      await action();
      seen.add(key);
      return 'ran';
    },
  };
}

function readEvent(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./events/${name}`, import.meta.url), 'utf8'));
}

/** A fresh copy of a realistic SQS batch of five valid signup messages (four v1, one legacy). */
export function sqsBatchEvent(): SQSEvent {
  return readEvent('sqs-batch.json') as SQSEvent;
}

/** The customer's hand-written test event: one record with only a body. */
export function customerMinimalEvent(): unknown {
  return readEvent('sqs-minimal-customer.json');
}

/** The batch event with the record at `index` given another body. */
export function withBody(event: SQSEvent, index: number, body: string): SQSEvent {
  return {
    Records: event.Records.map((record, i) => (i === index ? { ...record, body } : record)),
  };
}

/** A batch event of records carrying `bodies`, built from the realistic first record. */
export function eventWithBodies(bodies: readonly string[]): SQSEvent {
  const template = sqsBatchEvent().Records[0];
  if (!template) throw new Error('sqs-batch.json has no records');
  return {
    Records: bodies.map((body, i) => ({ ...template, messageId: `message-${i + 1}`, body })),
  };
}

export function lambdaContext(remainingMillis = 25_000): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'signup-pipeline-process-user',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:signup-pipeline-process-user',
    memoryLimitInMB: '256',
    awsRequestId: '3b1c5d7e-9f0a-4b2c-8d4e-6f8a0b2c4d6e',
    logGroupName: '/aws/lambda/signup-pipeline-process-user',
    logStreamName: '2026/12/03/[$LATEST]fedcba9876543210fedcba9876543210',
    getRemainingTimeInMillis: () => remainingMillis,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export const delay = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis));
