/**
 * The simulator's time: the injected `now` (or the system clock) plus however far a test has
 * advanced it. Advancing never waits; it only moves the simulated present.
 */
export class SimulatorClock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  /** Epoch ms in the simulated present. */
  now(): number {
    return this.source() + this.offsetMs;
  }

  /** How far the simulated present runs ahead of the source clock (what `advance` added up to). */
  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the simulated present forward by `ms` (≥ 0). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Meta's webhook timestamps: Unix seconds as a string. */
export function unixSeconds(epochMs: number): string {
  return String(Math.floor(epochMs / 1000));
}
