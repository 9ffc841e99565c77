import { isStoreError } from '../store-error';
import type { StoreErrorCode } from '../store-error';
import type { Store } from '../store';
import { createTestClock } from '../test-clock';

/** The two functions the suite needs from a test runner (vitest, jest and node:test all have them). */
export interface ConformanceRunner {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeoutMs?: number): void;
}

/** What the suite gives `makeStore` for each test. */
export interface StoreTestContext {
  /** The clock the store should measure expiry with, when it can take one. */
  now: () => number;
}

export interface StoreConformanceOptions extends ConformanceRunner {
  /**
   * `controllable`: the store measures expiry with `context.now`, so the suite moves the clock.
   * `real`: the store uses real time (e.g. Redis), so the suite waits out short time-to-live values.
   */
  clock: 'controllable' | 'real';
  /**
   * Another handle on the same data as `store` (a second connection, as a second server instance would
   * have), used for the cross-instance races. Omit when the store has a single handle (in-memory).
   */
  connectAgain?: (store: Store, context: StoreTestContext) => Store | Promise<Store>;
  /** The suite's title (default `Store conformance`). */
  title?: string;
}

export type MakeStore = (context: StoreTestContext) => Store | Promise<Store>;

/** One test's fixture: fresh stores, a clock and a way to let time pass. */
export interface Fixture {
  store: Store;
  /** A second handle on the same data (the same store when the implementation has no other). */
  peer: Store;
  now: () => number;
  /** Lets `ms` pass: moves the test clock, or really waits. */
  elapse(ms: number): Promise<void>;
  /** A time-to-live long enough to read back at once and short enough to wait out. */
  ttl: number;
}

export function fixtureFactory(makeStore: MakeStore, options: StoreConformanceOptions) {
  return async (body: (fixture: Fixture) => Promise<void>): Promise<void> => {
    const clock = createTestClock(options.clock === 'real' ? Date.now() : undefined);
    const now = options.clock === 'real' ? Date.now : clock.now;
    const context: StoreTestContext = { now };
    const store = await makeStore(context);
    const peer = options.connectAgain ? await options.connectAgain(store, context) : store;
    const elapse = async (ms: number) => {
      if (options.clock === 'real') await new Promise((resolve) => setTimeout(resolve, ms));
      else clock.advance(ms);
    };
    try {
      await body({ store, peer, now, elapse, ttl: options.clock === 'real' ? 300 : 60_000 });
    } finally {
      if (peer !== store) await peer.close();
      await store.close();
    }
  };
}

/** Deep equality by canonical JSON; the message names what was checked. */
export function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const a = canonical(actual);
  const e = canonical(expected);
  if (a !== e) throw new Error(`Store conformance: ${what}\n  expected: ${e}\n  received: ${a}`);
}

export function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(`Store conformance: ${what}`);
}

/** Expects `run` to reject with a `StoreError` of `code`. */
export async function assertStoreError(
  run: () => Promise<unknown>,
  code: StoreErrorCode,
  what: string,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (isStoreError(error) && error.code === code) return;
    throw new Error(
      `Store conformance: ${what}: expected StoreError "${code}", got ${String(error)}`,
    );
  }
  throw new Error(`Store conformance: ${what}: expected StoreError "${code}", but it resolved`);
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : inner,
    ) ?? 'undefined'
  );
}
