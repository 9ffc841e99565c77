import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config.ts';

// Each story starts its own server and browser context; one story at a time keeps a 2-core CI machine
// calm. The server imports the @wacall packages from source, like every package's tests do.
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
