import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config';

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A real PostgreSQL server on a spare loopback port, started once for the run.
    globalSetup: ['test/global-setup.ts'],
    // The conformance suite waits out 300 ms expiries on the real clock: files in parallel on a small
    // machine (PGlite is CPU-heavy WASM) would make those timings flaky.
    fileParallelism: false,
    // PGlite takes seconds to open; a stopped server takes a moment to come back.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
