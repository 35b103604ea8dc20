import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_WINDOW_SECONDS, RECORD_TIME_BUDGET_MS, SDK_CALL_LIMITS } from '../src/time-budget.js';

/** The Terraform default timeout of process-user, in milliseconds. */
const FUNCTION_TIMEOUT_MS = 10_000;

describe('the time budget of one record', () => {
  it('covers three worst-case SDK calls: the guard write, the publish and the guard update', () => {
    // Prepare
    const worstCall = SDK_CALL_LIMITS.maxAttempts * SDK_CALL_LIMITS.requestHandler.requestTimeout;

    // Assess
    expect(RECORD_TIME_BUDGET_MS).toBeGreaterThanOrEqual(3 * worstCall);
  });

  it('fits inside the default function timeout of 10 s', () => {
    // Assess
    expect(RECORD_TIME_BUDGET_MS).toBeLessThan(FUNCTION_TIMEOUT_MS);
  });

  it('bounds every SDK call: few attempts, each with a connection and a request timeout', () => {
    // Assess
    expect(SDK_CALL_LIMITS.maxAttempts).toBeGreaterThanOrEqual(1);
    expect(SDK_CALL_LIMITS.requestHandler.connectionTimeout).toBeGreaterThan(0);
    expect(SDK_CALL_LIMITS.requestHandler.connectionTimeout).toBeLessThanOrEqual(
      SDK_CALL_LIMITS.requestHandler.requestTimeout,
    );
  });

  it('keeps one welcome email per address for a day', () => {
    // Assess
    expect(IDEMPOTENCY_WINDOW_SECONDS).toBe(86_400);
  });
});
