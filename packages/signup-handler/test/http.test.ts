import { describe, expect, it } from 'vitest';
import { jsonResponse, readHttpRequest } from '../src/http.js';
import { httpV2PostEvent, lambdaContext, restPostEvent } from './support.js';

describe('readHttpRequest', () => {
  it('reads a REST API (v1) proxy event with lower-cased headers and the API request id', () => {
    // Prepare
    const event = restPostEvent();

    // Act
    const read = readHttpRequest(event, lambdaContext());

    // Assess
    expect(read.kind).toBe('http');
    if (read.kind !== 'http') return;
    expect(read.request).toMatchObject({
      method: 'POST',
      body: event.body,
      isBase64Encoded: false,
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
    expect(read.request.headers['content-type']).toBe('application/json');
    expect(read.request.headers.origin).toBe('https://app.example.com');
    expect(read.request.headers).not.toHaveProperty('Content-Type');
  });

  it('reads an HTTP API (v2) event', () => {
    // Prepare
    const event = httpV2PostEvent();

    // Act
    const read = readHttpRequest(event, lambdaContext());

    // Assess
    expect(read.kind === 'http' && read.request.method).toBe('POST');
    expect(read.kind === 'http' && read.request.requestId).toBe('JKJaXmPLvHcESHA=');
  });

  it('falls back to the Lambda request id when the event has none', () => {
    // Prepare
    const event = { ...restPostEvent(), requestContext: undefined };

    // Act
    const read = readHttpRequest(event, lambdaContext('lambda-request-1'));

    // Assess
    expect(read.kind === 'http' && read.request.requestId).toBe('lambda-request-1');
  });

  it.each([
    ['has a line break', 'a\nb'],
    ['has a control character', 'id\u0000'],
    ['is longer than 128 characters', 'x'.repeat(129)],
    ['is empty', ''],
    ['is not a string', 42],
  ])('falls back to the Lambda request id when the event request id %s', (_case, requestId) => {
    // Prepare
    const event = restPostEvent();
    const hostile = { ...event, requestContext: { ...event.requestContext, requestId } };

    // Act
    const read = readHttpRequest(hostile, lambdaContext('lambda-request-2'));

    // Assess
    expect(read.kind === 'http' && read.request.requestId).toBe('lambda-request-2');
  });

  it.each([
    ['a string', 'hello', 'got string'],
    ['null', null, 'got null or an array'],
    ['a bare signup body', { name: 'Siddu', email: 'siddu@example.com' }, 'got a bare signup body'],
    ['an SQS event', { Records: [] }, 'got keys Records'],
  ])('explains that %s is not a proxy event', (_case, event, got) => {
    // Act
    const read = readHttpRequest(event, undefined);

    // Assess
    expect(read.kind).toBe('not-http');
    expect(read.kind === 'not-http' && read.diagnosis).toContain(got);
    expect(read.kind === 'not-http' && read.diagnosis).toContain('AWS_PROXY');
  });
});

describe('jsonResponse', () => {
  it('serializes the body and adds the base headers under the given ones', () => {
    // Act
    const response = jsonResponse(201, { ok: true }, { 'X-Extra': '1' });

    // Assess
    expect(response).toEqual({
      statusCode: 201,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Extra': '1',
      },
      body: '{"ok":true}',
    });
  });
});
