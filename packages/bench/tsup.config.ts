import { defineConfig } from 'tsup';

// The benchmark runs from dist/: one ESM file per entry, workspace and npm packages left to node_modules
// (the handlers' sources it measures are bundled in from ../<fn>/src).
export default defineConfig({
  entry: {
    main: 'src/main.ts',
    'cold-start-child': 'src/cold-start-child.ts',
    'server-child': 'src/server-child.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outExtension: () => ({ js: '.mjs' }),
  skipNodeModulesBundle: true,
  splitting: false,
  clean: true,
  dts: false,
  sourcemap: false,
  silent: true,
});
