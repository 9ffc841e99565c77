import { packageConfig } from '../../scripts/tsup-config';

export default packageConfig({
  index: 'src/index.ts',
  testing: 'src/testing.ts',
  browser: 'src/browser.ts',
  platform: 'src/platform.ts',
});
