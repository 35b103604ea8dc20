import { defineConfig } from 'tsup';

// A library for browsers and Node 18+: ESM with declarations and no Node-only imports. `@signup/schema`
// stays a dependency (not bundled), so an app that also validates with it loads the validators once.
export default defineConfig({
  entry: ['src/index.ts', 'src/openapi.ts'],
  format: ['esm'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  clean: true,
  sourcemap: false,
});
