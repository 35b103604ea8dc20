import { validateSignupRequest } from '@signup/schema';
import { createHandler as createProcessUserHandler } from '../../process-user/src/handler.js';
import type { Log as ProcessUserLog } from '../../process-user/src/ports.js';
import { createHandler as createSignupHandler } from '../../signup-handler/src/handler.js';
import type { Log as SignupLog } from '../../signup-handler/src/ports.js';
import { apiGatewayEvent, lambdaContext, signupBody, sqsEvent } from './events.js';
import { median, percentile } from './stats.js';

const noop = () => undefined;
const silentLog = { debug: noop, info: noop, warn: noop, error: noop };

export interface WarmSignupResults {
  readonly handlerPerSecond: number;
  readonly floorPerSecond: number;
  /** Median time of one handler invocation, in microseconds. */
  readonly handlerMicros: number;
  readonly rounds: number;
  readonly roundMs: number;
}

/**
 * Events per second through signup-handler's `createHandler` (in-memory queue, silent log) against the
 * floor: the same bodies through `JSON.parse` and @signup/schema's compiled validator, nothing else.
 * Rounds of each alternate so drifting machine load hits both alike; medians over the rounds.
 */
export async function measureWarmSignup(rounds: number, roundMs: number): Promise<WarmSignupResults> {
  const bodies = Array.from({ length: 64 }, (_, i) => signupBody(i));
  const events = bodies.map((body) => apiGatewayEvent(body));
  const sent: unknown[] = [];
  const handler = createSignupHandler({
    queue: {
      enqueue: async (message) => {
        if (sent.push(message) > 10_000) sent.length = 0;
      },
    },
    log: silentLog as unknown as SignupLog,
    allowedOrigin: '*',
  });
  const context = lambdaContext('signup-handler', 5_000);

  const runHandler = async (deadline: number) => {
    let count = 0;
    while (performance.now() < deadline) {
      for (let i = 0; i < 256; i++) {
        const response = await handler(events[(count + i) % events.length], context as never);
        if (response.statusCode !== 200) throw new Error(`handler answered ${response.statusCode}`);
      }
      count += 256;
    }
    return count;
  };
  const runFloor = async (deadline: number) => {
    let count = 0;
    while (performance.now() < deadline) {
      for (let i = 0; i < 256; i++) {
        const result = validateSignupRequest(JSON.parse(bodies[(count + i) % bodies.length] as string));
        if (!result.ok) throw new Error('the floor rejected a valid body');
      }
      count += 256;
    }
    return count;
  };
  const rate = async (run: (deadline: number) => Promise<number>) => {
    const started = performance.now();
    const count = await run(started + roundMs);
    return count / ((performance.now() - started) / 1000);
  };

  await rate(runHandler); // JIT warm-up of both paths before any round counts
  await rate(runFloor);
  const handlerRates: number[] = [];
  const floorRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    handlerRates.push(await rate(runHandler));
    floorRates.push(await rate(runFloor));
  }
  const handlerPerSecond = median(handlerRates);
  return {
    handlerPerSecond,
    floorPerSecond: median(floorRates),
    handlerMicros: 1e6 / handlerPerSecond,
    rounds,
    roundMs,
  };
}

export interface BatchResults {
  readonly publishLatencyMs: number;
  readonly batchSize: number;
  readonly batches: number;
  readonly concurrency: number;
  readonly medianBatchMs: number;
  readonly p95BatchMs: number;
  readonly recordsPerSecond: number;
  /** The same batches published one record at a time (PUBLISH_CONCURRENCY=1): the baseline. */
  readonly sequential: {
    readonly batches: number;
    readonly medianBatchMs: number;
    readonly recordsPerSecond: number;
  };
}

/** process-user's `createHandler` on batches of `batchSize`, each publish taking `publishLatencyMs`. */
export async function measureBatch(
  batches: number,
  batchSize: number,
  publishLatencyMs: number,
  concurrency: number,
): Promise<BatchResults> {
  const publisher = {
    publish: () => new Promise<void>((resolve) => setTimeout(resolve, publishLatencyMs)),
  };
  const timeBatches = async (publishConcurrency: number, count: number) => {
    const handler = createProcessUserHandler({
      publisher,
      log: silentLog as unknown as ProcessUserLog,
      publishConcurrency,
    });
    const durations: number[] = [];
    for (let i = -2; i < count; i++) {
      const event = sqsEvent(batchSize, i * batchSize);
      const started = performance.now();
      const response = await handler(event, lambdaContext('process-user', 10_000));
      const elapsed = performance.now() - started;
      if (response.batchItemFailures.length > 0) throw new Error('a record of the batch failed');
      if (i >= 0) durations.push(elapsed); // the first two are warm-up
    }
    return durations;
  };
  const durations = await timeBatches(concurrency, batches);
  const sequential = await timeBatches(1, 5);
  const medianBatchMs = median(durations);
  const sequentialMedian = median(sequential);
  return {
    publishLatencyMs,
    batchSize,
    batches,
    concurrency,
    medianBatchMs,
    p95BatchMs: percentile(durations, 95),
    recordsPerSecond: batchSize / (medianBatchMs / 1000),
    sequential: {
      batches: sequential.length,
      medianBatchMs: sequentialMedian,
      recordsPerSecond: batchSize / (sequentialMedian / 1000),
    },
  };
}
