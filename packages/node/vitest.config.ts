import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config';

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['../../scripts/fast-check-seed.ts'],
  },
});
