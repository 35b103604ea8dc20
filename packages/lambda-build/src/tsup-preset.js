// @ts-check
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
    // Node 20 runs the local runtime and tests; Lambda runs nodejs22.x / nodejs24.x: both run node20 output.
    target: 'node20',
    outExtension: () => ({ js: '.mjs' }),
    noExternal: [/.*/],
    splitting: false,
    treeshake: true,
    minify: true,
    clean: true,
    dts: false,
    sourcemap: false,
    // Some bundled CommonJS code calls require() for Node built-ins, which ESM does not define.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.legalComments = 'none';
      options.mainFields = ['module', 'main'];
    },
    ...overrides,
  };
}
