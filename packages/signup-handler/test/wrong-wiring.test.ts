import { describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.js';
import { bodyOf, fakeQueue, lambdaContext, recordingLog, recordingMetrics } from './support.js';

/** The Lambda console's default test event ("hello-world" template). */
const CONSOLE_HELLO_WORLD = { key1: 'value1', key2: 'value2', key3: 'value3' };

function setup() {
  const queue = fakeQueue();
  const log = recordingLog();
  const metrics = recordingMetrics();
  const handler = createHandler({ queue, log, metrics, allowedOrigin: '*' });
  return { handler, queue, log, metrics };
}

describe('signup handler wired without proxy integration', () => {
  it.each([
    [
      'the bare signup body (a non-proxy integration)',
      { name: 'Siddu', email: 'siddu@example.com' },
      'a bare signup body',
    ],
    ["the Lambda console's hello-world test event", CONSOLE_HELLO_WORLD, 'keys key1, key2, key3'],
    ['an empty console test event', {}, 'keys (none)'],
    ['a JSON string typed into the console', '{"name":"Siddu","email":"siddu@example.com"}', 'got string'],
    ['null', null, 'null or an array'],
    ['an array', [{ name: 'Siddu', email: 'siddu@example.com' }], 'null or an array'],
    ['an SQS event', { Records: [{ body: '{}' }] }, 'keys Records'],
  ])('answers %s with 400 and a diagnosis naming AWS_PROXY, and logs it', async (_case, event, got) => {
    // Prepare
    const { handler, queue, log } = setup();

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result.statusCode).toBe(400);
    expect(result.headers?.['Access-Control-Allow-Origin']).toBe('*');
    const message = String(bodyOf(result).message);
    expect(message).toContain('AWS_PROXY');
    expect(message).toContain(got);
    expect(queue.sent).toEqual([]);
    expect(log.records).toEqual([
      {
        level: 'error',
        message: 'Event is not an API Gateway proxy event',
        extra: [{ diagnosis: message }],
      },
    ]);
  });

  it('tells how to test from the console with the proxy template', async () => {
    // Prepare
    const { handler } = setup();

    // Act
    const result = await handler(CONSOLE_HELLO_WORLD, lambdaContext());

    // Assess
    expect(String(bodyOf(result).message)).toMatch(/apigateway-aws-proxy/);
  });

  it('does not put the bare body into the log', async () => {
    // Prepare
    const { handler, log } = setup();

    // Act
    await handler({ name: 'Siddu', email: 'siddu@example.com' }, lambdaContext());

    // Assess
    const logged = JSON.stringify(log.records);
    expect(logged).not.toContain('Siddu');
    expect(logged).not.toContain('siddu@example.com');
  });
});
