// Test helpers for users of @wacall/core and for other Store implementations.
// --- store ---
export { runStoreConformance } from './store/conformance';
export { createTestClock } from './store/test-clock';
export type {
  ConformanceRunner,
  MakeStore,
  StoreConformanceOptions,
  StoreTestContext,
} from './store/conformance';
export type { TestClock } from './store/test-clock';
// --- end store ---
