import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, readBodyBytes } from '../src/http-util.js';
import { fromProxyResult, toProxyEvent } from '../src/proxy-event.js';

interface Captured {
  readonly request: IncomingMessage;
  readonly body: Buffer;
}

describe('toProxyEvent', () => {
  let server: Server;
  let port: number;
  let captured: Captured[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      void readBodyBytes(request, 1024 * 1024).then((body) => {
        captured.push({ request, body });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await closeServer(server);
  });

  /** Sends a raw request (so header names and repeats are exactly as written) and captures it. */
  const send = (
    path: string,
    { method = 'POST', headers = {} as Record<string, string | string[]>, body = Buffer.alloc(0) } = {},
  ): Promise<Captured> =>
    new Promise((resolve, reject) => {
      captured = [];
      const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers, timeout: 5_000 });
      outgoing.on('error', reject);
      outgoing.on('timeout', () => outgoing.destroy(new Error('request timed out')));
      outgoing.on('response', (response) => {
        if (response.statusCode !== 200) reject(new Error(`the server answered ${response.statusCode}`));
        response.resume();
        response.on('end', () => {
          const first = captured[0];
          if (first) resolve(first);
          else reject(new Error('the server captured no request'));
        });
      });
      outgoing.end(body);
    });

  it('copies single-value headers and lists a repeated header in multiValueHeaders', async () => {
    // Prepare
    const { request, body } = await send('/signup', {
      headers: { 'Content-Type': 'application/json', 'X-Trace': ['one', 'two'] },
    });

    // Act
    const event = toProxyEvent(request, body, { resource: '/signup' });

    // Assess
    expect(event.headers['Content-Type']).toBe('application/json');
    expect(event.headers['X-Trace']).toBe('two');
    expect(event.multiValueHeaders['X-Trace']).toEqual(['one', 'two']);
    expect(event.multiValueHeaders['Content-Type']).toEqual(['application/json']);
    expect(event.headers.Host).toBe(`127.0.0.1:${port}`);
  });

  it('maps single and repeated query string parameters', async () => {
    // Prepare
    const { request, body } = await send('/signup?ref=mail&tag=a&tag=b', { method: 'GET' });

    // Act
    const event = toProxyEvent(request, body, { resource: '/signup' });

    // Assess
    expect(event.path).toBe('/signup');
    expect(event.httpMethod).toBe('GET');
    expect(event.queryStringParameters).toEqual({ ref: 'mail', tag: 'b' });
    expect(event.multiValueQueryStringParameters).toEqual({ ref: ['mail'], tag: ['a', 'b'] });
  });

  it('sets both query string fields to null when there is no query string', async () => {
    // Prepare
    const { request, body } = await send('/signup');

    // Act
    const event = toProxyEvent(request, body, { resource: '/signup' });

    // Assess
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
  });

  it('builds the request context of the prod stage with the source IP and request time', async () => {
    // Prepare
    const { request, body } = await send('/signup', { headers: { 'User-Agent': 'unit-test/1.0' } });
    const now = new Date(Date.UTC(2026, 11, 3, 6, 5, 9, 123));

    // Act
    const event = toProxyEvent(request, body, { resource: '/signup', now });

    // Assess
    expect(event.resource).toBe('/signup');
    expect(event.requestContext).toMatchObject({
      stage: 'prod',
      path: '/prod/signup',
      resourcePath: '/signup',
      httpMethod: 'POST',
      protocol: 'HTTP/1.1',
      requestTime: '03/Dec/2026:06:05:09 +0000',
      requestTimeEpoch: now.getTime(),
      domainName: `127.0.0.1:${port}`,
    });
    expect(event.requestContext.requestTime).toMatch(
      /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/,
    );
    expect(event.requestContext.identity.sourceIp).toBe('127.0.0.1');
    expect(event.requestContext.identity.userAgent).toBe('unit-test/1.0');
  });

  it('gives every event its own request id', async () => {
    // Prepare
    const { request, body } = await send('/signup');

    // Act
    const ids = Array.from(
      { length: 5 },
      () => toProxyEvent(request, body, { resource: '/signup' }).requestContext.requestId,
    );

    // Assess
    expect(new Set(ids).size).toBe(5);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('passes a UTF-8 body as text', async () => {
    // Prepare
    const text = JSON.stringify({ name: 'Zoë', email: 'zoe@example.com' });
    const { request, body } = await send('/signup', { body: Buffer.from(text, 'utf8') });

    // Act
    const event = toProxyEvent(request, body, { resource: '/signup' });

    // Assess
    expect(event.body).toBe(text);
    expect(event.isBase64Encoded).toBe(false);
  });

  it('passes a body that is not valid UTF-8 as base64', async () => {
    // Prepare
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const { request, body } = await send('/signup', { body: bytes });

    // Act
    const event = toProxyEvent(request, body, { resource: '/signup' });

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(bytes.toString('base64'));
  });

  it('sets an empty body to null', async () => {
    // Prepare
    const { request, body } = await send('/signup');

    // Act
    const event = toProxyEvent(request, body, { resource: '/signup' });

    // Assess
    expect(body.length).toBe(0);
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
  });
});

describe('fromProxyResult', () => {
  it('maps a valid proxy result to the reply', () => {
    // Prepare
    const result = {
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-n': 7 },
      body: '{"a":1}',
    };

    // Act
    const reply = fromProxyResult(result);

    // Assess
    expect(reply).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json', 'x-n': '7' },
      body: Buffer.from('{"a":1}', 'utf8'),
    });
  });

  it('decodes a base64 body', () => {
    // Prepare
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80]);

    // Act
    const reply = fromProxyResult({ statusCode: 200, body: bytes.toString('base64'), isBase64Encoded: true });

    // Assess
    expect(reply?.body.equals(bytes)).toBe(true);
  });

  it('keeps multiValueHeaders as lists', () => {
    // Act
    const reply = fromProxyResult({
      statusCode: 200,
      headers: { 'x-single': 'one' },
      multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
    });

    // Assess
    expect(reply?.headers).toEqual({ 'x-single': 'one', 'set-cookie': ['a=1', 'b=2'] });
    expect(reply?.body.length).toBe(0);
  });

  it.each([
    ['a result without statusCode', { body: 'hello' }],
    ['a string statusCode', { statusCode: '200', body: 'hello' }],
    ['a number as body', { statusCode: 200, body: 42 }],
    ['a status code out of range', { statusCode: 700 }],
    ['a non-list multiValueHeaders entry', { statusCode: 200, multiValueHeaders: { a: 'b' } }],
    ['a string', 'hello'],
    ['a number', 200],
    ['null', null],
    ['undefined', undefined],
  ])('rejects %s as an invalid proxy result', (_what, result) => {
    // Act
    const reply = fromProxyResult(result);

    // Assess
    expect(reply).toBeUndefined();
  });
});
