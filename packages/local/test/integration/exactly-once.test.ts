import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPipeline, type TestPipeline, waitFor } from '../helpers.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one welcome email per signup', () => {
  let pipeline: TestPipeline;
  afterEach(async () => {
    await pipeline.stop();
  });

  it('sends one email when a client submits the same signup twice', async () => {
    // Prepare
    pipeline = await startTestPipeline({ visibilityTimeoutSeconds: 1 }); // an in-progress duplicate is retried soon

    // Act
    const first = await pipeline.signUp({ name: 'Ada', email: 'ada@example.com' });
    const second = await pipeline.signUp({ name: 'Ada', email: 'ADA@Example.com' });
    await waitFor(() => pipeline.outbox.list()[0], { what: 'the first email' });
    await waitFor(() => (pipeline.eventSourceMapping.stats.deleted === 2 ? true : undefined), {
      what: 'both messages processed',
    });
    await settle(300);

    // Assess
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(pipeline.outbox.list()).toHaveLength(1);
    expect(pipeline.logLines.join('\n')).toContain('Duplicate signup');
  });

  it('sends one email when SQS delivers the same message twice', async () => {
    // Prepare
    pipeline = await startTestPipeline({ visibilityTimeoutSeconds: 1 }); // an in-progress duplicate is retried soon
    const body = JSON.stringify({
      version: 1,
      requestId: 'redelivered-1',
      name: 'Grace',
      email: 'grace@example.com',
      submittedAt: new Date().toISOString(),
    });

    // Act
    for (let copy = 0; copy < 2; copy++) {
      await pipeline.sqs.send(new SendMessageCommand({ QueueUrl: pipeline.queueUrl, MessageBody: body }));
    }
    await waitFor(() => (pipeline.eventSourceMapping.stats.deleted === 2 ? true : undefined), {
      what: 'both copies processed',
    });
    await settle(300);

    // Assess
    expect(pipeline.outbox.list().map((email) => email.requestId)).toEqual(['redelivered-1']);
  });

  it('sends every copy when idempotency is switched off (plain at-least-once)', async () => {
    // Prepare
    pipeline = await startTestPipeline({ idempotency: false });

    // Act
    await pipeline.signUp({ name: 'Ada', email: 'ada@example.com' });
    await pipeline.signUp({ name: 'Ada', email: 'ada@example.com' });
    await waitFor(() => (pipeline.outbox.list().length === 2 ? true : undefined), { what: 'two emails' });

    // Assess
    expect(pipeline.outbox.list().map((email) => email.message)).toEqual([
      'Hello Ada, welcome to our platform!',
      'Hello Ada, welcome to our platform!',
    ]);
  });
});
