import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sourceAliases } from '../../scripts/vitest-config.ts';

const source = (path: string) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

// The web app is built to dist/web, which the demo server serves next to its API. It bundles the
// @wacall packages from source, like the tests import them, so it never runs on a stale build.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@wacall\/react\/styles\.css$/, replacement: source('react/src/styles.css') },
      { find: /^@wacall\/react$/, replacement: source('react/src/index.ts') },
      ...sourceAliases,
    ],
  },
  build: { outDir: 'dist/web', emptyOutDir: true, sourcemap: true },
});
