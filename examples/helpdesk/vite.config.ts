import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is built to dist/web, which the demo server serves next to its API.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/web', emptyOutDir: true, sourcemap: true },
});
