/** A clock for tests: starts at a fixed time and moves only when told. */
export interface TestClock {
  /** The current time, epoch ms; pass this as `now` to the engine and the store. */
  now: () => number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
  /** Jumps to an absolute time (epoch ms). */
  set(epochMs: number): void;
}

/** A controllable clock, starting at `start` (default 2026-01-01T00:00:00Z). */
export function createTestClock(start: number = Date.UTC(2026, 0, 1)): TestClock {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(
          `advance(ms) needs a non-negative number of milliseconds (got ${ms}).`,
        );
      }
      current += ms;
    },
    set(epochMs) {
      current = epochMs;
    },
  };
}
