import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config.ts';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

process.env.STORYBOOK_DISABLE_TELEMETRY ??= '1';

const storybookConfigDir = fileURLToPath(new URL('../../.storybook', import.meta.url));

// Vitest mutates the browser options it is handed, so every project gets a fresh object.
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, '**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup-unit.ts'],
        },
      },
      {
        // Hooks that need a real browser's EventSource, against a real event stream server.
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup-unit.ts'],
          globalSetup: ['test/sse-server.ts'],
          browser: chromium(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: storybookConfigDir })],
        test: { name: 'storybook', browser: chromium() },
      },
    ],
  },
});
