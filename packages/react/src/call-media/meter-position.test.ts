import { describe, expect, it } from 'vitest';
import { meterPosition } from './meter-position';

describe('meterPosition', () => {
  it('puts silence at the bottom and full scale at the top', () => {
    expect(meterPosition(0)).toBe(0);
    expect(meterPosition(1)).toBe(1);
    expect(meterPosition(1.5)).toBe(1);
  });

  it('spreads speech over the middle of the bar on a decibel scale', () => {
    expect(meterPosition(0.1)).toBeCloseTo(2 / 3); // -20 dB
    expect(meterPosition(0.01)).toBeCloseTo(1 / 3); // -40 dB
    expect(meterPosition(0.0001)).toBe(0); // -80 dB is below the floor
  });

  it('treats a missing reading as silence', () => {
    expect(meterPosition(Number.NaN)).toBe(0);
    expect(meterPosition(-0.2)).toBe(0);
  });
});
