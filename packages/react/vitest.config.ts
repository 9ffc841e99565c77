import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config.ts';

process.env.STORYBOOK_DISABLE_TELEMETRY ??= '1';

const storybookConfigDir = fileURLToPath(new URL('../../.storybook', import.meta.url));

// Debian's Chromium, never a downloaded browser. CHROMIUM_PATH points elsewhere when needed.
const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Vitest mutates the browser options it is handed, so every project gets a fresh object.
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
          setupFiles: ['test/setup-unit.ts'],
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
