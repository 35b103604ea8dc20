import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LambdaFunction, type LambdaFunctionOptions } from '../src/lambda-host.js';
import { waitFor } from './helpers.js';

describe('LambdaFunction', () => {
  let directory: string;
  let fn: LambdaFunction | undefined;
  let logLines: Array<{ name: string; line: string }>;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'lambda-host-test-'));
    logLines = [];
  });
  afterEach(async () => {
    await fn?.stop();
    fn = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  /** Writes an ESM bundle into the temp dir and returns its path. */
  const bundle = async (source: string, file = 'index.mjs'): Promise<string> => {
    const path = join(directory, file);
    await writeFile(path, source);
    return path;
  };

  const host = (bundlePath: string, options: Partial<LambdaFunctionOptions> = {}): LambdaFunction => {
    fn = new LambdaFunction({
      functionName: 'test-fn',
      bundlePath,
      environment: {},
      timeoutSeconds: 5,
      onLogLine: (name, line) => logLines.push({ name, line }),
      ...options,
    });
    return fn;
  };

  it('returns the handler result as it round-trips through JSON', async () => {
    // Prepare
    const path = await bundle(`
      export const handler = async (event) => ({
        echo: event,
        date: new Date(0),
        dropped: undefined,
        list: [1, undefined],
      });
    `);
    const lambda = host(path);

    // Act
    const result = await lambda.invoke({ name: 'Ada', nested: { n: 1 } });

    // Assess
    expect(result).toEqual({
      ok: true,
      value: {
        echo: { name: 'Ada', nested: { n: 1 } },
        date: '1970-01-01T00:00:00.000Z',
        list: [1, null],
      },
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('returns null when the handler returns undefined', async () => {
    // Prepare
    const lambda = host(await bundle('export const handler = async () => undefined;'));

    // Act
    const result = await lambda.invoke({});

    // Assess
    expect(result).toMatchObject({ ok: true, value: null });
  });

  it('passes a context with the request id, function name and a decreasing remaining time', async () => {
    // Prepare
    const path = await bundle(`
      export const handler = async (event, context) => {
        const first = context.getRemainingTimeInMillis();
        await new Promise((resolve) => setTimeout(resolve, 50));
        const second = context.getRemainingTimeInMillis();
        return {
          awsRequestId: context.awsRequestId,
          functionName: context.functionName,
          invokedFunctionArn: context.invokedFunctionArn,
          first,
          second,
        };
      };
    `);
    const lambda = host(path, { timeoutSeconds: 3 });

    // Act
    const result = await lambda.invoke({});

    // Assess
    if (!result.ok) throw new Error(`invocation failed: ${result.error.message}`);
    const value = result.value as Record<string, unknown>;
    expect(value.awsRequestId).toBe(result.awsRequestId);
    expect(value.functionName).toBe('test-fn');
    expect(value.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:test-fn');
    expect(value.first).toBeLessThanOrEqual(3_000);
    expect(value.first).toBeGreaterThan(2_000);
    expect(value.second).toBeLessThanOrEqual((value.first as number) - 40);
  });

  it('gives the function only the environment it was given', async () => {
    // Prepare
    process.env.LAMBDA_HOST_TEST_CANARY = 'leaked';
    const lambda = host(await bundle('export const handler = async () => ({ ...process.env });'), {
      environment: { GREETING: 'hello', LOG_LEVEL: 'DEBUG' },
    });

    // Act
    const result = await lambda.invoke({}).finally(() => {
      delete process.env.LAMBDA_HOST_TEST_CANARY;
    });

    // Assess
    expect(result).toMatchObject({
      ok: true,
      value: { GREETING: 'hello', LOG_LEVEL: 'DEBUG', AWS_LAMBDA_FUNCTION_NAME: 'test-fn' },
    });
    expect(Object.keys((result as { value: object }).value).sort()).toEqual([
      'AWS_LAMBDA_FUNCTION_NAME',
      'GREETING',
      'LOG_LEVEL',
    ]);
  });

  it('returns a thrown error as a failed result with its name and message', async () => {
    // Prepare
    const path = await bundle(`
      class SignupError extends Error { name = 'SignupError'; }
      export const handler = async () => { throw new SignupError('the queue is gone'); };
    `);
    const lambda = host(path);

    // Act
    const result = await lambda.invoke({});

    // Assess
    expect(result).toMatchObject({ ok: false, error: { name: 'SignupError', message: 'the queue is gone' } });
  });

  it('times out a slow handler, then serves the next invocation from a new sandbox', async () => {
    // Prepare
    const path = await bundle(`
      let invocations = 0;
      export const handler = async (event) => {
        invocations++;
        if (event.sleepMs) await new Promise((resolve) => setTimeout(resolve, event.sleepMs));
        return invocations;
      };
    `);
    const lambda = host(path, { timeoutSeconds: 0.2 });
    const warm = await lambda.invoke({});
    const started = performance.now();

    // Act
    const slow = await lambda.invoke({ sleepMs: 5_000 });
    const elapsedMs = performance.now() - started;
    const next = await lambda.invoke({});

    // Assess
    expect(warm).toMatchObject({ ok: true, value: 1 });
    expect(slow).toMatchObject({
      ok: false,
      error: { name: 'Sandbox.Timedout', message: 'Task timed out after 0.20 seconds' },
    });
    expect(elapsedMs).toBeGreaterThanOrEqual(195);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(next).toMatchObject({ ok: true, value: 1 });
  });

  it('reports an error thrown at import from warmUp and from every invocation', async () => {
    // Prepare
    const path = await bundle(`
      throw new RangeError('TABLE_NAME is not set');
      export const handler = async () => 'unreachable';
    `);
    const lambda = host(path);

    // Act
    const initError = await lambda.warmUp();
    const result = await lambda.invoke({});

    // Assess
    expect(initError).toMatchObject({ name: 'RangeError', message: 'TABLE_NAME is not set' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name.startsWith('Runtime.InitError')).toBe(true);
    expect(result.error.message).toBe('TABLE_NAME is not set');
  });

  it('reports a bundle without a handler export as an init error', async () => {
    // Prepare
    const lambda = host(await bundle('export const handle = async () => 1;'));

    // Act
    const result = await lambda.invoke({});

    // Assess
    expect(result).toMatchObject({
      ok: false,
      error: {
        name: 'Runtime.InitError: Error',
        message: 'The bundle does not export a function named handler',
      },
    });
  });

  it('serves new code after reload while an invocation in flight finishes on the old code', async () => {
    // Prepare
    const source = (version: string) => `
      export const handler = async (event) => {
        console.log('started ${version}');
        if (event.waitMs) await new Promise((resolve) => setTimeout(resolve, event.waitMs));
        return '${version}';
      };
    `;
    const path = await bundle(source('v1'));
    const lambda = host(path);
    const inFlight = lambda.invoke({ waitMs: 500 });
    await waitFor(() => logLines.find((entry) => entry.line === 'started v1'), {
      timeoutMs: 5_000,
      what: 'the first invocation to start',
    });
    await writeFile(path, source('v2'));

    // Act
    const reloadError = await lambda.reload();
    const fresh = await lambda.invoke({});
    const old = await inFlight;

    // Assess
    expect(reloadError).toBeUndefined();
    expect(fresh).toMatchObject({ ok: true, value: 'v2' });
    expect(old).toMatchObject({ ok: true, value: 'v1' });
  });

  it('runs an invocation that was still waiting for its sandbox when reload came on the new sandbox', async () => {
    // Prepare
    const path = await bundle("export const handler = async () => 'v1';");
    const lambda = host(path);
    await lambda.warmUp();
    await writeFile(path, "export const handler = async () => 'v2';");

    // Act
    const waiting = lambda.invoke({});
    const reloadError = await lambda.reload();
    const result = await waiting;

    // Assess
    expect(reloadError).toBeUndefined();
    expect(result).toMatchObject({ ok: true, value: 'v2' });
  });

  it('sends every line written to stdout and stderr to onLogLine', async () => {
    // Prepare
    const path = await bundle(`
      console.log('cold start');
      export const handler = async (event) => {
        console.log('handling', event.id);
        console.error('a warning');
        process.stdout.write('two\\nlines\\n');
        return 'ok';
      };
    `);
    const lambda = host(path);

    // Act
    await lambda.invoke({ id: 7 });
    await waitFor(() => (logLines.length >= 5 ? true : undefined), {
      timeoutMs: 5_000,
      what: 'five log lines',
    });

    // Assess
    expect(logLines.map((entry) => entry.line).sort()).toEqual(
      ['cold start', 'handling 7', 'a warning', 'two', 'lines'].sort(),
    );
    expect(new Set(logLines.map((entry) => entry.name))).toEqual(new Set(['test-fn']));
  });

  it('refuses invocations after stop', async () => {
    // Prepare
    const lambda = host(await bundle('export const handler = async () => 1;'));
    await lambda.invoke({});

    // Act
    await lambda.stop();

    // Assess
    await expect(lambda.invoke({})).rejects.toThrow('test-fn is stopped');
  });
});
