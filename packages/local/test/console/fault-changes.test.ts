import { describe, expect, it } from 'vitest';
import { parseFaultChanges } from '../../src/console/fault-changes.js';

describe('parseFaultChanges', () => {
  it('accepts any subset of the fault options within their ranges', () => {
    expect(parseFaultChanges({ snsFailureRate: 1, snsLatencyMs: 250 })).toEqual({
      ok: true,
      value: { snsFailureRate: 1, snsLatencyMs: 250 },
    });
    expect(parseFaultChanges({})).toEqual({ ok: true, value: {} });
  });

  it('rejects unknown options, values out of range and non-numbers, naming each', () => {
    const result = parseFaultChanges({ snsFailureRate: 2, sqsSendFailureRate: '1', toString: 0 });

    expect(result).toEqual({
      ok: false,
      errors: [
        'snsFailureRate must be a share from 0 to 1',
        'sqsSendFailureRate must be a share from 0 to 1',
        'toString is not a fault option',
      ],
    });
  });

  it('rejects a body that is not an object', () => {
    for (const body of [null, [], 'x', 1]) expect(parseFaultChanges(body).ok).toBe(false);
  });
});
