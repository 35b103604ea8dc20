import { SQSClient } from '@aws-sdk/client-sqs';
import { type LocalPipeline, type LocalPipelineOptions, startLocalPipeline } from '../src/index.js';

export interface TestPipeline extends LocalPipeline {
  /** Every line the functions logged. */
  readonly logLines: string[];
  /** An SQS client for the local queues. */
  readonly sqs: SQSClient;
  signUp(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** The pipeline on free loopback ports, with no .eml files and every function log line captured. */
export async function startTestPipeline(options: LocalPipelineOptions = {}): Promise<TestPipeline> {
  const logLines: string[] = [];
  const pipeline = await startLocalPipeline({
    port: 0,
    onLogLine: (_name, line) => logLines.push(line),
    ...options,
  });
  const sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: pipeline.sqsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const signUp = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${pipeline.url}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const stop = pipeline.stop;
  return Object.assign(pipeline, {
    logLines,
    sqs,
    signUp,
    stop: async () => {
      sqs.destroy();
      await stop();
    },
  });
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 10_000, intervalMs = 20, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
