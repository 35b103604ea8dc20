import type { FieldError, SignupRequest } from '@signup/schema';

export type { FieldError, SignupRequest };

/**
 * The part of a `fetch` response the client reads. The global `Response` of browsers and Node 18+
 * satisfies it, and so does a hand-written fake in a test.
 */
export interface SignupFetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the client passes to `fetch`: always a `POST` with a JSON body. */
export interface SignupFetchInit {
  readonly method: 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signal?: AbortSignal;
}

/**
 * A `fetch` implementation: the global `fetch` (the default), or any function with its shape, such as a
 * fake in tests or a wrapper that adds headers.
 *
 * @example
 * const fetch: SignupFetch = async (url, init) => new Response('{"message":"Signup received and queued","requestId":"r-1"}');
 */
export type SignupFetch = (url: string, init: SignupFetchInit) => Promise<SignupFetchResponse>;

/**
 * Options of {@link createSignupClient}.
 *
 * @example
 * const options: SignupClientOptions = { baseUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' };
 */
export interface SignupClientOptions {
  /**
   * The API's base URL, without `/signup`: the stage URL on AWS
   * (`https://<id>.execute-api.<region>.amazonaws.com/<stage>`), `http://127.0.0.1:3000` with `make dev`,
   * or a path such as `/api` that a browser resolves against the page. Trailing slashes are ignored.
   */
  readonly baseUrl: string;
  /** The `fetch` to use; the global one by default (browsers, Node 18+). */
  readonly fetch?: SignupFetch;
}

/**
 * Options of one {@link SignupClient.signUp} call.
 *
 * @example
 * await client.signUp(request, { signal: AbortSignal.timeout(10_000) });
 */
export interface SignUpOptions {
  /** Cancels the request; `signUp` then rejects with the signal's reason, as `fetch` does. */
  readonly signal?: AbortSignal;
}

/**
 * The API accepted the signup and put it on the queue (`200`); the welcome email follows.
 *
 * @example
 * if (result.kind === 'queued') console.log(`Signup ${result.requestId} queued`);
 */
export interface SignUpQueued {
  readonly kind: 'queued';
  /** API Gateway's request id: the correlation id in the logs, the queue message and the email. */
  readonly requestId: string;
}

/**
 * The request is invalid: one `{ field, message }` per problem, to show next to each form field.
 * `source` tells whether the client found the problems before sending (nothing was sent) or the API
 * answered `400`; the errors have the same shape and wording either way.
 *
 * @example
 * if (result.kind === 'invalid') for (const { field, message } of result.errors) showError(field, message);
 */
export interface SignUpInvalid {
  readonly kind: 'invalid';
  readonly errors: readonly FieldError[];
  readonly source: 'client' | 'server';
  /** The API's request id, when the API answered. */
  readonly requestId?: string;
}

/**
 * The API could not confirm the signup was queued, so retry (`503`, or `429` when API Gateway
 * throttles): retry after `retryAfterSeconds`.
 *
 * @example
 * if (result.kind === 'unavailable') setTimeout(retry, result.retryAfterSeconds * 1000);
 */
export interface SignUpUnavailable {
  readonly kind: 'unavailable';
  readonly status: 429 | 503;
  /**
   * From the `Retry-After` header; {@link DEFAULT_RETRY_AFTER_SECONDS} when it is absent or not
   * readable (browsers hide it from cross-origin scripts unless the API exposes it).
   */
  readonly retryAfterSeconds: number;
  readonly message: string;
  readonly requestId?: string;
}

/**
 * Any other answer: `403` (wrong base URL or stage), `413`, `415`, `5xx` from API Gateway, or a response
 * that is not the API's JSON. The client never causes `413` or `415` itself, so they mean something between
 * the client and the API changed the request.
 *
 * @example
 * if (result.kind === 'error') console.error(`Signup failed with ${result.status}: ${result.message}`);
 */
export interface SignUpFailed {
  readonly kind: 'error';
  readonly status: number;
  readonly message: string;
  readonly requestId?: string;
}

/**
 * No HTTP response at all: offline, DNS, TLS, connection refused, or a CORS rejection in a browser.
 * The signup may not have reached the API.
 *
 * @example
 * if (result.kind === 'network-error') showBanner('Check your connection and try again.');
 */
export interface SignUpNetworkError {
  readonly kind: 'network-error';
  readonly message: string;
  /** What `fetch` threw. */
  readonly cause: unknown;
}

/**
 * Every outcome of {@link SignupClient.signUp}, discriminated by `kind`.
 *
 * @example
 * switch (result.kind) {
 *   case 'queued': return showThanks();
 *   case 'invalid': return showFieldErrors(result.errors);
 *   case 'unavailable': return retryLater(result.retryAfterSeconds);
 *   case 'error':
 *   case 'network-error': return showBanner(result.message);
 * }
 */
export type SignUpResult =
  | SignUpQueued
  | SignUpInvalid
  | SignUpUnavailable
  | SignUpFailed
  | SignUpNetworkError;

/**
 * A client for `POST /signup`, made by {@link createSignupClient}.
 *
 * @example
 * const result = await client.signUp({ name: 'Ada', email: 'ada@example.com' });
 */
export interface SignupClient {
  /** The URL the client posts to: `<baseUrl>/signup`. */
  readonly url: string;
  /**
   * Validates `request` with the schema package's `validateSignupRequest` and, when it is valid, posts the
   * normalized value (trimmed, email domain lower-cased). Resolves with a {@link SignUpResult} for every
   * outcome, network failures included; rejects only when `options.signal` aborts the call.
   */
  signUp(request: SignupRequest, options?: SignUpOptions): Promise<SignUpResult>;
}
