import { validateSignupRequest } from '@signup/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSignupClient, DEFAULT_RETRY_AFTER_SECONDS, type SignupRequest } from '../src/index.js';
import { failingFetch, fakeFetch } from './fake-fetch.js';

const BASE_URL = 'https://api.example.com/prod';
const ADA: SignupRequest = { name: 'Ada Lovelace', email: 'ada@example.com' };
const REQUEST_ID = '6d14671b-cc6c-47ed-b9f2-023156fd36ec';

describe('createSignupClient', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('posts the normalized request as JSON to <baseUrl>/signup', async () => {
    // Prepare
    const fake = fakeFetch({
      status: 200,
      body: { message: 'Signup received and queued', requestId: REQUEST_ID },
    });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch: fake.fetch });

    // Act
    await client.signUp({ name: '  Ada Lovelace ', email: ' Ada@EXAMPLE.com' });

    // Assess
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.url).toBe('https://api.example.com/prod/signup');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call?.init.body ?? '')).toEqual({ name: 'Ada Lovelace', email: 'Ada@example.com' });
  });

  it('ignores trailing slashes in the base URL', () => {
    // Prepare
    const { fetch } = fakeFetch({ status: 200 });

    // Act
    const client = createSignupClient({ baseUrl: 'http://127.0.0.1:3000//', fetch });

    // Assess
    expect(client.url).toBe('http://127.0.0.1:3000/signup');
  });

  it('returns queued with the request id when the API answers 200', async () => {
    // Prepare
    const { fetch } = fakeFetch({
      status: 200,
      body: { message: 'Signup received and queued', requestId: REQUEST_ID },
    });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({ kind: 'queued', requestId: REQUEST_ID });
  });

  it('returns the local field errors and sends nothing when the request is invalid', async () => {
    // Prepare
    const fake = fakeFetch({ status: 200 });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch: fake.fetch });
    const invalid = { name: '   ', email: 'ada@' };

    // Act
    const result = await client.signUp(invalid);

    // Assess
    expect(fake.calls).toEqual([]);
    expect(result).toEqual({
      kind: 'invalid',
      source: 'client',
      errors: [
        { field: 'name', message: 'name must not be empty' },
        { field: 'email', message: 'email must be a valid email address' },
      ],
    });
  });

  it('rejects unknown fields locally, as the API would', async () => {
    // Prepare
    const fake = fakeFetch({ status: 200 });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch: fake.fetch });

    // Act
    const result = await client.signUp({ ...ADA, role: 'admin' } as SignupRequest);

    // Assess
    expect(fake.calls).toEqual([]);
    expect(result).toEqual({
      kind: 'invalid',
      source: 'client',
      errors: [{ field: 'role', message: 'role is not an accepted field' }],
    });
  });

  it("returns the server's 400 field errors in the shape of local validation", async () => {
    // Prepare
    const localErrors = validateSignupRequest({ name: 'Ada', email: 'ada@' });
    if (localErrors.ok) throw new Error('expected the example to be invalid');
    const { fetch } = fakeFetch({
      status: 400,
      body: { message: 'The signup request is invalid', errors: localErrors.errors, requestId: REQUEST_ID },
    });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({
      kind: 'invalid',
      source: 'server',
      errors: localErrors.errors,
      requestId: REQUEST_ID,
    });
  });

  it('turns a 400 without field errors into one error on the body', async () => {
    // Prepare
    const { fetch } = fakeFetch({
      status: 400,
      body: { message: 'signup-handler expects an API Gateway event' },
    });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({
      kind: 'invalid',
      source: 'server',
      errors: [{ field: 'body', message: 'signup-handler expects an API Gateway event' }],
    });
  });

  it('returns unavailable with the Retry-After delay when the API answers 503', async () => {
    // Prepare
    const message = 'The signup could not be queued. Please try again.';
    const { fetch } = fakeFetch({
      status: 503,
      body: { message, requestId: REQUEST_ID },
      headers: { 'Retry-After': '3' },
    });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({
      kind: 'unavailable',
      status: 503,
      retryAfterSeconds: 3,
      message,
      requestId: REQUEST_ID,
    });
  });

  it('falls back to the default delay when Retry-After cannot be read, as in a cross-origin browser', async () => {
    // Prepare
    const { fetch } = fakeFetch({ status: 503, body: { message: 'Try again', requestId: REQUEST_ID } });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toMatchObject({ kind: 'unavailable', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS });
  });

  it('returns unavailable when API Gateway throttles with 429', async () => {
    // Prepare
    const { fetch } = fakeFetch({ status: 429, body: { message: 'Too Many Requests' } });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({
      kind: 'unavailable',
      status: 429,
      retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
      message: 'Too Many Requests',
    });
  });

  it.each([
    [403, { message: 'Missing Authentication Token' }],
    [413, { message: 'The request body must be at most 10240 bytes', requestId: REQUEST_ID }],
    [415, { message: 'Content-Type must be application/json', requestId: REQUEST_ID }],
    [500, { message: 'Internal server error' }],
    [502, { message: 'Internal server error' }],
    [504, { message: 'Endpoint request timed out' }],
  ])('returns an error with the status and message when the API answers %i', async (status, body) => {
    // Prepare
    const { fetch } = fakeFetch({ status, body });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({ kind: 'error', status, ...body });
  });

  it('returns an error with a generic message when the answer is not JSON', async () => {
    // Prepare
    const { fetch } = fakeFetch({ status: 502, body: '<html><body>Bad Gateway</body></html>' });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({ kind: 'error', status: 502, message: 'The API answered with status 502' });
  });

  it('does not report queued when a 200 is not the API receipt, such as a web page from a wrong base URL', async () => {
    // Prepare
    const { fetch } = fakeFetch({ status: 200, body: '<!doctype html><title>My app</title>' });
    const client = createSignupClient({ baseUrl: BASE_URL, fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toMatchObject({ kind: 'error', status: 200 });
    expect(result.kind === 'error' && result.message).toContain('check the base URL');
  });

  it('returns a network error with the cause when fetch fails before any answer', async () => {
    // Prepare
    const failure = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    const { fetch } = failingFetch(failure);
    const client = createSignupClient({ baseUrl: 'http://127.0.0.1:9', fetch });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({
      kind: 'network-error',
      message: 'Could not reach http://127.0.0.1:9/signup: fetch failed (connect ECONNREFUSED 127.0.0.1:9)',
      cause: failure,
    });
  });

  it("passes the caller's signal to fetch and rejects with its reason when aborted", async () => {
    // Prepare
    const controller = new AbortController();
    const reason = new DOMException('The user left the page', 'AbortError');
    const fake = failingFetch(reason);
    const client = createSignupClient({ baseUrl: BASE_URL, fetch: fake.fetch });
    controller.abort(reason);

    // Act
    const signUp = client.signUp(ADA, { signal: controller.signal });

    // Assess
    await expect(signUp).rejects.toBe(reason);
    expect(fake.calls[0]?.init.signal).toBe(controller.signal);
  });

  it('uses the global fetch, called on globalThis, when none is given', async () => {
    // Prepare
    const receipts: unknown[] = [];
    const globalFetch = vi.fn(function (this: unknown) {
      receipts.push(this);
      return Promise.resolve(
        new Response(JSON.stringify({ message: 'ok', requestId: REQUEST_ID }), { status: 200 }),
      );
    });
    vi.stubGlobal('fetch', globalFetch);
    const client = createSignupClient({ baseUrl: BASE_URL });

    // Act
    const result = await client.signUp(ADA);

    // Assess
    expect(result).toEqual({ kind: 'queued', requestId: REQUEST_ID });
    expect(globalFetch).toHaveBeenCalledOnce();
    expect(receipts).toEqual([globalThis]);
  });

  it('refuses an empty base URL', () => {
    // Prepare
    const { fetch } = fakeFetch({ status: 200 });

    // Act
    const create = () => createSignupClient({ baseUrl: ' ', fetch });

    // Assess
    expect(create).toThrow(TypeError);
  });

  it('explains how to pass fetch when there is no global one', () => {
    // Prepare
    vi.stubGlobal('fetch', undefined);

    // Act
    const create = () => createSignupClient({ baseUrl: BASE_URL });

    // Assess
    expect(create).toThrow(/pass one as createSignupClient\(\{ baseUrl, fetch \}\)/);
  });
});
