// @ts-check

/** Some bundled CommonJS code calls require() for Node built-ins, which ESM does not define. */
export const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Node 20 runs the local runtime and tests; Lambda runs nodejs22.x / nodejs24.x: both run node20 output. */
export const LAMBDA_TARGET = 'node20';

/**
 * esbuild options equal to the production bundle (see tsup-preset.js), for tools that rebuild a
 * handler incrementally, such as the `make dev` edit loop.
 *
 * @param {{ entry: string, outfile: string, alias?: Record<string, string> }} options
 * @returns {import('esbuild').BuildOptions}
 * @example
 * const context = await esbuild.context(lambdaEsbuildOptions({ entry: 'src/index.ts', outfile: 'dist/index.mjs' }));
 */
export function lambdaEsbuildOptions({ entry, outfile, alias }) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: LAMBDA_TARGET,
    minify: true,
    treeShaking: true,
    legalComments: 'none',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_BANNER },
    logLevel: 'silent',
    ...(alias ? { alias } : {}),
  };
}

/**
 * An incremental production build of one handler: the first `rebuild()` bundles from scratch, later
 * ones reuse esbuild's cache (a few hundred milliseconds instead of seconds).
 *
 * @param {{ entry: string, outfile: string, alias?: Record<string, string> }} options
 * @returns {Promise<{ rebuild(): Promise<void>, dispose(): Promise<void> }>}
 */
export async function createIncrementalBuild(options) {
  const esbuild = await import('esbuild');
  const context = await esbuild.context(lambdaEsbuildOptions(options));
  return {
    rebuild: async () => {
      await context.rebuild();
    },
    dispose: () => context.dispose(),
  };
}
