import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultInjector, type FaultInjector, NO_FAULTS } from '../src/faults.js';
import { Outbox } from '../src/outbox.js';
import { type LocalSns, startLocalSns } from '../src/sns.js';

interface Harness {
  readonly sns: LocalSns;
  readonly outbox: Outbox;
  readonly faults: FaultInjector;
  readonly client: SNSClient;
}

describe('startLocalSns', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    harness?.client.destroy();
    await harness?.sns.close();
    harness = undefined;
  });

  const start = async (subscribers: readonly string[] = ['team@example.com']): Promise<Harness> => {
    const outbox = new Outbox({ directory: undefined });
    const faults = createFaultInjector(NO_FAULTS);
    const sns = await startLocalSns({ host: '127.0.0.1', subscribers, outbox, faults });
    const client = new SNSClient({
      endpoint: sns.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    harness = { sns, outbox, faults, client };
    return harness;
  };

  /** Runs `send` and returns what it threw, failing the test if it did not throw. */
  const rejection = async (send: () => Promise<unknown>): Promise<Error> => {
    try {
      await send();
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected the call to throw');
  };

  it('listens on 127.0.0.1 and names the welcome topic', async () => {
    // Act
    const { sns } = await start();

    // Assess
    expect(sns.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sns.topicArn).toBe('arn:aws:sns:us-east-1:000000000000:welcome');
  });

  it('delivers one email per subscriber with the subject, message and request id', async () => {
    // Prepare
    const { sns, outbox, client } = await start(['a@example.com', 'b@example.com']);

    // Act
    const response = await client.send(
      new PublishCommand({
        TopicArn: sns.topicArn,
        Subject: 'Welcome to Our Platform',
        Message: 'Hello Ada, welcome to our platform!',
        MessageAttributes: { requestId: { DataType: 'String', StringValue: 'request-42' } },
      }),
    );

    // Assess
    const emails = outbox.list();
    expect(emails.map((email) => email.recipient)).toEqual(['a@example.com', 'b@example.com']);
    for (const email of emails) {
      expect(email).toMatchObject({
        subject: 'Welcome to Our Platform',
        message: 'Hello Ada, welcome to our platform!',
        requestId: 'request-42',
        snsMessageId: response.MessageId,
      });
    }
    expect(response.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sns.stats).toEqual({ published: 1, failed: 0 });
  });

  it('answers an unknown topic with NotFoundException and delivers nothing', async () => {
    // Prepare
    const { outbox, client } = await start();

    // Act
    const error = await rejection(() =>
      client.send(
        new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:000000000000:other', Message: 'Hello' }),
      ),
    );

    // Assess
    expect(error.name).toBe('NotFoundException');
    expect(outbox.list()).toEqual([]);
  });

  it.each([
    ['a newline', 'Welcome\nto Our Platform'],
    ['over 100 characters', 'x'.repeat(101)],
  ])('answers a subject with %s with InvalidParameterException', async (_what, subject) => {
    // Prepare
    const { sns, outbox, client } = await start();

    // Act
    const error = await rejection(() =>
      client.send(new PublishCommand({ TopicArn: sns.topicArn, Subject: subject, Message: 'Hello' })),
    );

    // Assess
    expect(error.name).toBe('InvalidParameterException');
    expect(outbox.list()).toEqual([]);
  });

  it('accepts a subject of exactly 100 characters', async () => {
    // Prepare
    const { sns, outbox, client } = await start();

    // Act
    await client.send(
      new PublishCommand({ TopicArn: sns.topicArn, Subject: 'x'.repeat(100), Message: 'Hi' }),
    );

    // Assess
    expect(outbox.list()).toHaveLength(1);
  });

  it('fails every publish at an injected failure rate of 1, and delivers nothing', async () => {
    // Prepare
    const { sns, outbox, faults, client } = await start();
    faults.update({ snsFailureRate: 1 });

    // Act
    const error = await rejection(() =>
      client.send(new PublishCommand({ TopicArn: sns.topicArn, Subject: 'Welcome', Message: 'Hello' })),
    );

    // Assess
    expect(error.name).toBe('InternalErrorException');
    expect(outbox.list()).toEqual([]);
    expect(sns.stats).toEqual({ published: 0, failed: 1 });
  });

  it('delays every publish by the injected latency', async () => {
    // Prepare
    const { sns, outbox, faults, client } = await start();
    await client.send(new PublishCommand({ TopicArn: sns.topicArn, Message: 'warm-up' }));
    const latencyMs = 300;
    faults.update({ snsLatencyMs: latencyMs });
    const started = performance.now();

    // Act
    await client.send(new PublishCommand({ TopicArn: sns.topicArn, Message: 'Hello' }));

    // Assess
    expect(performance.now() - started).toBeGreaterThanOrEqual(latencyMs);
    expect(outbox.list().map((email) => email.message)).toEqual(['warm-up', 'Hello']);
  });
});
