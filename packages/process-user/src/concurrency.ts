/**
 * Runs `task` over `items` with at most `limit` running at once; results keep the items' order.
 * Every task settles: one failure does not stop or fail the others.
 */
export async function settleWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(items[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  // A limit that is not a positive whole number would start no worker and settle nothing: run one.
  const workers = Number.isInteger(limit) && limit > 0 ? Math.min(limit, items.length) : 1;
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
