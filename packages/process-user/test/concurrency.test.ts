import { describe, expect, it } from 'vitest';
import { settleWithConcurrency } from '../src/concurrency.js';
import { delay } from './support.js';

describe('settleWithConcurrency', () => {
  it('never runs more than the limit at once, and uses the whole limit', async () => {
    // Prepare
    let inFlight = 0;
    let maxInFlight = 0;
    const started: number[] = [];
    const task = async (item: number) => {
      started.push(item);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await delay(5 + (item % 3) * 3);
      inFlight -= 1;
      return item;
    };

    // Act
    await settleWithConcurrency([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, task);

    // Assess
    expect(maxInFlight).toBe(3);
    expect(started.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps the order of the items, whatever order the tasks finish in', async () => {
    // Prepare
    const finished: string[] = [];
    const task = async (item: string) => {
      await delay(item === 'a' ? 30 : item === 'b' ? 15 : 1);
      finished.push(item);
      return item.toUpperCase();
    };

    // Act
    const results = await settleWithConcurrency(['a', 'b', 'c'], 3, task);

    // Assess
    expect(finished).toEqual(['c', 'b', 'a']);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'fulfilled', value: 'B' },
      { status: 'fulfilled', value: 'C' },
    ]);
  });

  it('settles every task when one rejects', async () => {
    // Prepare
    const failure = new Error('item 2 failed');
    const ran: number[] = [];
    const task = async (item: number) => {
      ran.push(item);
      await delay(1);
      if (item === 2) throw failure;
      return item * 10;
    };

    // Act
    const results = await settleWithConcurrency([1, 2, 3, 4], 1, task);

    // Assess
    expect(ran).toEqual([1, 2, 3, 4]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: failure },
      { status: 'fulfilled', value: 30 },
      { status: 'fulfilled', value: 40 },
    ]);
  });

  it('runs one at a time with a limit of one', async () => {
    // Prepare
    let inFlight = 0;
    let maxInFlight = 0;
    const task = async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await delay(1);
      inFlight -= 1;
    };

    // Act
    const results = await settleWithConcurrency([1, 2, 3], 1, task);

    // Assess
    expect(maxInFlight).toBe(1);
    expect(results).toHaveLength(3);
  });

  it('returns no results for no items', async () => {
    // Act
    const results = await settleWithConcurrency([], 5, async () => 'never');

    // Assess
    expect(results).toEqual([]);
  });
});
