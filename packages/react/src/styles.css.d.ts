// Lets `import '@wacall/react/styles.css'` type-check where side-effect imports must resolve
// (TypeScript's `noUncheckedSideEffectImports`, on by default from TS 6). The stylesheet exports nothing.
export {};
