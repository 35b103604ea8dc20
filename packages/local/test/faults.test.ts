import { describe, expect, it } from 'vitest';
import { createFaultInjector, NO_FAULTS } from '../src/faults.js';

/** A `random` that returns the given values in turn, and counts its calls. */
function sequence(...values: number[]) {
  let calls = 0;
  const random = () => {
    const value = values[calls % values.length] as number;
    calls++;
    return value;
  };
  return { random, calls: () => calls };
}

describe('createFaultInjector', () => {
  it('never fails at rate 0, without drawing a random number', () => {
    // Prepare
    const draws = sequence(0);
    const faults = createFaultInjector(NO_FAULTS, draws.random);

    // Act
    const outcomes = [faults.snsPublishShouldFail(), faults.sqsSendShouldFail()];

    // Assess
    expect(outcomes).toEqual([false, false]);
    expect(draws.calls()).toBe(0);
  });

  it('always fails at rate 1', () => {
    // Prepare
    const draws = sequence(0, 0.5, 0.999_999);
    const faults = createFaultInjector(
      { ...NO_FAULTS, snsFailureRate: 1, sqsSendFailureRate: 1 },
      draws.random,
    );

    // Act
    const outcomes = Array.from({ length: 3 }, () => [
      faults.snsPublishShouldFail(),
      faults.sqsSendShouldFail(),
    ]);

    // Assess
    expect(outcomes.flat()).toEqual([true, true, true, true, true, true]);
  });

  it('fails when the random number is below the rate, not at or above it', () => {
    // Prepare
    const draws = sequence(0.29, 0.3, 0.31);
    const faults = createFaultInjector({ ...NO_FAULTS, snsFailureRate: 0.3 }, draws.random);

    // Act
    const outcomes = [
      faults.snsPublishShouldFail(),
      faults.snsPublishShouldFail(),
      faults.snsPublishShouldFail(),
    ];

    // Assess
    expect(outcomes).toEqual([true, false, false]);
    expect(faults.sqsSendShouldFail()).toBe(false);
  });

  it('applies the SQS send rate on its own', () => {
    // Prepare
    const draws = sequence(0.1);
    const faults = createFaultInjector({ ...NO_FAULTS, sqsSendFailureRate: 0.5 }, draws.random);

    // Act
    const outcomes = [faults.sqsSendShouldFail(), faults.snsPublishShouldFail()];

    // Assess
    expect(outcomes).toEqual([true, false]);
  });

  it('changes only the given options on update, and the new rates apply at once', () => {
    // Prepare
    const draws = sequence(0.5);
    const faults = createFaultInjector({ ...NO_FAULTS, snsLatencyMs: 250 }, draws.random);
    const before = faults.snsPublishShouldFail();

    // Act
    faults.update({ snsFailureRate: 1 });

    // Assess
    expect(before).toBe(false);
    expect(faults.options).toEqual({ snsFailureRate: 1, snsLatencyMs: 250, sqsSendFailureRate: 0 });
    expect(faults.snsPublishShouldFail()).toBe(true);
    expect(NO_FAULTS.snsFailureRate).toBe(0);
  });
});
