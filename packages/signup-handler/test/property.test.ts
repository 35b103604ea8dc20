import { parseSignupMessage } from '@signup/schema';
import type { APIGatewayProxyResult } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHandler, MAX_BODY_BYTES } from '../src/handler.js';
import type { SignupQueue } from '../src/ports.js';
import {
  type FakeQueue,
  fakeQueue,
  httpV2PostEvent,
  lambdaContext,
  recordingLog,
  restPostEvent,
} from './support.js';

// Bounded and reproducible: on failure fast-check reports the seed and the shrunk counterexample.
const RUNS = { numRuns: 300 };
/** Generous, so a loaded CI machine does not turn a slow run into a failure. */
const PROPERTY_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const NAME_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -\'.éüßøñ李小龍😀<>&"/'];
const plausibleName = fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 110 });
const hostileName = fc.oneof(
  fc.constantFrom(
    'Sid\r\ndu',
    'Siddu\nBcc: victim@example.com',
    'Sid\u0000du',
    'Sid\u0085du',
    'Sid\u2028du',
    '<script>alert(1)</script>',
    'Subject: Free money',
    '',
    '   ',
  ),
  fc
    .tuple(
      plausibleName,
      fc.constantFrom('\r', '\n', '\t', '\u0007', '\u001b', '\u007f', '\u2029'),
      plausibleName,
    )
    .map(([before, control, after]) => `${before}${control}${after}`),
  fc.string({ unit: 'binary', maxLength: 120 }),
);
const localPart = fc.stringMatching(/^[a-zA-Z0-9]{1,10}(\.[a-zA-Z0-9]{1,10}){0,2}$/);
const email = fc.oneof(
  fc
    .tuple(localPart, fc.constantFrom('example.com', 'Example.ORG', 'mail.example.net'))
    .map(([local, domain]) => `${local}@${domain}`),
  fc.emailAddress(),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** JSON objects shaped like a signup, often valid, sometimes with a hostile field or an extra one. */
const signupLike = fc
  .record(
    {
      name: fc.oneof(
        { weight: 3, arbitrary: plausibleName },
        { weight: 1, arbitrary: hostileName },
        fc.jsonValue(),
      ),
      email: fc.oneof({ weight: 3, arbitrary: email }, fc.jsonValue()),
      extra: fc.tuple(
        fc.oneof(
          fc.constantFrom('role', 'admin', '__proto__', 'toString', 'name'),
          fc.string({ maxLength: 8 }),
        ),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  )
  .map(({ extra, ...rest }) => (extra === undefined ? rest : { ...rest, [extra[0]]: extra[1] }));
/** Valid signups (perhaps padded with white space), so that the accepting path is exercised too. */
const validSignup = fc
  .record({
    name: fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 100 }),
    email: fc.tuple(localPart, fc.constantFrom('example.com', 'Example.ORG')).map(([l, d]) => `${l}@${d}`),
    pad: fc.constantFrom('', ' ', '  '),
  })
  .filter(({ name }) => name.trim().length > 0)
  .map(({ name, email, pad }) => ({ name: `${pad}${name}${pad}`, email: `${pad}${email}` }));
const signupJson = fc.oneof(
  { weight: 4, arbitrary: validSignup.map((value) => JSON.stringify(value)) },
  { weight: 3, arbitrary: signupLike.map((value) => JSON.stringify(value)) },
  fc.json(),
);

interface Body {
  readonly body: unknown;
  readonly isBase64Encoded: unknown;
}

const bodies: fc.Arbitrary<Body> = fc.oneof(
  signupJson.map((body) => ({ body, isBase64Encoded: false })),
  fc.string({ unit: 'binary', maxLength: 300 }).map((body) => ({ body, isBase64Encoded: false })),
  fc.json().map((body) => ({ body, isBase64Encoded: false })),
  // Around the size limit, and far over it.
  fc
    .tuple(signupJson, fc.integer({ min: MAX_BODY_BYTES - 64, max: MAX_BODY_BYTES + 64 }))
    .map(([json, size]) => ({ body: json.padEnd(size, ' '), isBase64Encoded: false })),
  fc
    .tuple(fc.constantFrom('x', 'é', '😀', '{'), fc.integer({ min: 1, max: 200_000 }))
    .map(([unit, count]) => ({ body: unit.repeat(count), isBase64Encoded: false })),
  // Base64 of random bytes (mostly not UTF-8) and of JSON.
  fc
    .uint8Array({ maxLength: 400 })
    .map((bytes) => ({ body: Buffer.from(bytes).toString('base64'), isBase64Encoded: true })),
  signupJson.map((json) => ({ body: Buffer.from(json).toString('base64'), isBase64Encoded: true })),
  // Claimed base64 that is not, and fields of the wrong type.
  fc.string({ maxLength: 80 }).map((body) => ({ body, isBase64Encoded: true })),
  fc.record({ body: fc.anything(), isBase64Encoded: fc.anything() }),
);

const contentType = fc.option(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
    fc.constantFrom('application/vnd.api+json', 'APPLICATION/JSON', 'text/plain', 'application/jsonx', ''),
    fc.string({ maxLength: 40 }),
  ),
  { nil: undefined },
);
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant('POST') },
  fc.constantFrom('post', 'OPTIONS', 'GET', 'PUT', 'DELETE', ''),
  fc.string({ maxLength: 20 }),
);
const headerName = fc.oneof(
  fc.constantFrom('Content-Type', 'content-type', 'Origin', 'X-Forwarded-For'),
  fc.string({ maxLength: 20 }),
);
const headers = fc.oneof(
  fc.dictionary(headerName, fc.oneof(fc.string({ maxLength: 40 }), fc.anything()), { maxKeys: 6 }),
  fc.constantFrom(null, undefined, 'content-type: application/json', 42, []),
);

