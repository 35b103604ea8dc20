// @ts-check
import { LAMBDA_TARGET, REQUIRE_BANNER } from './esbuild-options.js';

/**
 * The tsup options every Lambda handler package builds with: one minified ESM file,
 * `dist/index.mjs`, with every dependency inside (the AWS SDK included, so the function never
 * depends on the SDK version the runtime happens to ship).
 *
 * @param {Partial<import('tsup').Options>} [overrides]
 * @returns {import('tsup').Options}
 * @example
 * export default defineConfig(lambdaBundle());
 */
export function lambdaBundle(overrides = {}) {
  return {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: LAMBDA_TARGET,
    outExtension: () => ({ js: '.mjs' }),
    noExternal: [/.*/],
    splitting: false,
    treeshake: true,
    minify: true,
    clean: true,
    dts: false,
    sourcemap: false,
    banner: { js: REQUIRE_BANNER },
    esbuildOptions(options) {
      options.legalComments = 'none';
      options.mainFields = ['module', 'main'];
    },
    ...overrides,
  };
}
