import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter, readSignUpResponse } from '../src/response.js';
import { fakeResponse } from './fake-fetch.js';

const NOW = Date.parse('2026-12-03T16:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['1', 1],
    [' 30 ', 30],
    ['Thu, 03 Dec 2026 16:00:05 GMT', 5],
    ['Thu, 03 Dec 2026 15:59:00 GMT', 0],
    [null, DEFAULT_RETRY_AFTER_SECONDS],
    ['', DEFAULT_RETRY_AFTER_SECONDS],
    ['soon', DEFAULT_RETRY_AFTER_SECONDS],
    ['-1', DEFAULT_RETRY_AFTER_SECONDS],
  ])('reads %j as %i seconds', (value, seconds) => {
    // Prepare
    const now = NOW;

    // Act
    const result = parseRetryAfter(value, now);

    // Assess
    expect(result).toBe(seconds);
  });
});

describe('readSignUpResponse', () => {
  it('uses an HTTP-date Retry-After relative to now', async () => {
    // Prepare
    const response = fakeResponse({
      status: 503,
      body: { message: 'busy', requestId: 'r-1' },
      headers: { 'retry-after': 'Thu, 03 Dec 2026 16:00:10 GMT' },
    });

    // Act
    const result = await readSignUpResponse(response, () => NOW);

    // Assess
    expect(result).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 10 });
  });

  it('keeps only well-formed field errors from a 400', async () => {
    // Prepare
    const response = fakeResponse({
      status: 400,
      body: {
        message: 'The signup request is invalid',
        errors: [{ field: 'email', message: 'email is required' }, { field: 1 }, 'oops', null],
        requestId: 'r-1',
      },
    });

    // Act
    const result = await readSignUpResponse(response);

    // Assess
    expect(result).toEqual({
      kind: 'invalid',
      source: 'server',
      errors: [{ field: 'email', message: 'email is required' }],
      requestId: 'r-1',
    });
  });
});
