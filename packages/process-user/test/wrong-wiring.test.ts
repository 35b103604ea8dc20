import { describe, expect, it } from 'vitest';
import { createHandler, NotAnSqsEventError } from '../src/handler.js';
import { fakePublisher, lambdaContext, recordingLog, recordingMetrics, serializeLog } from './support.js';

function setup() {
  const publisher = fakePublisher();
  const log = recordingLog();
  const metrics = recordingMetrics();
  const handler = createHandler({ publisher, log, metrics, publishConcurrency: 10 });
  return { handler, publisher, log, metrics };
}

async function errorOf(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('the handler did not throw');
}

describe('process-user invoked with something that is not an SQS event', () => {
  it.each([
    [
      'an API Gateway event',
      { httpMethod: 'POST', body: '{"name":"Siddu","email":"siddu@example.com"}', requestContext: {} },
      'an API Gateway event',
    ],
    [
      'an HTTP API (v2) event',
      { version: '2.0', requestContext: { http: { method: 'POST' } } },
      'an API Gateway event',
    ],
    ['the bare signup body', { name: 'Siddu', email: 'siddu@example.com' }, 'a bare signup body'],
    ['null', null, 'got null'],
    ['undefined', undefined, 'got undefined'],
    ['a string', '{"Records":[]}', 'got string'],
    ["the Lambda console's hello-world event", { key1: 'value1', key2: 'value2' }, 'keys key1, key2'],
    ['Records that is not an array', { Records: { body: '{}' } }, 'but got an object with keys Records'],
    [
      'a record without a string body',
      { Records: [{ messageId: 'm-1', body: { name: 'Siddu' } }] },
      'Records[0]',
    ],
    ['a record that is null', { Records: [null] }, 'Records[0]'],
  ])('throws NotAnSqsEventError with a diagnosis for %s, and logs it', async (_case, event, got) => {
    // Prepare
    const { handler, publisher, log } = setup();

    // Act
    const error = await errorOf(handler(event, lambdaContext()));

    // Assess
    expect(error).toBeInstanceOf(NotAnSqsEventError);
    expect(error.name).toBe('NotAnSqsEventError');
    expect(error.message).toContain(got);
    expect(error.message).toMatch(/SQS/);
    expect(publisher.sent).toEqual([]);
    expect(log.records).toEqual([
      { level: 'error', message: 'Event is not an SQS event', extra: [{ diagnosis: error.message }] },
    ]);
  });

  it('names the likely misconfiguration: the event source mapping, or wrapping the message by hand', async () => {
    // Prepare
    const { handler } = setup();

    // Act
    const error = await errorOf(handler({ name: 'Siddu', email: 'siddu@example.com' }, lambdaContext()));

    // Assess
    expect(error.message).toMatch(/event source mapping/);
    expect(error.message).toMatch(/Records\[\]\.body/);
  });

  it('does not put the bare body into the log or the error', async () => {
    // Prepare
    const { handler, log } = setup();

    // Act
    const error = await errorOf(handler({ name: 'Siddu', email: 'siddu@example.com' }, lambdaContext()));

    // Assess
    for (const text of [serializeLog(log), error.message]) {
      expect(text).not.toContain('Siddu');
      expect(text).not.toContain('siddu@example.com');
    }
  });
});
