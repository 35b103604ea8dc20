import type { FaultOptions } from '../faults.js';

const LIMITS: Readonly<Record<keyof FaultOptions, { max: number; unit: string }>> = {
  snsFailureRate: { max: 1, unit: 'a share from 0 to 1' },
  snsLatencyMs: { max: 60_000, unit: 'milliseconds from 0 to 60000' },
  sqsSendFailureRate: { max: 1, unit: 'a share from 0 to 1' },
};

export type FaultChangesResult =
  | { readonly ok: true; readonly value: Partial<FaultOptions> }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Checks a `POST /_local/faults` body: any subset of the fault options, each a number in its range.
 *
 * @example
 * const result = parseFaultChanges({ snsFailureRate: 1 });
 * if (result.ok) pipeline.faults.update(result.value);
 */
export function parseFaultChanges(input: unknown): FaultChangesResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['the body must be a JSON object'] };
  }
  const changes: Partial<Record<keyof FaultOptions, number>> = {};
  const errors: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const limit = Object.hasOwn(LIMITS, key) ? LIMITS[key as keyof FaultOptions] : undefined;
    if (!limit) errors.push(`${key} is not a fault option`);
    else if (typeof value !== 'number' || !(value >= 0 && value <= limit.max)) {
      errors.push(`${key} must be ${limit.unit}`);
    } else changes[key as keyof FaultOptions] = value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: changes };
}
