import { type ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signupBody } from './events.js';
import { BENCH_DIR } from './paths.js';
import { epochMs, median, percentile, sleep } from './stats.js';

export const SERVER_CHILD = join(BENCH_DIR, 'dist', 'server-child.mjs');

type LogBytes = Record<string, { lines: number; bytes: number }>;

/** A server under test in its own process: the local pipeline or the bare `http` ceiling. */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(mode: 'bare' | 'pipeline', logLevel = 'ERROR'): Promise<ServerProcess> {
    const child = fork(SERVER_CHILD, [mode, logLevel], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${mode} server did not start in 60 s`)), 60_000);
      child.once('exit', (code) => reject(new Error(`the ${mode} server exited with code ${code}`)));
      child.on('message', (message: { type: string; url?: string }) => {
        if (message.type === 'ready' && message.url) {
          clearTimeout(timer);
          resolve(message.url);
        }
      });
    });
    return new ServerProcess(child, url);
  }

  private ask<T>(type: string, replyType: string): Promise<T> {
    return new Promise<T>((resolve) => {
      const listener = (message: { type: string }) => {
        if (message.type !== replyType) return;
        this.child.off('message', listener);
        resolve(message as T);
      };
      this.child.on('message', listener);
      this.child.send({ type });
    });
  }

  status(): Promise<{ delivered: number; logBytes: LogBytes }> {
    return this.ask('status', 'status');
  }

  collect(): Promise<{ delivered: number; deliveries: [string, number][] }> {
    return this.ask('collect', 'deliveries');
  }

  /** Waits until `expected` emails reached the outbox (or the time is up); returns how long that took. */
  async waitForDeliveries(
    expected: number,
    timeoutMs: number,
  ): Promise<{ delivered: number; waitedMs: number }> {
    const started = performance.now();
    let delivered = 0;
    while (performance.now() - started < timeoutMs) {
      delivered = (await this.status()).delivered;
      if (delivered >= expected) break;
      await sleep(100);
    }
    return { delivered, waitedMs: performance.now() - started };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export interface LoadStep {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly requests: number;
  readonly accepted: number;
  readonly acceptedPerSecond: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** One autocannon run of `POST /signup` with a valid body (closed loop: each connection waits for its answer). */
export async function autocannonStep(
  url: string,
  connections: number,
  durationSeconds: number,
): Promise<LoadStep> {
  const result = await autocannon({
    url: `${url}/signup`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A distinct address per request (autocannon's id replacement): one email per address is sent.
    body: signupBody('[<id>]'),
    idReplacement: true,
    connections,
    duration: durationSeconds,
    timeout: 10,
  });
  const accepted = result.statusCodeStats['200']?.count ?? 0;
  return {
    connections,
    durationSeconds,
    requests: result.requests.total,
    accepted,
    acceptedPerSecond: accepted / result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

export interface PacedResult {
  readonly targetRate: number;
  readonly achievedRate: number;
  readonly sent: number;
  readonly accepted: number;
  readonly failed: number;
  readonly httpP50Ms: number;
  readonly httpP95Ms: number;
  readonly httpP99Ms: number;
  /** Send time (epoch ms) of each accepted signup, by the request id of its 200 answer. */
  readonly sentAtByRequestId: Map<string, number>;
}

/**
 * Open-loop sender: starts one `POST /signup` every 1/rate seconds whatever the answers do (no
 * coordinated omission), each with a distinct body, and keys the send time by the answer's requestId.
 */
export async function pacedSignups(url: string, rate: number, durationSeconds: number): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const target = new URL(`${url}/signup`);
  const total = Math.round(rate * durationSeconds);
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const sentAtByRequestId = new Map<string, number>();
  const latencies: number[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const post = (index: number) =>
    new Promise<void>((resolve) => {
      const body = signupBody(`${run}-${index}`);
      const sentAt = epochMs();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            latencies.push(epochMs() - sentAt);
            if (response.statusCode === 200) {
              const { requestId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                requestId: string;
              };
              sentAtByRequestId.set(requestId, sentAt);
            } else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });

  const started = performance.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (next < due) inFlight.push(post(next++));
    await sleep(1);
  }
  const sendingSeconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  agent.destroy();
  return {
    targetRate: rate,
    achievedRate: total / sendingSeconds,
    sent: total,
    accepted: sentAtByRequestId.size,
    failed,
    httpP50Ms: median(latencies),
    httpP95Ms: percentile(latencies, 95),
    httpP99Ms: percentile(latencies, 99),
    sentAtByRequestId,
  };
}

export interface LoadResults {
  readonly connections: readonly number[];
  readonly stepSeconds: number;
  readonly ceiling: LoadStep[];
  readonly pipeline: (LoadStep & { drainMs: number; drained: boolean })[];
  readonly paced: Omit<PacedResult, 'sentAtByRequestId'> & {
    readonly durationSeconds: number;
    readonly matched: number;
    readonly outboxP50Ms: number;
    readonly outboxP95Ms: number;
    readonly outboxP99Ms: number;
    readonly outboxMaxMs: number;
  };
}

/** Section 5: the bare ceiling and the local pipeline at increasing concurrency, then at a fixed rate. */
export async function measureLoad(
  connections: readonly number[],
  stepSeconds: number,
  pacedRate: number,
  pacedSeconds: number,
  log: (line: string) => void,
): Promise<LoadResults> {
  const describe = (name: string, step: LoadStep) =>
    `  ${name.padEnd(9)} ${String(step.connections).padStart(3)} connections: ${step.acceptedPerSecond.toFixed(0)} accepted/s ` +
    `(${step.accepted} x 200, ${step.non2xx} non-2xx, ${step.errors} errors), p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms`;

  const ceiling: LoadStep[] = [];
  const bare = await ServerProcess.start('bare');
  try {
    await autocannonStep(bare.url, 10, 1); // warm-up
    for (const c of connections) {
      const step = await autocannonStep(bare.url, c, stepSeconds);
      ceiling.push(step);
      log(describe('ceiling', step));
    }
  } finally {
    await bare.stop();
  }

  const pipelineSteps: LoadResults['pipeline'] = [];
  const server = await ServerProcess.start('pipeline');
  try {
    let accepted = (await autocannonStep(server.url, 10, 1)).accepted; // warm-up
    await server.waitForDeliveries(accepted, 30_000);

    // Fixed rate first, on an empty queue: time from POST to the email in the outbox.
    await server.collect();
    const paced = await pacedSignups(server.url, pacedRate, pacedSeconds);
    accepted += paced.accepted;
    await server.waitForDeliveries(accepted, 30_000);
    const { deliveries } = await server.collect();
    const toOutbox: number[] = [];
    for (const [requestId, deliveredAt] of deliveries) {
      const sentAt = paced.sentAtByRequestId.get(requestId);
      if (sentAt !== undefined) toOutbox.push(deliveredAt - sentAt);
    }
    const { sentAtByRequestId: _, ...pacedSummary } = paced;
    const pacedResult = {
      ...pacedSummary,
      durationSeconds: pacedSeconds,
      matched: toOutbox.length,
      outboxP50Ms: median(toOutbox),
      outboxP95Ms: percentile(toOutbox, 95),
      outboxP99Ms: percentile(toOutbox, 99),
      outboxMaxMs: Math.max(...toOutbox),
    };
    log(
      `  pipeline  ${pacedRate}/s for ${pacedSeconds} s (open loop, achieved ${paced.achievedRate.toFixed(0)}/s): ${paced.accepted} accepted, ${paced.failed} failed; ` +
        `HTTP p50 ${paced.httpP50Ms.toFixed(1)} ms, p95 ${paced.httpP95Ms.toFixed(1)} ms, p99 ${paced.httpP99Ms.toFixed(1)} ms; ` +
        `POST -> outbox (${toOutbox.length} matched) p50 ${pacedResult.outboxP50Ms.toFixed(1)} ms, p95 ${pacedResult.outboxP95Ms.toFixed(1)} ms, p99 ${pacedResult.outboxP99Ms.toFixed(1)} ms, max ${pacedResult.outboxMaxMs.toFixed(1)} ms`,
    );

    // Then the concurrency sweep, letting the queue drain between steps so each starts alike.
    for (const c of connections) {
      const step = await autocannonStep(server.url, c, stepSeconds);
      accepted += step.accepted;
      const drain = await server.waitForDeliveries(accepted, 40_000);
      await server.collect();
      const drained = drain.delivered >= accepted;
      pipelineSteps.push({ ...step, drainMs: drain.waitedMs, drained });
      log(
        `${describe('pipeline', step)}; queue drained ${drained ? 'in' : 'NOT within'} ${(drain.waitedMs / 1000).toFixed(1)} s after the run`,
      );
    }
    return { connections, stepSeconds, ceiling, pipeline: pipelineSteps, paced: pacedResult };
  } finally {
    await server.stop();
  }
}

/** Log bytes the functions write per signup at the deployed log level (INFO), through the local pipeline. */
export async function measureLogBytes(signups: number): Promise<{
  readonly signups: number;
  readonly perFunction: Record<string, { linesPerSignup: number; bytesPerSignup: number }>;
}> {
  const server = await ServerProcess.start('pipeline', 'INFO');
  try {
    const before = (await server.status()).logBytes;
    const paced = await pacedSignups(server.url, 100, signups / 100);
    await server.waitForDeliveries(paced.accepted, 30_000);
    await sleep(200); // the last log lines travel from the worker threads
    const after = (await server.status()).logBytes;
    const perFunction: Record<string, { linesPerSignup: number; bytesPerSignup: number }> = {};
    for (const [name, entry] of Object.entries(after)) {
      const base = before[name] ?? { lines: 0, bytes: 0 };
      perFunction[name] = {
        linesPerSignup: (entry.lines - base.lines) / paced.accepted,
        bytesPerSignup: (entry.bytes - base.bytes) / paced.accepted,
      };
    }
    return { signups: paced.accepted, perFunction };
  } finally {
    await server.stop();
  }
}
