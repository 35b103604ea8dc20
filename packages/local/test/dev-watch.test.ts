import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Builder, watchHandlers } from '../src/dev-watch.js';
import type { LambdaFunction } from '../src/lambda-host.js';
import { waitFor } from './helpers.js';

function fakeFunction(name: string, reloads: string[]) {
  return {
    name,
    reload: async () => {
      reloads.push(name);
      return undefined;
    },
  } as unknown as LambdaFunction;
}

function recordingBuilder(built: string[], { failOn }: { failOn?: string } = {}): Builder {
  return {
    buildFunction: async (dir) => {
      if (dir === failOn) throw new Error('src/index.ts:3: Expected ";"');
      built.push(dir);
    },
    buildSchema: async (dir) => {
      built.push(`schema:${dir}`);
    },
    dispose: async () => undefined,
  };
}

describe('watchHandlers', () => {
  let root: string;
  let signupDir: string;
  let processDir: string;
  let schemaDir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dev-watch-'));
    signupDir = join(root, 'signup-handler');
    processDir = join(root, 'process-user');
    schemaDir = join(root, 'schema');
    for (const dir of [signupDir, processDir, schemaDir]) await mkdir(join(dir, 'src'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('rebuilds and reloads only the handler whose source changed', async () => {
    // Prepare
    const built: string[] = [];
    const reloads: string[] = [];
    const events: string[] = [];
    const watcher = watchHandlers({
      functions: [
        { fn: fakeFunction('signup-handler', reloads), packageDir: signupDir },
        { fn: fakeFunction('process-user', reloads), packageDir: processDir },
      ],
      schemaDir,
      builder: recordingBuilder(built),
      onEvent: (message) => events.push(message),
      debounceMs: 20,
      pollMs: 30,
    });

    // Act
    await writeFile(join(signupDir, 'src', 'handler.ts'), 'export const changed = 1;\n');
    await waitFor(() => (events.length > 0 ? true : undefined), { what: 'the reload event' });
    await watcher.close();

    // Assess
    expect(built).toEqual([signupDir]);
    expect(reloads).toEqual(['signup-handler']);
    expect(events[0]).toMatch(/^rebuilt and reloaded signup-handler in \d+ ms$/);
  });

  it('regenerates the schema and rebuilds every handler when the schema changes', async () => {
    // Prepare
    const built: string[] = [];
    const reloads: string[] = [];
    const events: string[] = [];
    const watcher = watchHandlers({
      functions: [
        { fn: fakeFunction('signup-handler', reloads), packageDir: signupDir },
        { fn: fakeFunction('process-user', reloads), packageDir: processDir },
      ],
      schemaDir,
      builder: recordingBuilder(built),
      onEvent: (message) => events.push(message),
      debounceMs: 20,
      pollMs: 30,
    });

    // Act
    await writeFile(join(schemaDir, 'src', 'signup-request.ts'), 'export const changed = 1;\n');
    await waitFor(() => (events.length > 0 ? true : undefined), { what: 'the reload event' });
    await watcher.close();

    // Assess
    expect(built).toEqual([`schema:${schemaDir}`, signupDir, processDir]);
    expect(reloads.sort()).toEqual(['process-user', 'signup-handler']);
  });

  it('keeps the running code when the build fails, and says why', async () => {
    // Prepare
    const reloads: string[] = [];
    const events: string[] = [];
    const watcher = watchHandlers({
      functions: [{ fn: fakeFunction('signup-handler', reloads), packageDir: signupDir }],
      schemaDir: undefined,
      builder: recordingBuilder([], { failOn: signupDir }),
      onEvent: (message) => events.push(message),
      debounceMs: 20,
      pollMs: 30,
    });

    // Act
    await writeFile(join(signupDir, 'src', 'handler.ts'), 'export const broken =\n');
    await waitFor(() => (events.length > 0 ? true : undefined), { what: 'the failure event' });
    await watcher.close();

    // Assess
    expect(reloads).toEqual([]);
    expect(events[0]).toContain('rebuild failed, still running the previous code');
    expect(events[0]).toContain('Expected ";"');
  });

  it('ignores files the schema build generates', async () => {
    // Prepare
    const built: string[] = [];
    await mkdir(join(schemaDir, 'src', 'generated'));
    const watcher = watchHandlers({
      functions: [],
      schemaDir,
      builder: recordingBuilder(built),
      onEvent: () => undefined,
      debounceMs: 20,
      pollMs: 30,
    });

    // Act
    await writeFile(join(schemaDir, 'src', 'generated', 'validators.js'), 'export {};\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await watcher.close();

    // Assess
    expect(built).toEqual([]);
  });

  it('keeps noticing a file that the editor saves by replacing it, save after save', async () => {
    // Prepare: like vim or sed -i, write a new file and rename it over the old one
    const reloads: string[] = [];
    const events: string[] = [];
    const source = join(signupDir, 'src', 'handler.ts');
    await writeFile(source, 'export const version = 0;\n');
    const watcher = watchHandlers({
      functions: [{ fn: fakeFunction('signup-handler', reloads), packageDir: signupDir }],
      schemaDir: undefined,
      builder: recordingBuilder([]),
      onEvent: (message) => events.push(message),
      debounceMs: 20,
      pollMs: 30,
    });

    // Act
    for (let version = 1; version <= 3; version++) {
      await writeFile(`${source}.tmp`, `export const version = ${version}00;\n`);
      await rename(`${source}.tmp`, source);
      await waitFor(() => (events.length === version ? true : undefined), { what: `reload ${version}` });
    }
    await watcher.close();

    // Assess
    expect(reloads).toEqual(['signup-handler', 'signup-handler', 'signup-handler']);
  });
});