function withContentType(base: Record<string, string>, type: string | undefined, key: string) {
  const result = { ...base };
  delete result['Content-Type'];
  delete result['content-type'];
  return type === undefined ? result : { ...result, [key]: type };
}

/** API Gateway's request id is its own, but a hostile or odd event source may carry anything there. */
const requestId = fc.oneof(
  fc.uuid(),
  fc.constantFrom('', 'a\nb', 'id\u0000', 'x'.repeat(129)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.anything(),
);

const restEvents = fc
  .record({ body: bodies, contentType, method, requestId: fc.option(requestId, { nil: undefined }) })
  .map(({ body, contentType, method, requestId }) => {
    const event = restPostEvent();
    return {
      ...event,
      ...body,
      httpMethod: method,
      headers: withContentType(event.headers as Record<string, string>, contentType, 'Content-Type'),
      ...(requestId === undefined ? {} : { requestContext: { ...event.requestContext, requestId } }),
    };
  });

const httpV2Events = fc.record({ body: bodies, contentType, method }).map(({ body, contentType, method }) => {
  const event = httpV2PostEvent();
  return {
    ...event,
    ...body,
    headers: withContentType(event.headers as Record<string, string>, contentType, 'content-type'),
    requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method } },
  };
});

const randomObjects = fc.record(
  {
    httpMethod: fc.oneof(method, fc.anything()),
    headers: fc.oneof(headers, fc.anything()),
    body: fc.oneof(
      bodies.map((body) => body.body),
      fc.anything(),
    ),
    isBase64Encoded: fc.oneof(fc.boolean(), fc.anything()),
    requestContext: fc.anything(),
  },
  { requiredKeys: [] },
);

const anyEvent: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  randomObjects,
  { weight: 3, arbitrary: restEvents },
  { weight: 3, arbitrary: httpV2Events },
);

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/** A V8 stack frame (`at fn (file.js:1:2)`) or an `Error:` header, in any string of the response. */
const STACK_TEXT = /(^|\n)\s*at \S.*:\d+:\d+|\b\w*Error: /;

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

function expectWellFormed(result: APIGatewayProxyResult): void {
  expect(Number.isInteger(result.statusCode)).toBe(true);
  expect(result.statusCode).toBeGreaterThanOrEqual(200);
  expect(result.statusCode).toBeLessThan(600);
  expect(typeof result.body).toBe('string');
  if (result.statusCode === 204) {
    expect(result.body).toBe('');
  } else {
    const parsed: unknown = JSON.parse(result.body);
    expect(typeof parsed).toBe('object');
    for (const text of [result.body, ...stringsIn(parsed)]) expect(text).not.toMatch(STACK_TEXT);
  }
  expect(typeof result.headers).toBe('object');
  for (const value of Object.values(result.headers ?? {})) expect(typeof value).toBe('string');
  expect(result.headers?.['Access-Control-Allow-Origin']).toBe('*');
}

function expectQueuedOnlyOn200(result: APIGatewayProxyResult, queue: FakeQueue): void {
  if (result.statusCode === 200) {
    expect(queue.sent).toHaveLength(1);
    const onTheWire: unknown = JSON.parse(JSON.stringify(queue.sent[0]));
    expect(parseSignupMessage(onTheWire)).toEqual({ ok: true, value: onTheWire });
  } else {
    expect(queue.sent).toEqual([]);
  }
}

/** A queue that fails with an error whose message and stack carry a marker that must never leak. */
function markedFailingQueue(): SignupQueue {
  return {
    enqueue: async () => {
      const error = new Error('LEAK-MARKER connect ECONNREFUSED 10.0.0.1:443');
      error.stack = `Error: LEAK-MARKER\n    at SqsSignupQueue.enqueue (/var/task/index.mjs:1:2345)`;
      throw error;
    },
  };
}

describe('signup handler, for arbitrary events', () => {
  it(
    'never throws, answers a well-formed proxy response and never a 5xx when the queue works',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyEvent, async (event) => {
          // Prepare
          const queue = fakeQueue();
          const handler = createHandler({ queue, log: recordingLog(), allowedOrigin: '*' });

          // Act
          const result = await handler(event, lambdaContext());

          // Assess
          expectWellFormed(result);
          expect(result.statusCode).toBeLessThan(500);
          expectQueuedOnlyOn200(result, queue);
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers 200 only with exactly one queued message that process-user can parse, else queues nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(restEvents, httpV2Events), async (event) => {
          // Prepare
          const queue = fakeQueue();
          const handler = createHandler({ queue, log: recordingLog(), allowedOrigin: '*' });

          // Act
          const result = await handler(event, lambdaContext());

          // Assess
          expect([200, 204, 400, 405, 413, 415]).toContain(result.statusCode);
          expectQueuedOnlyOn200(result, queue);
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers 503 only when the queue fails, without a stack trace or internal detail',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyEvent, fc.boolean(), async (event, queueFails) => {
          // Prepare
          const working = fakeQueue();
          const queue = queueFails ? markedFailingQueue() : working;
          const handler = createHandler({ queue, log: recordingLog(), allowedOrigin: '*' });

          // Act
          const result = await handler(event, lambdaContext());

          // Assess
          expectWellFormed(result);
          expect(result.body).not.toContain('LEAK-MARKER');
          expect(result.body).not.toContain('ECONNREFUSED');
          if (result.statusCode >= 500) {
            expect(queueFails).toBe(true);
            expect(result.statusCode).toBe(503);
          }
          if (!queueFails) expectQueuedOnlyOn200(result, working);
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
