import { defineConfig } from 'tsup';

// The local runtime runs on the developer's Node from node_modules: no bundling of dependencies.
export default defineConfig({
  entry: ['src/cli.ts', 'src/index.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  splitting: true,
});
