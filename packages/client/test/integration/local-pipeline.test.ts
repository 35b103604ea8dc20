import { createServer } from 'node:net';
import { type LocalPipeline, startLocalPipeline } from '@signup/local';
import { validateSignupRequest } from '@signup/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSignupClient, readSignUpResponse, type SignupClient } from '../../src/index.js';
import { buildOpenApiDocument, INVALID_REQUEST_EXAMPLES } from '../../src/openapi.js';

// The whole pipeline (the built signup-handler and process-user bundles) on free loopback ports.
let pipeline: LocalPipeline;
let client: SignupClient;

beforeAll(async () => {
  pipeline = await startLocalPipeline({ port: 0, onLogLine: () => {} });
  client = createSignupClient({ baseUrl: pipeline.url });
});

afterAll(async () => {
  await pipeline?.stop();
});

afterEach(() => {
  pipeline.faults.update({ sqsSendFailureRate: 0 });
});

/** Polls `probe` until it returns a value, or fails after `timeoutMs`. */
async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${pipeline.url}/signup`, { method: 'POST', headers, body });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('the client against the local runtime', () => {
  it('queues a valid signup, and the welcome email for that request reaches the outbox', async () => {
    // Prepare
    const request = { name: 'Ada Lovelace', email: 'ada.client@example.com' };

    // Act
    const result = await client.signUp(request);

    // Assess
    expect(result).toEqual({ kind: 'queued', requestId: expect.any(String) });
    const requestId = result.kind === 'queued' ? result.requestId : '';
    const email = await waitFor(
      () => pipeline.outbox.list().find((candidate) => candidate.requestId === requestId),
      `the welcome email of ${requestId}`,
    );
    expect(email.message).toBe('Hello Ada Lovelace, welcome to our platform!');
  });

  it("returns the server's field errors in the same shape as local validation", async () => {
    // Prepare
    const invalid = { name: '', email: 'ada@', role: 'admin' };
    const local = validateSignupRequest(invalid);

    // Act
    const fromServer = await readSignUpResponse(await post(JSON.stringify(invalid)));
    const fromClient = await client.signUp(invalid as never);

    // Assess
    expect(local.ok).toBe(false);
    expect(fromServer).toEqual({
      kind: 'invalid',
      source: 'server',
      errors: local.ok ? [] : local.errors,
      requestId: expect.any(String),
    });
    expect(fromClient).toEqual({ kind: 'invalid', source: 'client', errors: local.ok ? [] : local.errors });
  });

  it('returns unavailable with the advertised delay when the queue refuses the signup', async () => {
    // Prepare
    pipeline.faults.update({ sqsSendFailureRate: 1 });

    // Act
    const result = await client.signUp({ name: 'Grace', email: 'grace@example.com' });

    // Assess
    expect(result).toMatchObject({ kind: 'unavailable', status: 503, retryAfterSeconds: 1 });
  });

  it("returns API Gateway's 403 as an error when the base URL is wrong", async () => {
    // Prepare
    const misdirected = createSignupClient({ baseUrl: `${pipeline.url}/prod` });

    // Act
    const result = await misdirected.signUp({ name: 'Ada', email: 'ada@example.com' });

    // Assess
    expect(result).toEqual({ kind: 'error', status: 403, message: 'Missing Authentication Token' });
  });

  it('returns a network error when nothing listens at the base URL', async () => {
    // Prepare
    const unreachable = createSignupClient({ baseUrl: `http://127.0.0.1:${await closedPort()}` });

    // Act
    const result = await unreachable.signUp({ name: 'Ada', email: 'ada@example.com' });

    // Assess
    expect(result).toMatchObject({ kind: 'network-error', message: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('docs/openapi.json against the local runtime', () => {
  const document = buildOpenApiDocument() as unknown as {
    paths: {
      '/signup': {
        post: {
          responses: Record<
            string,
            { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> }
          >;
        };
      };
    };
  };
  const example = (status: string, name: string) => {
    const value =
      document.paths['/signup'].post.responses[status]?.content['application/json']?.examples[name]?.value;
    if (!value) throw new Error(`No example ${name} for ${status}`);
    const { requestId: _requestId, ...rest } = value;
    return rest;
  };
  const answer = async (response: Response) => {
    const { requestId: _requestId, ...rest } = (await response.json()) as Record<string, unknown>;
    return { status: response.status, body: rest };
  };

  it('answers 200 as documented', async () => {
    // Prepare
    const body = JSON.stringify({ name: 'Ada', email: 'ada.doc@example.com' });

    // Act
    const response = await answer(await post(body));

    // Assess
    expect(response).toEqual({ status: 200, body: example('200', 'queued') });
  });

  it.each(Object.entries(INVALID_REQUEST_EXAMPLES))(
    'answers the %s example with the documented 400',
    async (name, { value }) => {
      // Prepare
      const body = JSON.stringify(value);

      // Act
      const response = await answer(await post(body));

      // Assess
      expect(response).toEqual({ status: 400, body: example('400', name) });
    },
  );

  it.each([
    ['400', 'invalidJson', () => post('{"name":')],
    ['400', 'missingBody', () => post('null')],
    ['413', 'tooLarge', () => post(JSON.stringify({ name: 'A'.repeat(11 * 1024), email: 'a@example.com' }))],
    [
      '415',
      'unsupportedMediaType',
      () => post('name=Ada', { 'content-type': 'application/x-www-form-urlencoded' }),
    ],
    [
      '403',
      'missingAuthenticationToken',
      () => fetch(`${pipeline.url}/sign-up`, { method: 'POST', body: '{}' }),
    ],
  ])('answers %s as documented in the %s example', async (status, name, send) => {
    // Prepare
    const expected = example(status, name);

    // Act
    const response = await answer(await send());

    // Assess
    expect(response).toEqual({ status: Number(status), body: expected });
  });

  it('answers 503 as documented, with Retry-After', async () => {
    // Prepare
    pipeline.faults.update({ sqsSendFailureRate: 1 });

    // Act
    const response = await post(JSON.stringify({ name: 'Ada', email: 'ada@example.com' }));

    // Assess
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await answer(response)).toEqual({ status: 503, body: example('503', 'queueUnavailable') });
  });

  it('answers the CORS preflight with 204 and the documented headers', async () => {
    // Prepare
    const headers = { origin: 'https://www.example.com', 'access-control-request-method': 'POST' };

    // Act
    const response = await fetch(`${pipeline.url}/signup`, { method: 'OPTIONS', headers });

    // Assess
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'OPTIONS,POST',
      'access-control-allow-headers': 'Content-Type',
      'access-control-max-age': '600',
    });
  });
});
