import { packageConfig } from '../../scripts/tsup-config';

export default packageConfig({ index: 'src/index.ts' });
