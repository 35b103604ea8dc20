import { ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchReport } from '../../src/index.js';
import { startTestPipeline, type TestPipeline, waitFor } from '../helpers.js';

// Short visibility timeout and receive count so retries and dead-lettering happen within seconds.
const fastRetries = { visibilityTimeoutSeconds: 1, maxReceiveCount: 2 } as const;

async function drainDlq(pipeline: TestPipeline, expected: number) {
  const bodies: string[] = [];
  await waitFor(
    async () => {
      const { Messages = [] } = await pipeline.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: pipeline.dlqUrl,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 60,
        }),
      );
      bodies.push(...Messages.map((message) => message.Body ?? ''));
      return bodies.length >= expected ? bodies : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 200, what: `${expected} dead-lettered messages` },
  );
  return bodies;
}

describe('dead-lettering and partial batch failures', () => {
  let pipeline: TestPipeline;
  afterEach(async () => {
    await pipeline.stop();
  });

  it('moves a poison message to the DLQ after maxReceiveCount, and loses nothing', async () => {
    // Prepare
    pipeline = await startTestPipeline(fastRetries);
    const poison = '{"name": "Mallory", "email": "not-an-address"}';

    // Act
    await pipeline.sqs.send(new SendMessageCommand({ QueueUrl: pipeline.queueUrl, MessageBody: poison }));
    const deadLettered = await drainDlq(pipeline, 1);

    // Assess
    expect(deadLettered).toEqual([poison]);
    expect(pipeline.outbox.list()).toEqual([]);
    expect(pipeline.eventSourceMapping.stats.failed).toBeGreaterThanOrEqual(fastRetries.maxReceiveCount);
    expect(pipeline.logLines.join('\n')).toContain('Signup message is invalid');
  });

  it('deletes the good records of a mixed batch and retries only the bad ones', async () => {
    // Prepare
    // One poller, so the seven records arrive as one batch.
    const batches: BatchReport[] = [];
    pipeline = await startTestPipeline({
      ...fastRetries,
      pollers: 1,
      onBatch: (batch) => batches.push(batch),
    });
    const good = ['Ana', 'Ben', 'Cy', 'Dee'].map((name) =>
      JSON.stringify({ name, email: `${name.toLowerCase()}@example.com` }),
    );
    const bad = ['not json', '{"name":"Eve"}', '{"name":"Fay","email":"fay@example.com","version":9}'];
    const bodies = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3]] as string[];

    // Act
    await pipeline.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: pipeline.queueUrl,
        Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );
    const deadLettered = await drainDlq(pipeline, bad.length);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a retry of a good record would show by now

    // Assess
    expect(batches[0]).toEqual({ size: 7, succeeded: 4, failed: 3 });
    expect(deadLettered.sort()).toEqual([...bad].sort());
    expect(
      pipeline.outbox
        .list()
        .map((email) => email.message)
        .sort(),
    ).toEqual([
      'Hello Ana, welcome to our platform!',
      'Hello Ben, welcome to our platform!',
      'Hello Cy, welcome to our platform!',
      'Hello Dee, welcome to our platform!',
    ]);
    expect(await pipeline.queueDepths()).toMatchObject({ queue: { visible: 0, inFlight: 0 } });
  });

  it('retries a batch whose function throws, then publishes once the cause is gone', async () => {
    // Prepare: SNS fails every publish, so every record fails and stays on the queue
    pipeline = await startTestPipeline({
      visibilityTimeoutSeconds: 1,
      maxReceiveCount: 10,
      faults: { snsFailureRate: 1 },
    });
    const response = await pipeline.signUp({ name: 'Ada', email: 'ada@example.com' });
    await waitFor(() => (pipeline.sns.stats.failed >= 2 ? true : undefined), {
      what: 'two failed publishes',
    });

    // Act
    pipeline.faults.update({ snsFailureRate: 0 });
    const email = await waitFor(() => pipeline.outbox.list()[0], { what: 'the email after recovery' });

    // Assess
    expect(response.status).toBe(200);
    expect(email.requestId).toBe(response.body.requestId);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(pipeline.outbox.list()).toHaveLength(1);
  });

  it('redrives dead-lettered signups back to the queue, which then publishes them', async () => {
    // Prepare: every publish fails until the signups are dead-lettered
    pipeline = await startTestPipeline({ ...fastRetries, faults: { snsFailureRate: 1 } });
    for (const name of ['Ada', 'Grace']) {
      expect((await pipeline.signUp({ name, email: `${name.toLowerCase()}@example.com` })).status).toBe(200);
    }
    await waitFor(async () => ((await pipeline.queueDepths()).dlq.visible === 2 ? true : undefined), {
      timeoutMs: 15_000,
      what: 'two messages in the DLQ',
    });
    pipeline.faults.update({ snsFailureRate: 0 });

    // Act
    const redrive = await fetch(`${pipeline.url}/_local/dlq/redrive`, { method: 'POST' });
    await waitFor(() => (pipeline.outbox.list().length === 2 ? true : undefined), {
      timeoutMs: 15_000,
      what: 'both emails after the redrive',
    });

    // Assess
    expect(redrive.status).toBe(202);
    expect(
      pipeline.outbox
        .list()
        .map((email) => email.message)
        .sort(),
    ).toEqual(['Hello Ada, welcome to our platform!', 'Hello Grace, welcome to our platform!']);
    expect((await pipeline.queueDepths()).dlq.visible).toBe(0);
  });

  it('answers 503, not 200, when SQS refuses the signup, and nothing is queued', async () => {
    // Prepare
    pipeline = await startTestPipeline({ faults: { sqsSendFailureRate: 1 } });

    // Act
    const response = await pipeline.signUp({ name: 'Ada', email: 'ada@example.com' });

    // Assess
    expect(response.status).toBe(503);
    expect(JSON.stringify(response.body)).not.toContain('queued"');
    expect(response.body.message).not.toBe('Signup received and queued');
    expect(await pipeline.queueDepths()).toMatchObject({ queue: { visible: 0, inFlight: 0 } });
    expect(pipeline.logLines.join('\n')).toContain('Signup could not be queued');
  });
});
