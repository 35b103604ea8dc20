import type { FieldError, SignUpResult, SignupFetchResponse } from './types.js';

/** The wait the API itself advertises on `503` (`Retry-After: 1`), used when the header cannot be read. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Maps a response of `POST /signup` to a {@link SignUpResult}. {@link createSignupClient} uses it; call it
 * yourself when you send the request with your own HTTP layer.
 *
 * @param now - the current time in milliseconds, to turn a `Retry-After` date into seconds.
 *
 * @example
 * const response = await fetch(`${baseUrl}/signup`, { method: 'POST', headers, body });
 * const result = await readSignUpResponse(response);
 */
export async function readSignUpResponse(
  response: SignupFetchResponse,
  now: () => number = Date.now,
): Promise<SignUpResult> {
  const { status } = response;
  const body = await readJsonObject(response);
  const requestId = stringProperty(body, 'requestId');
  const message = stringProperty(body, 'message') ?? `The API answered with status ${status}`;
  const withRequestId = requestId === undefined ? {} : { requestId };

  if (status >= 200 && status < 300) {
    // Only the API's own answer counts as queued: an HTML page from a misrouted base URL must not.
    if (requestId !== undefined) return { kind: 'queued', requestId };
    return {
      kind: 'error',
      status,
      message: `The API answered with status ${status} but not with a signup receipt; check the base URL`,
    };
  }
  if (status === 400) {
    const errors = fieldErrorsOf(body) ?? [{ field: 'body', message }];
    return { kind: 'invalid', errors, source: 'server', ...withRequestId };
  }
  if (status === 429 || status === 503) {
    return {
      kind: 'unavailable',
      status,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), now()),
      message,
      ...withRequestId,
    };
  }
  return { kind: 'error', status, message, ...withRequestId };
}

/**
 * Seconds to wait from a `Retry-After` value (a delay in seconds or an HTTP date); the default when the
 * value is missing or unreadable.
 *
 * @example
 * parseRetryAfter('2', Date.now()); // 2
 */
export function parseRetryAfter(value: string | null, nowMs: number): number {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date starts with the day's name; Date.parse alone would read '-1' as a year.
  const date = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

async function readJsonObject(response: SignupFetchResponse): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await response.text());
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function stringProperty(body: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = body?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function fieldErrorsOf(body: Record<string, unknown> | undefined): FieldError[] | undefined {
  const errors = body?.errors;
  if (!Array.isArray(errors)) return undefined;
  const fieldErrors = errors.flatMap((error: unknown): FieldError[] => {
    if (typeof error !== 'object' || error === null) return [];
    const { field, message } = error as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
  return fieldErrors.length > 0 ? fieldErrors : undefined;
}
