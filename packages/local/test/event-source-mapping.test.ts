import type { Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { failedMessageIds, toSqsEvent } from '../src/event-source-mapping.js';
import type { InvokeResult } from '../src/lambda-host.js';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:signup-queue';
const messages: Message[] = [
  { MessageId: 'id-1', ReceiptHandle: 'rh-1', Body: '{"n":1}' },
  { MessageId: 'id-2', ReceiptHandle: 'rh-2', Body: '{"n":2}' },
  { MessageId: 'id-3', ReceiptHandle: 'rh-3', Body: '{"n":3}' },
];
const returned = (value: unknown): InvokeResult => ({ ok: true, value, awsRequestId: 'request-1' });

describe('failedMessageIds', () => {
  it('fails the whole batch with the error when the function failed', () => {
    // Prepare
    const result: InvokeResult = {
      ok: false,
      error: { name: 'TypeError', message: 'boom' },
      awsRequestId: 'request-1',
    };

    // Act
    const outcome = failedMessageIds(result, messages);

    // Assess
    expect([...outcome.failed].sort()).toEqual(['id-1', 'id-2', 'id-3']);
    expect(outcome.batchError).toBe('TypeError: boom');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty object', {}],
    ['an empty batchItemFailures list', { batchItemFailures: [] }],
    ['a null batchItemFailures', { batchItemFailures: null }],
  ])('treats %s as a fully successful batch', (_what, value) => {
    // Act
    const outcome = failedMessageIds(returned(value), messages);

    // Assess
    expect(outcome.failed.size).toBe(0);
    expect(outcome.batchError).toBeUndefined();
  });

  it('fails only the listed records', () => {
    // Prepare
    const value = { batchItemFailures: [{ itemIdentifier: 'id-1' }, { itemIdentifier: 'id-3' }] };

    // Act
    const outcome = failedMessageIds(returned(value), messages);

    // Assess
    expect([...outcome.failed].sort()).toEqual(['id-1', 'id-3']);
    expect(outcome.batchError).toBeUndefined();
  });

  it.each([
    ['an empty itemIdentifier', [{ itemIdentifier: '' }]],
    ['a missing itemIdentifier', [{}]],
    ['a null entry', [null]],
    ['a numeric itemIdentifier', [{ itemIdentifier: 1 }]],
    ['an unknown itemIdentifier', [{ itemIdentifier: 'id-2' }, { itemIdentifier: 'not-in-batch' }]],
  ])('fails the whole batch for %s', (_what, batchItemFailures) => {
    // Act
    const outcome = failedMessageIds(returned({ batchItemFailures }), messages);

    // Assess
    expect([...outcome.failed].sort()).toEqual(['id-1', 'id-2', 'id-3']);
    expect(outcome.batchError).toMatch(/^Invalid itemIdentifier .*: the whole batch fails$/);
  });

  it.each([
    ['a string', 'id-1'],
    ['an object', { itemIdentifier: 'id-1' }],
    ['a number', 1],
  ])('fails the whole batch when batchItemFailures is %s', (_what, batchItemFailures) => {
    // Act
    const outcome = failedMessageIds(returned({ batchItemFailures }), messages);

    // Assess
    expect(outcome.failed.size).toBe(3);
    expect(outcome.batchError).toBe('batchItemFailures is not a list');
  });

  it('fails the whole batch when the response is not an object', () => {
    // Act
    const outcome = failedMessageIds(returned('done'), messages);

    // Assess
    expect(outcome.failed.size).toBe(3);
    expect(outcome.batchError).toBe('The response is not an object');
  });
});

describe('toSqsEvent', () => {
  it('maps each message to an SQS record as Lambda builds it', () => {
    // Prepare
    const message: Message = {
      MessageId: 'id-1',
      ReceiptHandle: 'rh-1',
      Body: '{"name":"Ada"}',
      MD5OfBody: 'md5-of-body',
      Attributes: {
        ApproximateReceiveCount: '3',
        SentTimestamp: '1700000000000',
        SenderId: 'AIDASENDER',
        ApproximateFirstReceiveTimestamp: '1700000000500',
      },
      MessageAttributes: {
        requestId: { DataType: 'String', StringValue: 'req-1' },
        payload: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 255]) },
      },
    };

    // Act
    const event = toSqsEvent([message], QUEUE_ARN);

    // Assess
    expect(event.Records).toEqual([
      {
        messageId: 'id-1',
        receiptHandle: 'rh-1',
        body: '{"name":"Ada"}',
        attributes: {
          ApproximateReceiveCount: '3',
          SentTimestamp: '1700000000000',
          SenderId: 'AIDASENDER',
          ApproximateFirstReceiveTimestamp: '1700000000500',
        },
        messageAttributes: {
          requestId: { dataType: 'String', stringValue: 'req-1', stringListValues: [], binaryListValues: [] },
          payload: {
            dataType: 'Binary',
            binaryValue: Buffer.from([1, 2, 255]).toString('base64'),
            stringListValues: [],
            binaryListValues: [],
          },
        },
        md5OfBody: 'md5-of-body',
        eventSource: 'aws:sqs',
        eventSourceARN: QUEUE_ARN,
        awsRegion: 'us-east-1',
      },
    ]);
  });

  it('keeps the order of the messages and fills missing attributes with defaults', () => {
    // Act
    const event = toSqsEvent(messages, QUEUE_ARN);

    // Assess
    expect(event.Records.map((record) => record.messageId)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(event.Records.map((record) => record.receiptHandle)).toEqual(['rh-1', 'rh-2', 'rh-3']);
    const first = event.Records[0];
    expect(first?.attributes.ApproximateReceiveCount).toBe('1');
    expect(first?.attributes.SentTimestamp).toMatch(/^\d{13}$/);
    expect(first?.messageAttributes).toEqual({});
    expect(first?.eventSource).toBe('aws:sqs');
  });
});
