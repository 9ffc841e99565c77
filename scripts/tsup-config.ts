import { defineConfig, type Options } from 'tsup';

/** The one build every package shares: ESM + CJS + types, tree-shakable, no minification. */
export function packageConfig(entry: Record<string, string>, extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
    // Keep `node:` specifiers: they say which imports are Node built-ins, to bundlers and readers alike.
    removeNodeProtocol: false,
    ...extra,
  });
}
