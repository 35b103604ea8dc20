import { validateSignupRequest } from '@signup/schema';
import { readSignUpResponse } from './response.js';
import type {
  SignUpOptions,
  SignUpResult,
  SignupClient,
  SignupClientOptions,
  SignupFetch,
  SignupRequest,
} from './types.js';

const REQUEST_HEADERS = { 'content-type': 'application/json', accept: 'application/json' } as const;

/**
 * Creates a client for `POST /signup`. It validates each request with the schema package before sending
 * it (an invalid request is never sent) and turns every answer into a {@link SignUpResult}. Works in
 * browsers and Node 18+ with the global `fetch`, or with the `fetch` you pass.
 *
 * @throws TypeError when `baseUrl` is empty, or when no `fetch` is given and there is no global one.
 *
 * @example
 * import { createSignupClient } from '@signup/client';
 *
 * const client = createSignupClient({ baseUrl: 'http://127.0.0.1:3000' });
 * const result = await client.signUp({ name: 'Ada', email: 'ada@example.com' });
 * if (result.kind === 'queued') console.log('queued as', result.requestId);
 */
export function createSignupClient({ baseUrl, fetch }: SignupClientOptions): SignupClient {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new TypeError('createSignupClient needs a baseUrl, e.g. "http://127.0.0.1:3000"');
  }
  const send = fetch ?? globalFetch();
  const url = `${baseUrl.trim().replace(/\/+$/, '')}/signup`;

  return {
    url,
    async signUp(request: SignupRequest, options: SignUpOptions = {}): Promise<SignUpResult> {
      const validation = validateSignupRequest(request);
      if (!validation.ok) return { kind: 'invalid', errors: validation.errors, source: 'client' };

      let response: Awaited<ReturnType<SignupFetch>>;
      try {
        response = await send(url, {
          method: 'POST',
          headers: REQUEST_HEADERS,
          body: JSON.stringify(validation.value),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        // The caller asked to stop: keep fetch's contract and reject, rather than report a network problem.
        if (options.signal?.aborted) throw options.signal.reason;
        return { kind: 'network-error', message: networkErrorMessage(url, error), cause: error };
      }
      return readSignUpResponse(response);
    },
  };
}

function globalFetch(): SignupFetch {
  if (typeof globalThis.fetch !== 'function') {
    throw new TypeError('No global fetch: pass one as createSignupClient({ baseUrl, fetch })');
  }
  // Called through globalThis: browsers reject `fetch` invoked with another `this`.
  return (url, init) => globalThis.fetch(url, init);
}

function networkErrorMessage(url: string, error: unknown): string {
  const detail = error instanceof Error ? describeError(error) : String(error);
  return `Could not reach ${url}: ${detail}`;
}

function describeError(error: Error): string {
  // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message !== ''
    ? `${error.message} (${cause.message})`
    : error.message;
}
