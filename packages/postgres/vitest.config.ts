import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config';

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A real PostgreSQL server on a spare loopback port, started once for the run.
    globalSetup: ['test/global-setup.ts'],
    // PGlite takes seconds to open; a stopped server takes a moment to come back.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
