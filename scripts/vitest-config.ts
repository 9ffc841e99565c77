import { fileURLToPath } from 'node:url';

const src = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url));

/**
 * Tests import sibling packages from source, so a package's tests never wait for (or race with)
 * another package's build.
 */
export const sourceAliases = [
  { find: /^@wacall\/core\/testing$/, replacement: src('core/src/testing.ts') },
  { find: /^@wacall\/core\/browser$/, replacement: src('core/src/browser.ts') },
  { find: /^@wacall\/core\/platform$/, replacement: src('core/src/platform.ts') },
  { find: /^@wacall\/core$/, replacement: src('core/src/index.ts') },
  { find: /^@wacall\/node$/, replacement: src('node/src/index.ts') },
  { find: /^@wacall\/redis$/, replacement: src('redis/src/index.ts') },
  { find: /^@wacall\/postgres$/, replacement: src('postgres/src/index.ts') },
  { find: /^@wacall\/webrtc$/, replacement: src('webrtc/src/index.ts') },
  { find: /^@wacall\/mock\/msw$/, replacement: src('mock/src/msw.ts') },
  { find: /^@wacall\/mock$/, replacement: src('mock/src/index.ts') },
];
