import type { SignupFetch, SignupFetchInit, SignupFetchResponse } from '../src/index.js';

export interface FakeReply {
  readonly status: number;
  /** A JSON value, or raw text when a string. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FakeFetch {
  readonly fetch: SignupFetch;
  readonly calls: { url: string; init: SignupFetchInit }[];
}

/** A `fetch` that records its calls and answers every one with `reply`. */
export function fakeFetch(reply: FakeReply): FakeFetch {
  const calls: { url: string; init: SignupFetchInit }[] = [];
  const fetch: SignupFetch = async (url, init) => {
    calls.push({ url, init });
    return fakeResponse(reply);
  };
  return { fetch, calls };
}

/** A `fetch` that fails before any response, as `fetch` does when the host cannot be reached. */
export function failingFetch(error: unknown): FakeFetch {
  const calls: { url: string; init: SignupFetchInit }[] = [];
  const fetch: SignupFetch = async (url, init) => {
    calls.push({ url, init });
    throw error;
  };
  return { fetch, calls };
}

export function fakeResponse({ status, body, headers = {} }: FakeReply): SignupFetchResponse {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(headers), text: async () => text };
}
