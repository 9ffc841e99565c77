import { commitCases } from './conformance/commit-tests';
import { counterCases } from './conformance/counter-tests';
import { engineCases } from './conformance/engine-tests';
import { fixtureFactory } from './conformance/kit';
import type { MakeStore, StoreConformanceOptions } from './conformance/kit';
import { listCases } from './conformance/list-tests';
import { valueCases } from './conformance/value-tests';

/**
 * Registers the suite every Store must pass, with your test runner's `describe` and `it`: each Store
 * operation, expiry, atomic commits (a bad write at every position, races across handles), the change feed, atomicity under concurrent writers (across two handles when `connectAgain` is
 * given), and isolation between customers and business numbers through the permission engine.
 * `makeStore` is called once per test and must return an empty store (e.g. under a fresh key prefix).
 */
export function runStoreConformance(makeStore: MakeStore, options: StoreConformanceOptions): void {
  const withFixture = fixtureFactory(makeStore, options);
  const timeoutMs = options.clock === 'real' ? 15_000 : 5_000;
  options.describe(options.title ?? 'Store conformance', () => {
    for (const [group, cases] of [
      ['values', valueCases],
      ['lists', listCases],
      ['commit and change feed', commitCases],
      ['counters', counterCases],
      ['permission engine', engineCases],
    ] as const) {
      options.describe(group, () => {
        for (const [name, body] of cases) options.it(name, () => withFixture(body), timeoutMs);
      });
    }
  });
}

export type {
  ConformanceRunner,
  MakeStore,
  StoreConformanceOptions,
  StoreTestContext,
} from './conformance/kit';
