import { packageConfig } from '../../scripts/tsup-config';

// 'use client' keeps the components usable from React Server Component trees.
export default packageConfig(
  { index: 'src/index.ts' },
  {
    banner: { js: "'use client';" },
    external: ['react', 'react-dom', '@radix-ui/react-dialog'],
    // Rollup's tree-shaking pass drops module directives; esbuild alone keeps the banner.
    treeshake: false,
    onSuccess: 'cp src/styles.css dist/styles.css',
  },
);
