// One cold start: a fresh Node process imports a handler bundle and handles its first event, as a
// Lambda sandbox does. Times are performance.now(), i.e. milliseconds since this process started.
// Usage: node cold-start-child.mjs <bundle.mjs> <event.json> [warm invocations after the first]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lambdaContext } from './events.js';
import { type ColdStartChildResult, RESULT_MARKER } from './protocol.js';
import { median, percentile } from './stats.js';

const [bundlePath, eventPath, warmArg] = process.argv.slice(2);
if (!bundlePath || !eventPath) {
  console.error('usage: cold-start-child <bundle.mjs> <event.json> [warm invocations]');
  process.exit(2);
}
const scriptStartMs = performance.now();
const events = JSON.parse(readFileSync(eventPath, 'utf8')) as unknown[];
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'bench';
// The functions' timeouts in infra/ (variables.tf defaults): process-user checks the time left per record.
const timeoutMs = functionName === 'process-user' ? 10_000 : 5_000;

const module = (await import(pathToFileURL(bundlePath).href)) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
const importedMs = performance.now();
const first = await module.handler(events[0], lambdaContext(functionName, timeoutMs));
const firstResponseMs = performance.now();
assertSucceeded(first);

// Warm invocations of the same sandbox (for the cost model): the real bundle and a real SDK call.
const warmDurationsMs: number[] = [];
const warmCount = Number(warmArg ?? 0);
for (let i = 0; i < warmCount; i++) {
  const started = performance.now();
  const result = await module.handler(
    events[(i + 1) % events.length],
    lambdaContext(functionName, timeoutMs),
  );
  warmDurationsMs.push(performance.now() - started);
  assertSucceeded(result);
}

const result: ColdStartChildResult = {
  scriptStartMs,
  importedMs,
  firstResponseMs,
  ...(warmCount > 0
    ? {
        warm: { count: warmCount, medianMs: median(warmDurationsMs), p99Ms: percentile(warmDurationsMs, 99) },
      }
    : {}),
};
process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(result)}\n`);
process.exit(0);

function assertSucceeded(result: unknown) {
  const value = result as { statusCode?: number; batchItemFailures?: unknown[] };
  const ok =
    value?.statusCode === 200 ||
    (Array.isArray(value?.batchItemFailures) && value.batchItemFailures.length === 0);
  if (!ok) {
    console.error(`the handler did not succeed: ${JSON.stringify(result)}`);
    process.exit(1);
  }
}
