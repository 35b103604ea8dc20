import { defineConfig } from 'tsup';

// A library for handlers and for browser or Node clients: ESM with declarations, no runtime
// dependencies (the small Ajv runtime helper the validators use is bundled in).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  clean: true,
  sourcemap: false,
  noExternal: [/^ajv/],
});
