import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createIncrementalBuild } from '@signup/lambda-build/esbuild';
import type { LambdaFunction } from './lambda-host.js';

const run = promisify(execFile);

export interface WatchedFunction {
  readonly fn: LambdaFunction;
  /** The handler package: a change under its `src/` rebuilds its `dist/index.mjs`. */
  readonly packageDir: string;
}

export interface Builder {
  /** Rebuilds one handler package's bundle. */
  buildFunction(packageDir: string): Promise<void>;
  /** Regenerates what the shared schema package generates from its sources. */
  buildSchema(schemaDir: string): Promise<void>;
  dispose(): Promise<void>;
}

export interface DevWatchOptions {
  readonly functions: readonly WatchedFunction[];
  /** The schema package: a change rebuilds every function (bundled from its sources). */
  readonly schemaDir: string | undefined;
  readonly onEvent: (message: string) => void;
  readonly debounceMs?: number;
  /** How often the sources are checked for changes, in milliseconds. */
  readonly pollMs?: number;
  readonly builder?: Builder;
}

/**
 * The edit loop of `make dev`: a change under a handler's `src/` rebuilds that handler and swaps it
 * in (new sandbox; invocations in flight finish on the old one; queued messages stay queued); a
 * change in the schema rebuilds every handler. A failed build keeps the old code running.
 */
export function watchHandlers(options: DevWatchOptions): { close(): Promise<void> } {
  const builder = options.builder ?? createEsbuildBuilder(options.schemaDir);
  const debounceMs = options.debounceMs ?? 100;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const rebuild = async (changed: readonly string[]) => {
    const schemaChanged = options.schemaDir !== undefined && changed.includes(options.schemaDir);
    const targets = options.functions.filter(
      (watched) => schemaChanged || changed.includes(watched.packageDir),
    );
    const started = performance.now();
    try {
      if (schemaChanged && options.schemaDir) await builder.buildSchema(options.schemaDir);
      for (const target of targets) await builder.buildFunction(target.packageDir);
    } catch (error) {
      options.onEvent(`rebuild failed, still running the previous code:\n${describe(error)}`);
      return;
    }
    for (const target of targets) {
      const initError = await target.fn.reload();
      if (initError)
        options.onEvent(`${target.fn.name} failed to start after the rebuild: ${initError.message}`);
    }
    const names = targets.map((target) => target.fn.name).join(', ');
    options.onEvent(`rebuilt and reloaded ${names} in ${Math.round(performance.now() - started)} ms`);
  };

  const schedule = (packageDir: string) => {
    pending.add(packageDir);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      running = running.then(() => rebuild(changed));
    }, debounceMs);
  };

  // Polling file stamps rather than fs.watch: Node 20's recursive watcher on Linux loses a file that an
  // editor saves by replacing it (write to a temp file, rename over), and then misses every later save.
  const packageDirs = [
    ...new Set([
      ...(options.schemaDir ? [options.schemaDir] : []),
      ...options.functions.map((watched) => watched.packageDir),
    ]),
  ];
  const stamps = new Map(packageDirs.map((dir) => [dir, sourceStamp(dir)]));
  const poller = setInterval(() => {
    for (const packageDir of packageDirs) {
      const stamp = sourceStamp(packageDir);
      if (stamp !== stamps.get(packageDir)) {
        stamps.set(packageDir, stamp);
        schedule(packageDir);
      }
    }
  }, options.pollMs ?? 250);
  return {
    close: async () => {
      clearTimeout(timer);
      clearInterval(poller);
      await running;
      await builder.dispose();
    },
  };
}

/**
 * Production bundles rebuilt incrementally with esbuild; the schema is bundled from its sources so a
 * schema edit needs only its validators regenerated, not its declaration build.
 */
export function createEsbuildBuilder(schemaDir: string | undefined): Builder {
  const builds = new Map<string, Awaited<ReturnType<typeof createIncrementalBuild>>>();
  return {
    buildFunction: async (packageDir) => {
      let build = builds.get(packageDir);
      if (!build) {
        build = await createIncrementalBuild({
          entry: join(packageDir, 'src', 'index.ts'),
          outfile: join(packageDir, 'dist', 'index.mjs'),
          ...(schemaDir ? { alias: { '@signup/schema': join(schemaDir, 'src', 'index.ts') } } : {}),
        });
        builds.set(packageDir, build);
      }
      await build.rebuild();
    },
    buildSchema: async (dir) => {
      await run(process.execPath, [join(dir, 'scripts', 'generate-validators.mjs')], {
        cwd: dir,
        timeout: 60_000,
      });
    },
    dispose: async () => {
      for (const build of builds.values()) await build.dispose();
    },
  };
}

function describe(error: unknown): string {
  const failure = error as {
    stderr?: string;
    errors?: Array<{ text: string; location?: { file: string; line: number } }>;
  };
  if (failure.errors?.length) {
    return failure.errors
      .slice(0, 5)
      .map(
        (entry) => `${entry.location ? `${entry.location.file}:${entry.location.line}: ` : ''}${entry.text}`,
      )
      .join('\n');
  }
  return (failure.stderr?.trim() || (error instanceof Error ? error.message : String(error)))
    .split('\n')
    .slice(-15)
    .join('\n');
}

/**
 * Names, sizes and modification times of every file under `<packageDir>/src`, except the schema's
 * generated validators (an output of the rebuild, not an edit).
 */
function sourceStamp(packageDir: string): string {
  const sourceDir = join(packageDir, 'src');
  if (!existsSync(sourceDir)) return '';
  const entries: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(path);
      } else if (entry.isFile()) {
        const { size, mtimeMs } = statSync(path, { throwIfNoEntry: false }) ?? { size: -1, mtimeMs: -1 };
        entries.push(`${path}:${size}:${mtimeMs}`);
      }
    }
  };
  walk(sourceDir);
  return entries.sort().join('\n');
}
