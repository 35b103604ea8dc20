// make bench: measures the pipeline against its baselines and ceilings and writes docs/benchmarks.md.
// Usage: node dist/main.mjs [--only=cold,zip,warm,batch,load,cost] [--runs=N]
// A partial run (--only) prints its figures but leaves docs/benchmarks.md and the README alone.
import { execFileSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { measureColdStarts } from './cold-start.js';
import { apiAccessLogLineBytes, costPerMillion, readInfraDefaults } from './cost.js';
import { measureLoad, measureLogBytes } from './load.js';
import { FUNCTIONS, productionBundle, productionZip } from './paths.js';
import { type BenchResults, writeReports } from './report.js';
import { fmt } from './stats.js';
import { measureBatch, measureWarmSignup } from './warm.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SECTIONS = ['cold', 'zip', 'warm', 'batch', 'load', 'cost'] as const;
type Section = (typeof SECTIONS)[number];

const argument = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = argument('only')
  ?.split(',')
  .map((s) => s.trim());
for (const section of only ?? []) {
  if (!SECTIONS.includes(section as Section)) {
    console.error(`unknown section "${section}": use ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const selected = new Set<Section>((only as Section[] | undefined) ?? SECTIONS);
// The cost model needs the measured durations and log bytes.
if (selected.has('cost')) for (const needed of ['cold', 'batch'] as const) selected.add(needed);
const fullRun = selected.size === SECTIONS.length;

const COLD_RUNS = Number(argument('runs') ?? 20);
const WARM_ROUNDS = 7;
const WARM_ROUND_MS = 700;
const BATCHES = 50;
const BATCH_SIZE = 10;
const PUBLISH_LATENCY_MS = 20;
const CONNECTIONS = [10, 50, 100] as const;
const STEP_SECONDS = 5;
const PACED_RATE = 500;
const PACED_SECONDS = 5;
const LOG_SIGNUPS = 200;

export const COMMAND = {
  all: 'make bench',
  section: (section: Section) => `make build && pnpm --filter @signup/bench bench --only=${section}`,
};

const benchStarted = performance.now();
const elapsed = () => `${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s`;
const log = (line: string) => console.log(line);
const heading = (title: string, section: Section) =>
  log(`\n[${elapsed()}] ${title}   (reproduce: ${COMMAND.section(section)})`);

const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGiB: totalmem() / 1024 ** 3,
  node: process.version,
  os: `${process.platform} ${release()}`,
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
  commit: gitCommit(),
};
log(
  `make bench on ${machine.nproc} CPUs (${machine.cpu}), ${fmt(machine.memoryGiB, 1)} GiB, Node ${machine.node}, ${machine.os}, ` +
    `${machine.date}, load average ${machine.loadAverageAtStart.join(' ')}${fullRun ? '' : ` — partial run: ${[...selected].join(', ')}`}`,
);

const results: BenchResults = { machine, commands: COMMAND };

if (selected.has('cold')) {
  heading(`1. Cold start: ${COLD_RUNS} fresh processes per bundle, interleaved`, 'cold');
  results.cold = await measureColdStarts(COLD_RUNS, log);
  for (const fn of FUNCTIONS) {
    const bundled = results.cold.rows.find((row) => row.fn === fn && row.build === 'bundled');
    const naive = results.cold.rows.find((row) => row.fn === fn && row.build === 'naive');
    if (bundled && naive) {
      log(
        `  ${fn.padEnd(15)} naive/bundled: ${fmt(naive.firstResponseMs / bundled.firstResponseMs, 2)}× to the first response, ` +
          `${fmt(naive.initAndFirstEventMs / bundled.initAndFirstEventMs, 2)}× for import + first event, ${fmt(naive.wallMs / bundled.wallMs, 2)}× process wall`,
      );
    }
  }
}

if (selected.has('zip')) {
  heading('2. Zip sizes', 'zip');
  results.zips = [];
  for (const fn of FUNCTIONS) {
    const zipBytes = (await stat(productionZip(fn))).size;
    const bundleBytes = (await stat(productionBundle(fn))).size;
    results.zips.push({ fn, zipBytes, bundleBytes });
    log(
      `  ${fn.padEnd(15)} ${zipBytes.toLocaleString('en-US')} bytes (${fmt(zipBytes / 1024, 1)} KiB) zip, bundle ${bundleBytes.toLocaleString('en-US')} bytes`,
    );
  }
}

if (selected.has('warm')) {
  heading(`3. Warm signup-handler: ${WARM_ROUNDS} alternating rounds of ${WARM_ROUND_MS} ms`, 'warm');
  results.warm = await measureWarmSignup(WARM_ROUNDS, WARM_ROUND_MS);
  log(
    `  createHandler (in-memory queue): ${fmt(results.warm.handlerPerSecond)} events/s (${fmt(results.warm.handlerMicros, 1)} µs each); ` +
      `floor (JSON.parse + compiled validator): ${fmt(results.warm.floorPerSecond)} /s; handler/floor ${fmt(results.warm.handlerPerSecond / results.warm.floorPerSecond, 2)}×`,
  );
}

if (selected.has('batch')) {
  heading(
    `4. process-user batch of ${BATCH_SIZE}, publish latency ${PUBLISH_LATENCY_MS} ms, ${BATCHES} batches`,
    'batch',
  );
  const defaults = await readInfraDefaults();
  results.batch = await measureBatch(BATCHES, BATCH_SIZE, PUBLISH_LATENCY_MS, defaults.publishConcurrency);
  log(
    `  concurrency ${results.batch.concurrency}: median ${fmt(results.batch.medianBatchMs, 1)} ms per batch (p95 ${fmt(results.batch.p95BatchMs, 1)} ms), ` +
      `${fmt(results.batch.recordsPerSecond)} records/s, ${fmt(results.batch.medianBatchMs / PUBLISH_LATENCY_MS, 2)}× one publish; ` +
      `one at a time: ${fmt(results.batch.sequential.medianBatchMs, 1)} ms per batch, ${fmt(results.batch.sequential.recordsPerSecond)} records/s`,
  );
}

if (selected.has('load')) {
  heading(
    `5. Local pipeline under load: ${CONNECTIONS.join('/')} connections × ${STEP_SECONDS} s, then ${PACED_RATE}/s for ${PACED_SECONDS} s`,
    'load',
  );
  results.load = await measureLoad(CONNECTIONS, STEP_SECONDS, PACED_RATE, PACED_SECONDS, log);
  for (const [index, step] of results.load.pipeline.entries()) {
    const ceiling = results.load.ceiling[index];
    if (ceiling) {
      log(
        `  ${String(step.connections).padStart(3)} connections: pipeline/ceiling ${fmt(step.acceptedPerSecond / ceiling.acceptedPerSecond, 3)}×`,
      );
    }
  }
}

if (selected.has('cost')) {
  heading('6. Cost model: dollars per million signups (us-east-1 list prices)', 'cost');
  const defaults = await readInfraDefaults();
  const logBytes = await measureLogBytes(LOG_SIGNUPS);
  const signupHandlerWarm = results.cold?.warm['signup-handler'];
  if (!signupHandlerWarm || !results.batch) throw new Error('the cost model needs sections cold and batch');
  const inputs = {
    defaults,
    signupHandlerBilledMs: Math.max(1, Math.ceil(signupHandlerWarm.medianMs)),
    processUserBilledMs: Math.max(1, Math.ceil(results.batch.medianBatchMs)),
    signupHandlerLogBytes: logBytes.perFunction['signup-handler']?.bytesPerSignup ?? 0,
    processUserLogBytes: logBytes.perFunction['process-user']?.bytesPerSignup ?? 0,
    apiAccessLogBytes: apiAccessLogLineBytes(),
  };
  const scenarios = [
    {
      name: `Terraform defaults: ${defaults.architecture}, ${defaults.signupHandlerMemoryMb}/${defaults.processUserMemoryMb} MB`,
      architecture: defaults.architecture === 'x86_64' ? ('x86_64' as const) : ('arm64' as const),
      signupHandlerMemoryMb: defaults.signupHandlerMemoryMb,
      processUserMemoryMb: defaults.processUserMemoryMb,
    },
    {
      name: `x86_64, same memory (${defaults.signupHandlerMemoryMb}/${defaults.processUserMemoryMb} MB)`,
      architecture: 'x86_64' as const,
      signupHandlerMemoryMb: defaults.signupHandlerMemoryMb,
      processUserMemoryMb: defaults.processUserMemoryMb,
    },
    {
      name: "x86_64, Lambda's own defaults (128 MB)",
      architecture: 'x86_64' as const,
      signupHandlerMemoryMb: 128,
      processUserMemoryMb: 128,
    },
  ];
  const lines = costPerMillion(inputs, scenarios);
  results.cost = { inputs, scenarios, lines, logBytes };
  for (const source of defaults.sources) log(`  input: ${source}`);
  log(
    `  measured: signup-handler ${fmt(signupHandlerWarm.medianMs, 2)} ms -> ${inputs.signupHandlerBilledMs} ms billed; ` +
      `process-user batch ${fmt(results.batch.medianBatchMs, 1)} ms -> ${inputs.processUserBilledMs} ms billed; ` +
      `log bytes per signup: signup-handler ${fmt(inputs.signupHandlerLogBytes, 0)}, process-user ${fmt(inputs.processUserLogBytes, 0)} (measured over ${logBytes.signups} signups at INFO), API access log ${inputs.apiAccessLogBytes}`,
  );
  for (const line of lines) {
    log(
      `  ${line.item.padEnd(28)} ${line.dollars.map((d) => `$${d.toFixed(4)}`.padStart(10)).join(' ')}   ${line.basis}`,
    );
  }
  const totals = scenarios.map((_, index) =>
    lines.reduce((sum, line) => sum + (line.dollars[index] ?? 0), 0),
  );
  log(
    `  ${'total'.padEnd(28)} ${totals.map((d) => `$${d.toFixed(4)}`.padStart(10)).join(' ')}   per million signups`,
  );
  log(`  scenarios: ${scenarios.map((s, i) => `[${i + 1}] ${s.name}`).join('; ')}`);
}

results.totalSeconds = (performance.now() - benchStarted) / 1000;
log(`\n[${elapsed()}] done in ${fmt(results.totalSeconds, 0)} s`);
if (fullRun) {
  const written = await writeReports(results);
  for (const file of written) log(`wrote ${file}`);
} else {
  log('partial run: docs/benchmarks.md left as it was (run make bench for the full report)');
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
