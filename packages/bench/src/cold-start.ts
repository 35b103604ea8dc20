import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startAwsStub } from './aws-stub.js';
import { apiGatewayEvent, signupBody, sqsEvent } from './events.js';
import { buildNaiveBundle } from './naive-build.js';
import { BENCH_DIR, FUNCTIONS, type FunctionName, productionBundle, WORK_DIR } from './paths.js';
import { type ColdStartChildResult, RESULT_MARKER } from './protocol.js';
import { median } from './stats.js';

export type Build = 'bundled' | 'naive';

export interface ColdStartRow {
  readonly fn: FunctionName;
  readonly build: Build;
  readonly bundle: string;
  readonly runs: number;
  /** Medians over the runs, in ms since each child process started. */
  readonly firstResponseMs: number;
  readonly importedMs: number;
  readonly scriptStartMs: number;
  /** Median of import + first event, i.e. without Node's own start-up. */
  readonly initAndFirstEventMs: number;
  /** Median wall time of the whole child process, spawn to exit, as the parent saw it. */
  readonly wallMs: number;
}

export interface ColdStartResults {
  readonly rows: ColdStartRow[];
  /** Warm invocations of the production bundles, real SDK call to the loopback stub. */
  readonly warm: Record<FunctionName, { count: number; medianMs: number; p99Ms: number }>;
  readonly naiveExternal: Record<FunctionName, string[]>;
  readonly stubCounts: { sendMessage: number; publish: number; dynamoDb: number; other: number };
  readonly childScript: string;
}

export const CHILD_SCRIPT = join(BENCH_DIR, 'dist', 'cold-start-child.mjs');

/** Cold starts of the production and the naive bundle of each function, interleaved run by run. */
export async function measureColdStarts(
  runs: number,
  log: (line: string) => void,
): Promise<ColdStartResults> {
  const stub = await startAwsStub();
  try {
    await mkdir(WORK_DIR, { recursive: true });
    const eventFiles = {} as Record<FunctionName, string>;
    const environments = {} as Record<FunctionName, Record<string, string>>;
    const common = {
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      TZ: 'UTC',
    };
    eventFiles['signup-handler'] = join(WORK_DIR, 'events-signup-handler.json');
    await writeFile(
      eventFiles['signup-handler'],
      JSON.stringify(Array.from({ length: 50 }, (_, i) => apiGatewayEvent(signupBody(i)))),
    );
    environments['signup-handler'] = {
      ...common,
      AWS_LAMBDA_FUNCTION_NAME: 'signup-handler',
      POWERTOOLS_SERVICE_NAME: 'signup-handler',
      AWS_ENDPOINT_URL_SQS: stub.endpoint,
      SIGNUP_QUEUE_URL: stub.queueUrl,
      ALLOWED_ORIGIN: '*',
    };
    eventFiles['process-user'] = join(WORK_DIR, 'events-process-user.json');
    // The first event is a batch of one record; the warm runs reuse batches of one.
    await writeFile(
      eventFiles['process-user'],
      JSON.stringify(Array.from({ length: 50 }, (_, i) => sqsEvent(1, i))),
    );
    environments['process-user'] = {
      ...common,
      AWS_LAMBDA_FUNCTION_NAME: 'process-user',
      POWERTOOLS_SERVICE_NAME: 'process-user',
      AWS_ENDPOINT_URL_SNS: stub.endpoint,
      WELCOME_TOPIC_ARN: stub.topicArn,
      // Idempotency is on by default in infra/ (idempotency_enabled): the first event writes its records.
      IDEMPOTENCY_TABLE_NAME: stub.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: stub.endpoint,
    };

    const variants: { fn: FunctionName; build: Build; bundle: string }[] = [];
    const naiveExternal = {} as Record<FunctionName, string[]>;
    for (const fn of FUNCTIONS) {
      const naive = await buildNaiveBundle(fn);
      naiveExternal[fn] = naive.external;
      variants.push({ fn, build: 'bundled', bundle: productionBundle(fn) });
      variants.push({ fn, build: 'naive', bundle: naive.bundle });
    }
    const run = (variant: (typeof variants)[number], warmCount = 0) =>
      runChild(variant.bundle, eventFiles[variant.fn], environments[variant.fn], warmCount);

    // One unmeasured run each first: the page cache then holds every file, as on a busy Lambda host.
    for (const variant of variants) await run(variant);
    const samples = variants.map(() => [] as { result: ColdStartChildResult; wallMs: number }[]);
    for (let i = 0; i < runs; i++) {
      for (const [index, variant] of variants.entries()) samples[index]?.push(await run(variant));
    }
    const rows = variants.map((variant, index): ColdStartRow => {
      const runsOf = samples[index] ?? [];
      const row = {
        ...variant,
        runs: runsOf.length,
        firstResponseMs: median(runsOf.map((s) => s.result.firstResponseMs)),
        importedMs: median(runsOf.map((s) => s.result.importedMs)),
        scriptStartMs: median(runsOf.map((s) => s.result.scriptStartMs)),
        initAndFirstEventMs: median(runsOf.map((s) => s.result.firstResponseMs - s.result.scriptStartMs)),
        wallMs: median(runsOf.map((s) => s.wallMs)),
      };
      log(
        `  ${variant.fn.padEnd(15)} ${variant.build.padEnd(8)} first response ${row.firstResponseMs.toFixed(1)} ms after process start ` +
          `(import done ${row.importedMs.toFixed(1)} ms, import+first event ${row.initAndFirstEventMs.toFixed(1)} ms), process wall ${row.wallMs.toFixed(1)} ms, n=${row.runs}`,
      );
      return row;
    });

    const warm = {} as ColdStartResults['warm'];
    for (const fn of FUNCTIONS) {
      const variant = variants.find((v) => v.fn === fn && v.build === 'bundled');
      if (!variant) throw new Error(`no production variant of ${fn}`);
      const { result } = await run(variant, 300);
      if (!result.warm) throw new Error(`the warm run of ${fn} reported no durations`);
      warm[fn] = result.warm;
      log(
        `  ${fn.padEnd(15)} warm invocation of the production bundle (real SDK call to a loopback stub): median ${result.warm.medianMs.toFixed(2)} ms, p99 ${result.warm.p99Ms.toFixed(2)} ms, n=${result.warm.count}`,
      );
    }
    const { sendMessage, publish, dynamoDb, other } = stub.counts;
    log(
      `  the stub endpoint answered ${sendMessage} SendMessage, ${publish} Publish, ${dynamoDb} DynamoDB and ${other} other requests`,
    );
    if (other > 0) throw new Error('a cold-start child made an AWS call the stub does not know');
    return { rows, warm, naiveExternal, stubCounts: { ...stub.counts }, childScript: CHILD_SCRIPT };
  } finally {
    await stub.close();
  }
}

async function runChild(
  bundle: string,
  eventFile: string,
  environment: Record<string, string>,
  warmCount: number,
): Promise<{ result: ColdStartChildResult; wallMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CHILD_SCRIPT, bundle, eventFile, String(warmCount)], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_MARKER));
  if (code !== 0 || !line) {
    throw new Error(`cold-start child for ${bundle} failed (exit ${code}): ${stderr.slice(0, 2000)}`);
  }
  return { result: JSON.parse(line.slice(RESULT_MARKER.length)) as ColdStartChildResult, wallMs };
}
