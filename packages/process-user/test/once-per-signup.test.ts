import { IdempotencyAlreadyInProgressError } from '@aws-lambda-powertools/idempotency';
import type { SignupMessageV1 } from '@signup/schema';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.js';
import type { OncePerSignup } from '../src/ports.js';
import { processUser, signupKey } from '../src/process-user.js';
import {
  eventWithBodies,
  fakeOnce,
  fakePublisher,
  lambdaContext,
  recordingLog,
  recordingMetrics,
  serializeLog,
} from './support.js';

const v1Message: SignupMessageV1 = {
  version: 1,
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  name: 'Siddu',
  email: 'Siddu.Kumar@Example.com',
  submittedAt: '2026-12-03T16:20:00.000Z',
};

const v1Body = (overrides: Partial<SignupMessageV1> = {}) => JSON.stringify({ ...v1Message, ...overrides });

describe('processUser with a duplicate guard', () => {
  it('keys the signup on the lower-cased email address', async () => {
    // Prepare
    const once = fakeOnce();

    // Act
    await processUser(v1Message, { publisher: fakePublisher(), once });

    // Assess
    expect(once.keys).toEqual(['siddu.kumar@example.com']);
    expect(signupKey({ name: 'Ada', email: 'ADA@EXAMPLE.ORG' })).toBe('ada@example.org');
  });

  it('publishes and answers published the first time', async () => {
    // Prepare
    const publisher = fakePublisher();

    // Act
    const outcome = await processUser(v1Message, { publisher, once: fakeOnce() });

    // Assess
    expect(outcome).toBe('published');
    expect(publisher.sent).toHaveLength(1);
  });

  it('does not publish a duplicate and answers duplicate', async () => {
    // Prepare
    const publisher = fakePublisher();
    const once = fakeOnce(['siddu.kumar@example.com']);

    // Act
    const outcome = await processUser(
      { name: 'Siddu', email: 'SIDDU.KUMAR@example.com' },
      { publisher, once },
    );

    // Assess
    expect(outcome).toBe('duplicate');
    expect(publisher.sent).toEqual([]);
  });

  it('lets a failing publish through the guard, so a retry publishes', async () => {
    // Prepare
    let failNext = true;
    const publisher = fakePublisher(() => {
      const fail = failNext;
      failNext = false;
      return fail;
    });
    const once = fakeOnce();

    // Act
    const first = processUser(v1Message, { publisher, once });
    await expect(first).rejects.toThrow('SNS is unavailable');
    const retry = await processUser(v1Message, { publisher, once });

    // Assess
    expect(retry).toBe('published');
    expect(publisher.sent).toHaveLength(1);
  });
});

describe('process-user handler with a duplicate guard', () => {
  function setup(once: OncePerSignup) {
    const publisher = fakePublisher();
    const log = recordingLog();
    const metrics = recordingMetrics();
    const handler = createHandler({ publisher, log, once, metrics, publishConcurrency: 1 });
    return { handler, publisher, log, metrics };
  }

  it('treats a duplicate as success, counts it as duplicateSuppressed and publishes once', async () => {
    // Prepare
    const { handler, publisher, metrics, log } = setup(fakeOnce());
    const event = eventWithBodies([
      v1Body(),
      v1Body({ requestId: 'second-submit', email: 'siddu.kumar@EXAMPLE.com' }),
      v1Body(),
    ]);

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(publisher.sent).toHaveLength(1);
    expect(metrics.calls).toEqual(['published', 'duplicateSuppressed', 'duplicateSuppressed', 'flush']);
    expect(
      log.records.filter(
        (record) => record.message === 'Duplicate signup: welcome email already sent, not sent again',
      ),
    ).toHaveLength(2);
    expect(serializeLog(log)).not.toContain('Siddu');
  });

  it('reports a record as a batch failure when the guard finds the same signup still in progress', async () => {
    // Prepare
    const inProgress: OncePerSignup = {
      run: async () => {
        throw new IdempotencyAlreadyInProgressError(
          'There is already an execution in progress with idempotency key: abc',
        );
      },
    };
    const { handler, publisher, metrics, log } = setup(inProgress);

    // Act
    const response = await handler(eventWithBodies([v1Body()]), lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'message-1' }] });
    expect(publisher.sent).toEqual([]);
    expect(metrics.calls).toEqual(['publishFailed', 'flush']);
    expect(log.records).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Welcome email could not be published; the message will be retried',
      }),
    );
  });

  it('reports a record as a batch failure when the guard itself fails (e.g. its table is unreachable)', async () => {
    // Prepare
    const broken: OncePerSignup = {
      run: async () => {
        throw new Error('DynamoDB is unavailable');
      },
    };
    const { handler } = setup(broken);

    // Act
    const response = await handler(
      eventWithBodies([v1Body(), v1Body({ email: 'ada@example.com' })]),
      lambdaContext(),
    );

    // Assess
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: 'message-1' },
      { itemIdentifier: 'message-2' },
    ]);
  });
});

describe('process-user handler metrics', () => {
  it('counts published, publishFailed and invalidMessage per record, then flushes once', async () => {
    // Prepare
    const publisher = fakePublisher((email) => email.message.includes('Grace'));
    const metrics = recordingMetrics();
    const handler = createHandler({ publisher, log: recordingLog(), metrics, publishConcurrency: 1 });
    const event = eventWithBodies([
      v1Body({ name: 'Ada', email: 'ada@example.com' }),
      v1Body({ name: 'Grace', email: 'grace@example.com' }),
      '{"name":"Sid\\r\\ndu","email":"siddu@example.com"}',
      '{"name":"Katherine","email":"katherine@example.com"}',
    ]);

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: 'message-2' },
      { itemIdentifier: 'message-3' },
    ]);
    expect(metrics.calls).toEqual(['published', 'publishFailed', 'invalidMessage', 'published', 'flush']);
  });

  it('flushes once for an empty batch', async () => {
    // Prepare
    const metrics = recordingMetrics();
    const handler = createHandler({
      publisher: fakePublisher(),
      log: recordingLog(),
      metrics,
      publishConcurrency: 10,
    });

    // Act
    const response = await handler({ Records: [] }, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(metrics.calls).toEqual(['flush']);
  });
});
