import { describe, expect, it } from 'vitest';
import { createHandler, MAX_BODY_BYTES } from '../src/handler.js';
import type { SignupQueue } from '../src/ports.js';
import {
  failingQueue,
  fakeQueue,
  lambdaContext,
  recordingLog,
  recordingMetrics,
  restOptionsEvent,
  restPostEvent,
  restPostWithBody,
} from './support.js';

const VALID_BODY = '{"name":"Siddu","email":"siddu@example.com"}';

function setup(queue: SignupQueue = fakeQueue()) {
  const metrics = recordingMetrics();
  const handler = createHandler({ queue, log: recordingLog(), allowedOrigin: '*', metrics });
  return { handler, metrics };
}

describe('signup handler metrics', () => {
  it('counts an accepted signup once and flushes once', async () => {
    // Prepare
    const { handler, metrics } = setup();

    // Act
    const result = await handler(restPostEvent(), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(200);
    expect(metrics.calls).toEqual(['accepted', 'flush']);
  });

  it.each([
    ['invalid JSON', () => restPostWithBody('{"name": "Siddu", "email": '), 400, 'invalid-json'],
    ['a missing body', () => restPostWithBody(null), 400, 'missing-body'],
    ['an empty body', () => restPostWithBody(''), 400, 'missing-body'],
    ['a JSON null body', () => restPostWithBody('null'), 400, 'missing-body'],
    [
      'a base64 body that is not UTF-8',
      () => ({
        ...restPostEvent(),
        body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64'),
        isBase64Encoded: true,
      }),
      400,
      'not-utf8',
    ],
    ['a body over 10 KiB', () => restPostWithBody(VALID_BODY.padEnd(MAX_BODY_BYTES + 1)), 413, 'too-large'],
    ['a text/plain body', () => restPostWithBody(VALID_BODY, 'text/plain'), 415, 'unsupported-media-type'],
    ['a signup without an email', () => restPostWithBody('{"name":"Siddu"}'), 400, 'invalid'],
    [
      'a name with a line break',
      () => restPostWithBody('{"name":"Sid\\r\\ndu","email":"siddu@example.com"}'),
      400,
      'invalid',
    ],
  ])('counts %s as rejected with its reason, and nothing else', async (_case, event, status, reason) => {
    // Prepare
    const { handler, metrics } = setup();

    // Act
    const result = await handler(event(), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(status);
    expect(metrics.calls).toEqual([`rejected:${reason}`, 'flush']);
  });

  it('counts a queue failure as queueSendFailed when it answers 503', async () => {
    // Prepare
    const { handler, metrics } = setup(failingQueue(new Error('SQS is unavailable')));

    // Act
    const result = await handler(restPostEvent(), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(503);
    expect(metrics.calls).toEqual(['queueSendFailed', 'flush']);
  });

  it.each([
    ['a preflight OPTIONS request', () => restOptionsEvent(), 204],
    ['a GET', () => ({ ...restPostEvent(), httpMethod: 'GET' }), 405],
    ['a bare body (no proxy integration)', () => ({ name: 'Siddu', email: 'siddu@example.com' }), 400],
    ['an event that is not an object', () => 'hello', 400],
  ])('counts nothing but still flushes once for %s', async (_case, event, status) => {
    // Prepare
    const { handler, metrics } = setup();

    // Act
    const result = await handler(event(), lambdaContext());

    // Assess
    expect(result.statusCode).toBe(status);
    expect(metrics.calls).toEqual(['flush']);
  });

  it('flushes once even when the handler path throws', async () => {
    // Prepare
    const metrics = recordingMetrics();
    const queue = fakeQueue();
    const failure = new Error('the logger broke');
    const log = {
      ...recordingLog(),
      info: () => {
        throw failure;
      },
    };
    const handler = createHandler({ queue, log, allowedOrigin: '*', metrics });

    // Act
    const attempt = handler(restPostEvent(), lambdaContext());

    // Assess
    await expect(attempt).rejects.toBe(failure);
    expect(metrics.calls).toEqual(['flush']);
    expect(queue.sent).toHaveLength(1);
  });

  it('does not answer 503 or count a queue failure when the signup was queued and a later step fails', async () => {
    // Prepare
    const metrics = recordingMetrics();
    const queue = fakeQueue();
    const log = {
      ...recordingLog(),
      info: () => {
        throw new Error('the logger broke');
      },
    };
    const handler = createHandler({ queue, log, allowedOrigin: '*', metrics });

    // Act
    const result = await handler(restPostEvent(), lambdaContext()).catch(() => undefined);

    // Assess
    expect(queue.sent).toHaveLength(1);
    expect(result?.statusCode).not.toBe(503);
    expect(metrics.calls).not.toContain('queueSendFailed');
  });

  it('flushes once per invocation over several invocations', async () => {
    // Prepare
    const { handler, metrics } = setup();

    // Act
    await handler(restPostEvent(), lambdaContext());
    await handler(restPostWithBody('{'), lambdaContext());
    await handler(restOptionsEvent(), lambdaContext());

    // Assess
    expect(metrics.calls).toEqual(['accepted', 'flush', 'rejected:invalid-json', 'flush', 'flush']);
  });
});
