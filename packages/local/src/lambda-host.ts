import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './defaults.js';
import { LAMBDA_WORKER_SOURCE } from './lambda-worker-source.js';

export interface LambdaFunctionOptions {
  readonly functionName: string;
  /** The built bundle, `packages/<fn>/dist/index.mjs`, exporting `handler`. */
  readonly bundlePath: string;
  /** The function's whole environment: nothing leaks in from the developer's shell. */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memoryMb?: number;
  /** Receives every line the function writes to stdout or stderr (its CloudWatch log). */
  readonly onLogLine: (functionName: string, line: string) => void;
}

export interface LambdaInvocationError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type InvokeResult =
  | { readonly ok: true; readonly value: unknown; readonly awsRequestId: string }
  | { readonly ok: false; readonly error: LambdaInvocationError; readonly awsRequestId: string };

interface Pending {
  readonly resolve: (result: InvokeResult) => void;
  readonly awsRequestId: string;
  readonly timer: NodeJS.Timeout;
}

interface Sandbox {
  readonly worker: Worker;
  readonly ready: Promise<LambdaInvocationError | undefined>;
  readonly pending: Map<number, Pending>;
  retired: boolean;
}

/**
 * Hosts one Lambda function in a worker thread: its own environment, a cold start that imports the
 * bundle, the configured timeout (a timed-out sandbox is discarded, as Lambda does), and reloads
 * that swap in a new sandbox without dropping invocations in flight.
 * Unlike Lambda, one sandbox runs concurrent invocations; they share its module state.
 */
export class LambdaFunction {
  private sandbox: Sandbox | undefined;
  private generation = 0;
  private nextId = 0;
  private stopped = false;
  readonly functionArn: string;

  constructor(private readonly options: LambdaFunctionOptions) {
    this.functionArn = `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${options.functionName}`;
  }

  get name(): string {
    return this.options.functionName;
  }

  /** Starts a sandbox now (rather than at the first invocation) and reports its init error, if any. */
  async warmUp(): Promise<LambdaInvocationError | undefined> {
    return this.currentSandbox().ready;
  }

  async invoke(event: unknown): Promise<InvokeResult> {
    if (this.stopped) throw new Error(`${this.name} is stopped`);
    const awsRequestId = randomUUID();
    let sandbox = this.currentSandbox();
    let initError = await sandbox.ready;
    // A reload while this invocation waited retired (and may have terminated) that sandbox; the
    // invocation has not started yet, so it runs on the new one.
    while (sandbox.retired && !this.stopped) {
      sandbox = this.currentSandbox();
      initError = await sandbox.ready;
    }
    if (initError) {
      this.discard(sandbox);
      return {
        ok: false,
        error: { ...initError, name: `Runtime.InitError: ${initError.name}` },
        awsRequestId,
      };
    }
    const id = this.nextId++;
    const timeoutMs = this.options.timeoutSeconds * 1000;
    return new Promise<InvokeResult>((resolve) => {
      const timer = setTimeout(() => {
        sandbox.pending.delete(id);
        resolve({
          ok: false,
          error: {
            name: 'Sandbox.Timedout',
            message: `Task timed out after ${this.options.timeoutSeconds.toFixed(2)} seconds`,
          },
          awsRequestId,
        });
        this.discard(sandbox);
      }, timeoutMs);
      sandbox.pending.set(id, { resolve, awsRequestId, timer });
      sandbox.worker.postMessage({
        type: 'invoke',
        id,
        event,
        awsRequestId,
        deadline: Date.now() + timeoutMs,
      });
    });
  }

  /** Loads the bundle again (after a rebuild) in a new sandbox; the old one finishes what it runs. */
  async reload(): Promise<LambdaInvocationError | undefined> {
    const previous = this.sandbox;
    this.sandbox = this.createSandbox();
    if (previous) this.retire(previous);
    return this.sandbox.ready;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const sandbox = this.sandbox;
    this.sandbox = undefined;
    if (sandbox) await this.terminate(sandbox, 'The local runtime stopped');
  }

  private currentSandbox(): Sandbox {
    this.sandbox ??= this.createSandbox();
    return this.sandbox;
  }

  private createSandbox(): Sandbox {
    const generation = ++this.generation;
    const worker = new Worker(LAMBDA_WORKER_SOURCE, {
      eval: true,
      env: { ...this.options.environment, AWS_LAMBDA_FUNCTION_NAME: this.name },
      stdout: true,
      stderr: true,
      workerData: {
        bundlePath: this.options.bundlePath,
        generation,
        functionName: this.name,
        functionArn: this.functionArn,
        memoryMb: this.options.memoryMb ?? 128,
      },
    });
    for (const stream of [worker.stdout, worker.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.options.onLogLine(this.name, line));
    }
    const pending = new Map<number, Pending>();
    const sandbox: Sandbox = {
      worker,
      pending,
      retired: false,
      ready: new Promise((resolve) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'ready') resolve(undefined);
          else if (message.type === 'init-error') resolve(message.error);
          else if (message.type === 'result') this.settle(sandbox, message);
        });
        worker.on('error', (error) => {
          resolve({ name: error.name, message: error.message });
          this.failAll(sandbox, { name: 'Runtime.ExitError', message: `Runtime exited: ${error.message}` });
        });
        worker.on('exit', (code) => {
          resolve({ name: 'Runtime.ExitError', message: `Runtime exited with code ${code}` });
          this.failAll(sandbox, { name: 'Runtime.ExitError', message: `Runtime exited with code ${code}` });
          if (this.sandbox === sandbox) this.sandbox = undefined;
        });
      }),
    };
    return sandbox;
  }

  private settle(sandbox: Sandbox, message: ResultMessage) {
    const pending = sandbox.pending.get(message.id);
    if (!pending) return; // already timed out
    sandbox.pending.delete(message.id);
    clearTimeout(pending.timer);
    pending.resolve(
      message.ok
        ? { ok: true, value: message.value, awsRequestId: pending.awsRequestId }
        : { ok: false, error: message.error, awsRequestId: pending.awsRequestId },
    );
    if (sandbox.retired && sandbox.pending.size === 0) void sandbox.worker.terminate();
  }

  private failAll(sandbox: Sandbox, error: LambdaInvocationError) {
    for (const [id, pending] of sandbox.pending) {
      clearTimeout(pending.timer);
      pending.resolve({ ok: false, error, awsRequestId: pending.awsRequestId });
      sandbox.pending.delete(id);
    }
  }

  private retire(sandbox: Sandbox) {
    sandbox.retired = true;
    if (sandbox.pending.size === 0) void sandbox.worker.terminate();
  }

  private discard(sandbox: Sandbox) {
    if (this.sandbox === sandbox) this.sandbox = undefined;
    void this.terminate(sandbox, 'The sandbox was discarded after a timeout or init error');
  }

  private async terminate(sandbox: Sandbox, reason: string) {
    this.failAll(sandbox, { name: 'Runtime.ExitError', message: reason });
    await sandbox.worker.terminate();
  }
}

type ResultMessage =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: LambdaInvocationError };

type WorkerMessage =
  | { type: 'ready'; initMs: number }
  | { type: 'init-error'; error: LambdaInvocationError }
  | ResultMessage;
