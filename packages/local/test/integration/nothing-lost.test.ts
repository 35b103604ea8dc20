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

  const outcomesByRequestId = () => {
    const outcomes = new Map<string, number>();
    const add = (requestId: string | undefined) =>
      outcomes.set(requestId ?? '', (outcomes.get(requestId ?? '') ?? 0) + 1);
    for (const email of pipeline.outbox.list()) add(email.requestId);
    for (const message of deadLettered) add(message.requestId);
    return outcomes;
  };
  const requestIdsWith = (status: number) =>
    sent.filter((signup) => signup.status === status).map((signup) => signup.requestId ?? '');

  it('turns every 200 into exactly one email or one dead-lettered message', () => {
    // Act
    const outcomes = outcomesByRequestId();
    const accepted = requestIdsWith(200);

    // Assess
    expect(accepted.length).toBeGreaterThan(VALID * 0.2); // enough signups got through for this to mean something
    const notExactlyOnce = accepted.filter((requestId) => outcomes.get(requestId) !== 1);
    expect(notExactlyOnce.map((requestId) => [requestId, outcomes.get(requestId) ?? 0])).toEqual([]);
    expect(deadLettered.length).toBeGreaterThan(0); // the faults really bit: some signups exhausted their retries
  });

  it('produces no message for a rejected request, and at most one for a 503', () => {
    // Prepare: a 503 promises nothing either way (a send that timed out may have reached SQS)
    const outcomes = outcomesByRequestId();
    const rejected = requestIdsWith(400);
    const unconfirmed = new Set(requestIdsWith(503));
    const accepted = new Set(requestIdsWith(200));

    // Act
    const fromRejected = rejected.filter((requestId) => outcomes.has(requestId));
    const unexplained = [...outcomes.keys()].filter(
      (requestId) => !accepted.has(requestId) && !unconfirmed.has(requestId),
    );
    const duplicated = [...unconfirmed].filter((requestId) => (outcomes.get(requestId) ?? 0) > 1);

    // Assess
    expect(rejected.length).toBe(INVALID);
    expect(fromRejected).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(duplicated).toEqual([]);
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
