import { describe, expect, it } from 'vitest';
import { callQualityLevel } from './call-quality-level';

describe('callQualityLevel', () => {
  it('calls a MOS of 4 and above good, from 3.6 fair, and anything lower poor', () => {
    expect(callQualityLevel({ mos: 4.4 })).toBe('good');
    expect(callQualityLevel({ mos: 4 })).toBe('good');
    expect(callQualityLevel({ mos: 3.99 })).toBe('fair');
    expect(callQualityLevel({ mos: 3.6 })).toBe('fair');
    expect(callQualityLevel({ mos: 3.59 })).toBe('poor');
    expect(callQualityLevel({ mos: 1 })).toBe('poor');
  });
});
