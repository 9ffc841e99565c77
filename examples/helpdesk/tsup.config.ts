import { defineConfig } from 'tsup';

// The demo server as one ESM file for Node; the @wacall packages stay imports of their built dist.
export default defineConfig({
  entry: { main: 'src/server/main.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
});
