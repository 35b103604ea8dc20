import {
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { LOCAL_REGION } from './defaults.js';
import type { InvokeResult, LambdaFunction } from './lambda-host.js';

export interface EventSourceMappingOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly function: LambdaFunction;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  /** Concurrent pollers, each receiving a batch and invoking the function with it. */
  readonly pollers: number;
  /** Pause of an idle poller between empty receives, in milliseconds. */
  readonly idlePollMs?: number;
  readonly onBatch?: (report: BatchReport) => void;
}

export interface BatchReport {
  readonly size: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Why the whole batch failed, when it did (a thrown error or an invalid response). */
  readonly batchError?: string;
}

export interface EventSourceMapping {
  readonly stats: { batches: number; records: number; deleted: number; failed: number };
  stop(): Promise<void>;
}

/**
 * Lambda's SQS event source mapping with `ReportBatchItemFailures`: polls the queue, invokes the
 * function with SQS events, deletes only the records that succeeded, and leaves the rest to become
 * visible again (and reach the DLQ after maxReceiveCount). A thrown error or a malformed response
 * fails the whole batch, as on AWS.
 */
export function startEventSourceMapping(options: EventSourceMappingOptions): EventSourceMapping {
  const stats = { batches: 0, records: 0, deleted: 0, failed: 0 };
  const idlePollMs = options.idlePollMs ?? 20;
  let running = true;
  const sleeps = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => done(), ms), resolve: () => done() };
      const done = () => {
        clearTimeout(entry.timer);
        sleeps.delete(entry);
        resolve();
      };
      sleeps.add(entry);
    });

  const receiveBatch = async (): Promise<Message[]> => {
    const messages: Message[] = [];
    const deadline = Date.now() + options.maximumBatchingWindowSeconds * 1000;
    do {
      const response = await options.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: Math.min(10, options.batchSize - messages.length),
          WaitTimeSeconds: 0,
          AttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      messages.push(...(response.Messages ?? []));
      if (messages.length >= options.batchSize || Date.now() >= deadline || !running) break;
      await sleep(idlePollMs);
    } while (running);
    return messages;
  };

  const poll = async () => {
    while (running) {
      let messages: Message[];
      try {
        messages = await receiveBatch();
      } catch (error) {
        if (running) console.error('local event source mapping: receive failed:', error);
        await sleep(500);
        continue;
      }
      if (messages.length === 0) {
        await sleep(idlePollMs);
        continue;
      }
      const event = toSqsEvent(messages, options.queueArn);
      const result = await options.function.invoke(event);
      const outcome = failedMessageIds(result, messages);
      const succeeded = messages.filter((message) => !outcome.failed.has(message.MessageId ?? ''));
      if (succeeded.length > 0) await deleteMessages(options, succeeded);
      stats.batches++;
      stats.records += messages.length;
      stats.deleted += succeeded.length;
      stats.failed += messages.length - succeeded.length;
      options.onBatch?.({
        size: messages.length,
        succeeded: succeeded.length,
        failed: messages.length - succeeded.length,
        ...(outcome.batchError ? { batchError: outcome.batchError } : {}),
      });
    }
  };

  const loops = Array.from({ length: options.pollers }, () => poll());
  return {
    stats,
    stop: async () => {
      running = false;
      for (const entry of sleeps) entry.resolve();
      await Promise.allSettled(loops);
    },
  };
}

async function deleteMessages(options: EventSourceMappingOptions, messages: readonly Message[]) {
  try {
    const response = await options.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
    for (const failure of response.Failed ?? []) {
      console.error(
        `local event source mapping: delete failed (${failure.Code}): the message will be received again`,
      );
    }
  } catch (error) {
    console.error('local event source mapping: delete failed; the messages will be received again:', error);
  }
}

/** Which messages failed, by Lambda's rules for `ReportBatchItemFailures` responses. */
export function failedMessageIds(
  result: InvokeResult,
  messages: readonly Message[],
): { failed: Set<string>; batchError?: string } {
  const all = new Set(messages.map((message) => message.MessageId ?? ''));
  if (!result.ok) return { failed: all, batchError: `${result.error.name}: ${result.error.message}` };
  const value = result.value;
  if (value === null || value === undefined) return { failed: new Set() };
  if (typeof value !== 'object') return { failed: all, batchError: 'The response is not an object' };
  const failures = (value as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { failed: new Set() };
  if (!Array.isArray(failures)) return { failed: all, batchError: 'batchItemFailures is not a list' };
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !all.has(id)) {
      return {
        failed: all,
        batchError: `Invalid itemIdentifier ${JSON.stringify(id)}: the whole batch fails`,
      };
    }
    failed.add(id);
  }
  return { failed };
}

/** The SQS event Lambda builds from received messages. */
export function toSqsEvent(messages: readonly Message[], queueArn: string): SQSEvent {
  return {
    Records: messages.map(
      (message): SQSRecord => ({
        messageId: message.MessageId ?? '',
        receiptHandle: message.ReceiptHandle ?? '',
        body: message.Body ?? '',
        attributes: {
          ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? '1',
          SentTimestamp: message.Attributes?.SentTimestamp ?? String(Date.now()),
          SenderId: message.Attributes?.SenderId ?? 'AIDALOCAL',
          ApproximateFirstReceiveTimestamp:
            message.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        },
        messageAttributes: toLambdaMessageAttributes(message.MessageAttributes),
        md5OfBody: message.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: queueArn,
        awsRegion: LOCAL_REGION,
      }),
    ),
  };
}

function toLambdaMessageAttributes(
  attributes: Record<string, MessageAttributeValue> | undefined,
): SQSMessageAttributes {
  const result: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    result[name] = {
      dataType: value.DataType ?? 'String',
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined
        ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
        : {}),
      stringListValues: [],
      binaryListValues: [],
    };
  }
  return result;
}
