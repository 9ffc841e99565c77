import { packageConfig } from '../../scripts/tsup-config';

// `msw` is its own entry so the main entry never imports the optional msw peer.
export default packageConfig({ index: 'src/index.ts', msw: 'src/msw.ts' });
