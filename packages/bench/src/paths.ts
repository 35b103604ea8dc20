import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/bench, whether this code runs from src/ or from the built dist/. */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = join(BENCH_DIR, '..', '..');
/** Where the benchmark writes what it builds (ignored by git and biome, like every dist/). */
export const WORK_DIR = join(BENCH_DIR, 'dist', 'work');

export const FUNCTIONS = ['signup-handler', 'process-user'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export const packageDir = (fn: FunctionName) => join(REPO_ROOT, 'packages', fn);
/** The production bundle `make build` writes and the zip ships. */
export const productionBundle = (fn: FunctionName) => join(packageDir(fn), 'dist', 'index.mjs');
export const productionZip = (fn: FunctionName) => join(packageDir(fn), 'dist', `${fn}.zip`);
