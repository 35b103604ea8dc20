import { SendMessageCommand, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import type { SignupMessageV1 } from '@signup/schema';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SqsSignupQueue } from '../../src/adapters/sqs-signup-queue.js';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/signup-pipeline-signups';

const message: SignupMessageV1 = {
  version: 1,
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  name: 'Siddu',
  email: 'siddu@example.com',
  submittedAt: '2026-12-03T16:20:00.000Z',
};

const sqsMock = mockClient(SQSClient);

function newQueue(): SqsSignupQueue {
  const sqs = new SQSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
  return new SqsSignupQueue(sqs, QUEUE_URL);
}

describe('SqsSignupQueue', () => {
  beforeEach(() => {
    sqsMock.reset();
  });

  afterAll(() => {
    sqsMock.restore();
  });

  it('sends the message as JSON to the queue URL with the request id as a message attribute', async () => {
    // Prepare
    sqsMock.on(SendMessageCommand).resolves({ MessageId: '2e1424d4-f796-459a-8184-9c92662be6da' });

    // Act
    await newQueue().enqueue(message);

    // Assess
    const calls = sqsMock.commandCalls(SendMessageCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input?.QueueUrl).toBe(QUEUE_URL);
    expect(JSON.parse(input?.MessageBody ?? '')).toEqual(message);
    expect(input?.MessageAttributes).toEqual({
      requestId: { DataType: 'String', StringValue: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
    });
  });

  it('throws when SQS rejects the message', async () => {
    // Prepare
    const failure = new SQSServiceException({
      name: 'QueueDoesNotExist',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: 'The specified queue does not exist.',
    });
    sqsMock.on(SendMessageCommand).rejects(failure);

    // Act
    const attempt = newQueue().enqueue(message);

    // Assess
    await expect(attempt).rejects.toThrow('The specified queue does not exist.');
  });

  it('throws when SQS answers without a MessageId', async () => {
    // Prepare
    sqsMock.on(SendMessageCommand).resolves({});

    // Act
    const attempt = newQueue().enqueue(message);

    // Assess
    await expect(attempt).rejects.toThrow(/without a MessageId/);
  });
});
