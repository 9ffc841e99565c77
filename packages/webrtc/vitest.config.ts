import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { sourceAliases } from '../../scripts/vitest-config.ts';
import * as relay from './test/media-commands.ts';
import { chromiumMediaArgs, chromiumPath } from '../../scripts/chromium.mjs';

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['test/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath,
                args: chromiumMediaArgs,
              },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { ...relay },
          },
        },
      },
    ],
  },
});
