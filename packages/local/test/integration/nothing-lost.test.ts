import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPipeline, type TestPipeline, waitFor } from '../helpers.js';

const VALID = 250;
const INVALID = 50;
const CONCURRENCY = 20;

interface Sent {
  readonly name: string;
  readonly email: string;
  readonly valid: boolean;
  status?: number;
  requestId?: string;
}

describe('nothing lost, nothing duplicated, under injected faults', () => {
  let pipeline: TestPipeline;
  const sent: Sent[] = [];
  const deadLettered: Array<{ requestId?: string }> = [];

  beforeAll(async () => {
    // Prepare: 60% of publish calls and half the queue sends fail (the SDK retries each call once more, then
    // SQS redelivers); a signup whose publish fails on all 3 receives is dead-lettered.
    pipeline = await startTestPipeline({
      visibilityTimeoutSeconds: 3,
      maxReceiveCount: 3,
      logLevel: 'INFO',
      faults: { snsFailureRate: 0.6, sqsSendFailureRate: 0.5 },
    });
    for (let index = 0; index < VALID; index++) {
      sent.push({ name: `Load Tester ${index}`, email: `load.tester.${index}@example.com`, valid: true });
    }
    for (let index = 0; index < INVALID; index++) {
      sent.push({
        name: `Broken Tester ${index}`,
        email: `broken.tester.${index}.example.com`,
        valid: false,
      });
    }

    // Act: send everything with bounded concurrency, then wait for the queue to drain
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < sent.length) {
          const signup = sent[next++] as Sent;
          const response = await pipeline.signUp({ name: signup.name, email: signup.email });
          signup.status = response.status;
          signup.requestId = String(response.body.requestId);
        }
      }),
    );
    let emptyPolls = 0;
    await waitFor(
      async () => {
        const { queue } = await pipeline.queueDepths();
        emptyPolls = queue.visible === 0 && queue.inFlight === 0 ? emptyPolls + 1 : 0;
        return emptyPolls >= 5 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the queue to drain' },
    );
    for (;;) {
      const { Messages = [] } = await pipeline.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: pipeline.dlqUrl,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 300,
        }),
      );
      if (Messages.length === 0) break;
      deadLettered.push(
        ...Messages.map((message) => JSON.parse(message.Body ?? '{}') as { requestId?: string }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await pipeline.stop();
  });

  it('answers every request with 200, 400 or 503 only', () => {
    // Assess
    expect(new Set(sent.map((signup) => signup.status))).toEqual(new Set([200, 400, 503]));
    expect(sent.filter((signup) => !signup.valid).every((signup) => signup.status === 400)).toBe(true);
  });

  it('turns every 200 into exactly one email or one dead-lettered message', () => {
    // Prepare
    const outcomes = new Map<string, number>();
    for (const email of pipeline.outbox.list())
      outcomes.set(email.requestId ?? '', (outcomes.get(email.requestId ?? '') ?? 0) + 1);
    for (const message of deadLettered)
      outcomes.set(message.requestId ?? '', (outcomes.get(message.requestId ?? '') ?? 0) + 1);

    // Act
    const accepted = sent.filter((signup) => signup.status === 200).map((signup) => signup.requestId ?? '');

    // Assess
    expect(accepted.length).toBeGreaterThan(VALID * 0.6);
    const notExactlyOnce = accepted.filter((requestId) => outcomes.get(requestId) !== 1);
    expect(notExactlyOnce.map((requestId) => [requestId, outcomes.get(requestId) ?? 0])).toEqual([]);
    expect([...outcomes.keys()].sort()).toEqual([...accepted].sort());
    expect(deadLettered.length).toBeGreaterThan(0); // the faults really bit: some signups exhausted their retries
  });

  it('produces no message for a rejected or unqueued request', () => {
    // Prepare
    const refused = new Set(sent.filter((signup) => signup.status !== 200).map((signup) => signup.requestId));

    // Act
    const leaked = [
      ...pipeline.outbox.list().filter((email) => refused.has(email.requestId)),
      ...deadLettered.filter((message) => refused.has(message.requestId)),
    ];

    // Assess
    expect(refused.size).toBeGreaterThanOrEqual(INVALID);
    expect(leaked).toEqual([]);
  });

  it('logs no submitted email address or name', () => {
    // Act
    const logs = pipeline.logLines.join('\n');

    // Assess
    expect(logs.length).toBeGreaterThan(0);
    const leaked = sent.filter((signup) => logs.includes(signup.email) || logs.includes(signup.name));
    expect(leaked.map((signup) => signup.email)).toEqual([]);
  });
});
