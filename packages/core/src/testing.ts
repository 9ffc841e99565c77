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
// --- call log ---
export { runCallLogConformance } from './facade/call-log-conformance';
export { seedCalls } from './facade/seed-calls';
export type { CallLogConformanceOptions } from './facade/call-log-conformance';
export type { SeedCallsOptions } from './facade/seed-calls';
// --- end call log ---
// --- facade kit ---
export {
  createKitWacall,
  deliverAcross,
  haltingStore,
  kitCustomer,
  kitCustomerDay,
  kitHistory,
  kitTime,
  kitUnansweredCalls,
  shuffledDeliveries,
  waitForFleet,
  waitUntil,
  watchedKitWacall,
} from './facade/facade-kit';
export type { HaltingStore, WatchedWacall } from './facade/facade-kit';
// --- end facade kit ---
