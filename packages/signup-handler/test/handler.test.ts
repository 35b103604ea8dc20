import type { APIGatewayProxyResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_MESSAGE, createHandler, MAX_BODY_BYTES } from '../src/handler.js';
import type { SignupQueue } from '../src/ports.js';
import {
  bodyOf,
  failingQueue,
  fakeQueue,
  httpV2PostEvent,
  lambdaContext,
  type RecordingLog,
  recordingLog,
  restOptionsEvent,
  restPostEvent,
  restPostWithBody,
  serializeLog,
} from './support.js';

const REST_REQUEST_ID = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';
const VALID_BODY = '{"name":"Siddu","email":"siddu@example.com"}';
const fixedNow = () => new Date('2026-12-03T16:20:00.000Z');

function setup({ queue = fakeQueue() as SignupQueue, allowedOrigin = '*' } = {}) {
  const log = recordingLog();
  const handler = createHandler({ queue, log, allowedOrigin, now: fixedNow });
  return { handler, log, queue };
}

function expectClientError(result: APIGatewayProxyResult, statusCode: number, field: string): void {
  expect(result.statusCode).toBe(statusCode);
  const body = bodyOf(result);
  expect(body.message).toEqual(expect.any(String));
  expect(body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
  for (const error of body.errors as unknown[]) {
    expect(Object.keys(error as object).sort()).toEqual(['field', 'message']);
  }
}

function levels(log: RecordingLog, level: string): unknown[] {
  return log.records.filter((record) => record.level === level).map((record) => record.message);
}

describe('signup handler', () => {
  describe('with a valid signup', () => {
    it('answers 200 with the request id and CORS headers, and queues the signup', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });

      // Act
      const result = await handler(restPostEvent(), lambdaContext());

      // Assess
      expect(result.statusCode).toBe(200);
      expect(bodyOf(result)).toEqual({ message: 'Signup received and queued', requestId: REST_REQUEST_ID });
      expect(result.headers).toMatchObject({
        'Content-Type': 'application/json; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'OPTIONS,POST',
        'Access-Control-Allow-Headers': 'Content-Type',
      });
      expect(queue.sent).toEqual([
        {
          version: 1,
          requestId: REST_REQUEST_ID,
          name: 'Siddu',
          email: 'siddu@example.com',
          submittedAt: '2026-12-03T16:20:00.000Z',
        },
      ]);
    });

    it('accepts an HTTP API (v2) event', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });

      // Act
      const result = await handler(httpV2PostEvent(), lambdaContext());

      // Assess
      expect(result.statusCode).toBe(200);
      expect(bodyOf(result)).toEqual({ message: ACCEPTED_MESSAGE, requestId: 'JKJaXmPLvHcESHA=' });
      expect(queue.sent.map((message) => message.requestId)).toEqual(['JKJaXmPLvHcESHA=']);
    });

    it('accepts a base64-encoded body', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });
      const json = JSON.stringify({ name: 'Siddu', email: 'siddu@example.com' });
      const event = { ...restPostEvent(), body: Buffer.from(json).toString('base64'), isBase64Encoded: true };

      // Act
      const result = await handler(event, lambdaContext());

      // Assess
      expect(result.statusCode).toBe(200);
      expect(queue.sent.map(({ name, email }) => ({ name, email }))).toEqual([
        { name: 'Siddu', email: 'siddu@example.com' },
      ]);
    });

    it('accepts a body of exactly the maximum size', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });
      const json = JSON.stringify({ name: 'Siddu', email: 'siddu@example.com' });
      const body = json.padEnd(MAX_BODY_BYTES, ' ');

      // Act
      const result = await handler(restPostWithBody(body), lambdaContext());

      // Assess
      expect(Buffer.byteLength(body)).toBe(10 * 1024);
      expect(result.statusCode).toBe(200);
      expect(queue.sent).toHaveLength(1);
    });

    it('logs the signup with a masked email only', async () => {
      // Prepare
      const { handler, log } = setup();

      // Act
      await handler(restPostEvent(), lambdaContext());

      // Assess
      expect(log.records).toContainEqual({
        level: 'info',
        message: 'Signup queued',
        extra: [{ requestId: REST_REQUEST_ID, email: 's***@example.com' }],
      });
    });
  });

  describe('with CORS', () => {
    it('answers a preflight OPTIONS request with 204 and the CORS headers, queuing nothing', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });

      // Act
      const result = await handler(restOptionsEvent(), lambdaContext());

      // Assess
      expect(result.statusCode).toBe(204);
      expect(result.body).toBe('');
      expect(result.headers).toMatchObject({
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'OPTIONS,POST',
        'Access-Control-Allow-Headers': 'Content-Type',
      });
      expect(queue.sent).toEqual([]);
    });

    it('echoes a request origin that is on the allowed-origin list', async () => {
      // Prepare
      const { handler } = setup({ allowedOrigin: 'https://admin.example.com,https://app.example.com' });

      // Act
      const result = await handler(restPostEvent(), lambdaContext());

      // Assess
      expect(result.statusCode).toBe(200);
      expect(result.headers?.['Access-Control-Allow-Origin']).toBe('https://app.example.com');
      expect(result.headers?.Vary).toBe('Origin');
    });

    it('does not allow an origin missing from the allowed-origin list', async () => {
      // Prepare
      const { handler } = setup({ allowedOrigin: 'https://admin.example.com' });

      // Act
      const result = await handler(restPostEvent(), lambdaContext());

      // Assess
      expect(result.headers).not.toHaveProperty('Access-Control-Allow-Origin');
    });
  });

  describe('with a client mistake', () => {
    it('answers 405 to a GET and queues nothing', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });
      const event = { ...restPostEvent(), httpMethod: 'GET', body: null };

      // Act
      const result = await handler(event, lambdaContext());

      // Assess
      expect(result.statusCode).toBe(405);
      expect(result.headers?.Allow).toBe('OPTIONS, POST');
      expect(result.headers?.['Access-Control-Allow-Origin']).toBe('*');
      expect(queue.sent).toEqual([]);
    });

    it.each([
      ['a request without a body', null, 'body'],
      ['an empty body', '', 'body'],
      ['a JSON null body', 'null', 'body'],
      ['a body that is not JSON', '{"name": "Siddu", "email": ', 'body'],
      ['a JSON string body', '"Siddu"', 'body'],
      ['a JSON array body', '[{"name":"Siddu","email":"siddu@example.com"}]', 'body'],
      ['a request without an email', '{"name":"Siddu"}', 'email'],
      ['a request without a name', '{"email":"siddu@example.com"}', 'name'],
      ['a name that is a number', '{"name":42,"email":"siddu@example.com"}', 'name'],
      ['an email that is an object', '{"name":"Siddu","email":{"address":"siddu@example.com"}}', 'email'],
      ['a malformed email', '{"name":"Siddu","email":"siddu.example.com"}', 'email'],
      ['an unknown field', '{"name":"Siddu","email":"siddu@example.com","role":"admin"}', 'role'],
      ['an over-long name', JSON.stringify({ name: 'S'.repeat(101), email: 'siddu@example.com' }), 'name'],
    ])('answers 400 to %s and queues nothing', async (_case, body, field) => {
      // Prepare
      const queue = fakeQueue();
      const { handler, log } = setup({ queue });

      // Act
      const result = await handler(restPostWithBody(body), lambdaContext());

      // Assess
      expectClientError(result, 400, field);
      expect(bodyOf(result).requestId).toBe(REST_REQUEST_ID);
      expect(result.headers?.['Access-Control-Allow-Origin']).toBe('*');
      expect(queue.sent).toEqual([]);
      expect(levels(log, 'warn')).toEqual(['Signup rejected']);
    });

    it('answers a JSON null body exactly like a missing body', async () => {
      // Prepare
      const { handler } = setup();

      // Act
      const missing = await handler(restPostWithBody(null), lambdaContext());
      const jsonNull = await handler(restPostWithBody('null'), lambdaContext());

      // Assess
      expect(bodyOf(jsonNull)).toEqual(bodyOf(missing));
      expect(bodyOf(jsonNull).message).toBe('A JSON body with name and email is required');
    });

    it('answers 400 to a base64-encoded body that is not UTF-8', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });
      const notUtf8 = Buffer.from([0x7b, 0x22, 0x6e, 0xff, 0xfe, 0x22, 0x7d]).toString('base64');
      const event = { ...restPostEvent(), body: notUtf8, isBase64Encoded: true };

      // Act
      const result = await handler(event, lambdaContext());

      // Assess
      expectClientError(result, 400, 'body');
      expect(bodyOf(result).message).toMatch(/UTF-8/);
      expect(queue.sent).toEqual([]);
    });

    it('answers 413 to a body over 10 KiB and queues nothing', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });
      const json = JSON.stringify({ name: 'Siddu', email: 'siddu@example.com' });
      const body = json.padEnd(MAX_BODY_BYTES + 1, ' ');

      // Act
      const result = await handler(restPostWithBody(body), lambdaContext());

      // Assess
      expect(result.statusCode).toBe(413);
      expect(bodyOf(result).message).toEqual(expect.stringContaining('10240'));
      expect(queue.sent).toEqual([]);
    });

    it('answers 415 to a text/plain body and queues nothing', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler } = setup({ queue });
      const event = restPostWithBody('{"name":"Siddu","email":"siddu@example.com"}', 'text/plain');

      // Act
      const result = await handler(event, lambdaContext());

      // Assess
      expect(result.statusCode).toBe(415);
      expect(bodyOf(result).message).toBe('Content-Type must be application/json');
      expect(queue.sent).toEqual([]);
    });

    it('answers 400 to a bare body invoked without the proxy integration, naming AWS_PROXY, and logs it', async () => {
      // Prepare
      const queue = fakeQueue();
      const { handler, log } = setup({ queue });

      // Act
      const result = await handler({ name: 'Siddu', email: 'siddu@example.com' }, lambdaContext());

      // Assess
      expect(result.statusCode).toBe(400);
      expect(bodyOf(result).message).toEqual(expect.stringContaining('AWS_PROXY'));
      expect(result.headers?.['Access-Control-Allow-Origin']).toBe('*');
      expect(queue.sent).toEqual([]);
      expect(log.records).toContainEqual({
        level: 'error',
        message: 'Event is not an API Gateway proxy event',
        extra: [{ diagnosis: expect.stringContaining('AWS_PROXY') }],
      });
    });
  });

  describe('when the queue fails', () => {
    it('answers 503 without claiming the signup was queued, and logs the error', async () => {
      // Prepare
      const failure = new Error('SQS is unavailable');
      const { handler, log } = setup({ queue: failingQueue(failure) });

      // Act
      const result = await handler(restPostEvent(), lambdaContext());

      // Assess
      expect(result.statusCode).toBe(503);
      expect(result.headers?.['Retry-After']).toBe('1');
      expect(result.headers?.['Access-Control-Allow-Origin']).toBe('*');
      expect(result.body).not.toContain(ACCEPTED_MESSAGE);
      expect(result.body).not.toMatch(/received and queued/i);
      expect(bodyOf(result).requestId).toBe(REST_REQUEST_ID);
      expect(log.records).toContainEqual({
        level: 'error',
        message: 'Signup could not be queued',
        extra: [{ requestId: REST_REQUEST_ID, error: failure }],
      });
    });
  });

  describe('never leaks', () => {
    const secretFailure = () => {
      const error = new Error('connect ECONNREFUSED 10.0.0.1:443 internal-detail');
      error.stack = `${error.name}: ${error.message}\n    at SqsSignupQueue.enqueue (/var/task/index.mjs:1:2345)`;
      return error;
    };
    const scenarios: [string, () => unknown, SignupQueue][] = [
      ['a valid signup', () => restPostEvent(), fakeQueue()],
      ['a queue failure', () => restPostEvent(), failingQueue(secretFailure())],
      ['invalid JSON', () => restPostWithBody(`${VALID_BODY},`), fakeQueue()],
      [
        'an invalid signup',
        () => restPostWithBody('{"name":"Siddu","email":"siddu@example.com","x":1}'),
        fakeQueue(),
      ],
      ['a bare body', () => ({ name: 'Siddu', email: 'siddu@example.com' }), fakeQueue()],
      ['a text/plain body', () => restPostWithBody(VALID_BODY, 'text/plain'), fakeQueue()],
      ['a body over 10 KiB', () => restPostWithBody(VALID_BODY.padEnd(MAX_BODY_BYTES + 1)), fakeQueue()],
    ];

    it('a stack trace in the response to a GET', async () => {
      // Prepare
      const { handler } = setup();

      // Act
      const result = await handler({ ...restPostEvent(), httpMethod: 'GET' }, lambdaContext());

      // Assess
      expect(result.statusCode).toBe(405);
      expect(result.body).not.toMatch(/\n\s+at |\.m?[jt]s:\d+:\d+|stack/i);
    });

    it.each(scenarios)(
      'a stack trace or internal error in the response to %s',
      async (_case, event, queue) => {
        // Prepare
        const { handler } = setup({ queue });

        // Act
        const result = await handler(event(), lambdaContext());

        // Assess
        expect(result.body).not.toMatch(/\n\s+at |\.m?[jt]s:\d+:\d+|stack/i);
        expect(result.body).not.toContain('ECONNREFUSED');
        expect(result.body).not.toContain('internal-detail');
      },
    );

    it.each(scenarios)('the email or name into the log for %s', async (_case, event, queue) => {
      // Prepare
      const { handler, log } = setup({ queue });

      // Act
      await handler(event(), lambdaContext());

      // Assess
      const logged = serializeLog(log);
      expect(log.records.length).toBeGreaterThan(0);
      expect(logged).not.toContain('siddu@example.com');
      expect(logged).not.toContain('Siddu');
    });
  });
});
