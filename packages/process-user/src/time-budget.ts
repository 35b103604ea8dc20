/**
 * Every AWS call gives up after 2 attempts of at most 1 s each (plus a short backoff), so a slow
 * dependency fails the record instead of outliving the function's timeout (10 s by default).
 */
export const SDK_CALL_LIMITS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 500, requestTimeout: 1_000 },
} as const;

const WORST_CALL_MS = SDK_CALL_LIMITS.maxAttempts * SDK_CALL_LIMITS.requestHandler.requestTimeout + 200;

/**
 * The longest one record can take: the duplicate guard's write, the publish, the guard's update.
 * A record is not started with less time left; it is reported as failed and retried instead.
 */
export const RECORD_TIME_BUDGET_MS = 3 * WORST_CALL_MS;

/** One welcome email per address within this window (the idempotency records' time to live). */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;
