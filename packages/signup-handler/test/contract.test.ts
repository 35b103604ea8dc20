import { parseSignupMessage } from '@signup/schema';
import v1Fixture from '@signup/schema/fixtures/signup-message-v1.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.js';
import { fakeQueue, lambdaContext, recordingLog, restPostEvent } from './support.js';

describe('the message signup-handler queues', () => {
  it('has the shape of the canonical version 1 fixture and parses as a version 1 message', async () => {
    // Prepare
    const queue = fakeQueue();
    const handler = createHandler({ queue, log: recordingLog(), allowedOrigin: '*' });

    // Act
    await handler(restPostEvent(), lambdaContext());

    // Assess
    expect(queue.sent).toHaveLength(1);
    const onTheWire: Record<string, unknown> = JSON.parse(JSON.stringify(queue.sent[0]));
    expect(Object.keys(onTheWire).sort()).toEqual(Object.keys(v1Fixture).sort());
    for (const [key, value] of Object.entries(v1Fixture)) {
      expect(typeof onTheWire[key], key).toBe(typeof value);
    }
    expect(onTheWire.version).toBe(v1Fixture.version);
    expect(parseSignupMessage(onTheWire)).toEqual({ ok: true, value: onTheWire });
  });

  it('carries the same values as the fixture for the same request', async () => {
    // Prepare
    const queue = fakeQueue();
    const handler = createHandler({
      queue,
      log: recordingLog(),
      allowedOrigin: '*',
      now: () => new Date(v1Fixture.submittedAt),
    });

    // Act
    await handler(restPostEvent(), lambdaContext());

    // Assess
    expect(JSON.parse(JSON.stringify(queue.sent))).toEqual([v1Fixture]);
  });
});
