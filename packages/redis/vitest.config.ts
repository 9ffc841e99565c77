import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config';

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A real redis-server on a spare loopback port, started once for the run.
    globalSetup: ['test/global-setup.ts'],
  },
});
