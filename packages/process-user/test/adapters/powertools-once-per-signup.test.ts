import { IdempotencyAlreadyInProgressError } from '@aws-lambda-powertools/idempotency';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PowertoolsOncePerSignup } from '../../src/adapters/powertools-once-per-signup.js';
import { lambdaContext } from '../support.js';
import { InMemoryPersistenceLayer } from './in-memory-persistence-layer.js';

const WINDOW_SECONDS = 24 * 60 * 60;

function setup() {
  const store = new InMemoryPersistenceLayer();
  const once = new PowertoolsOncePerSignup(store, WINDOW_SECONDS);
  // As the composition root does on every invocation.
  once.registerLambdaContext(lambdaContext());
  const calls: string[] = [];
  const action = (label: string) => async () => {
    calls.push(label);
  };
  return { store, once, calls, action };
}

describe('PowertoolsOncePerSignup', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the action the first time and records the key as completed', async () => {
    // Prepare
    const { store, once, calls, action } = setup();

    // Act
    const outcome = await once.run('siddu@example.com', action('first'));

    // Assess
    expect(outcome).toBe('ran');
    expect(calls).toEqual(['first']);
    expect([...store.records.values()].map((record) => record.getStatus())).toEqual(['COMPLETED']);
    expect(store.operations).toEqual(['put', 'update']);
  });

  it('answers duplicate for the same key without running the action again', async () => {
    // Prepare
    const { once, calls, action } = setup();
    await once.run('siddu@example.com', action('first'));

    // Act
    const outcome = await once.run('siddu@example.com', action('second'));

    // Assess
    expect(outcome).toBe('duplicate');
    expect(calls).toEqual(['first']);
  });

  it('runs the action for another key', async () => {
    // Prepare
    const { once, calls, action } = setup();
    await once.run('siddu@example.com', action('siddu'));

    // Act
    const outcome = await once.run('ada@example.com', action('ada'));

    // Assess
    expect(outcome).toBe('ran');
    expect(calls).toEqual(['siddu', 'ada']);
  });

  it('deletes the record when the action fails, so a retry runs the action again', async () => {
    // Prepare
    const { store, once, calls, action } = setup();
    const failure = new Error('SNS is unavailable');

    // Act
    const first = once.run('siddu@example.com', async () => {
      calls.push('failed');
      throw failure;
    });
    await expect(first).rejects.toBe(failure);
    const recordsAfterFailure = store.records.size;
    const retry = await once.run('siddu@example.com', action('retry'));

    // Assess
    expect(recordsAfterFailure).toBe(0);
    expect(store.operations.slice(0, 2)).toEqual(['put', 'delete']);
    expect(retry).toBe('ran');
    expect(calls).toEqual(['failed', 'retry']);
  });

  it('throws IdempotencyAlreadyInProgressError for a key whose first run has not finished', async () => {
    // Prepare
    const { once, calls, action } = setup();
    let finish: () => void = () => undefined;
    const slow = once.run('siddu@example.com', async () => {
      calls.push('slow');
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    await vi.waitFor(() => expect(calls).toEqual(['slow']));

    // Act
    const concurrent = once.run('siddu@example.com', action('concurrent'));

    // Assess
    await expect(concurrent).rejects.toBeInstanceOf(IdempotencyAlreadyInProgressError);
    finish();
    await expect(slow).resolves.toBe('ran');
    expect(calls).toEqual(['slow']);
  });

  it('runs the action again once the window has passed', async () => {
    // Prepare
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T16:20:00.000Z'));
    const { once, calls, action } = setup();
    await once.run('siddu@example.com', action('first'));
    vi.setSystemTime(new Date('2026-12-03T16:20:00.000Z').getTime() + (WINDOW_SECONDS - 1) * 1000);
    const withinWindow = await once.run('siddu@example.com', action('within'));

    // Act
    vi.setSystemTime(new Date('2026-12-03T16:20:00.000Z').getTime() + (WINDOW_SECONDS + 1) * 1000);
    const afterWindow = await once.run('siddu@example.com', action('after'));

    // Assess
    expect(withinWindow).toBe('duplicate');
    expect(afterWindow).toBe('ran');
    expect(calls).toEqual(['first', 'after']);
  });

  it('gives an in-progress record the expiry of the invocation once a Lambda context is registered', async () => {
    // Prepare
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T16:20:00.000Z'));
    const { store, once } = setup();
    once.registerLambdaContext(lambdaContext(7_000));
    let inProgressExpiry: number | undefined;

    // Act
    await once.run('siddu@example.com', async () => {
      inProgressExpiry = [...store.records.values()][0]?.inProgressExpiryTimestamp;
    });

    // Assess
    expect(inProgressExpiry).toBe(new Date('2026-12-03T16:20:07.000Z').getTime());
  });
});
