import { describe, expect, it } from 'vitest';
import { parseDurationMs } from './duration';

describe('parseDurationMs', () => {
  it.each([
    ['PT24H', 86_400_000],
    ['P7D', 604_800_000],
    ['P1W', 604_800_000],
    ['P1DT12H', 129_600_000],
    ['PT90M', 5_400_000],
    ['PT1.5S', 1_500],
    ['24h', 86_400_000],
    ['7D', 604_800_000],
  ])('reads %s', (period, ms) => {
    expect(parseDurationMs(period)).toBe(ms);
  });

  it.each(['P1M', 'P1Y', 'P', 'PT', '', 'soon'])('gives up on %j', (period) => {
    expect(parseDurationMs(period)).toBeUndefined();
  });
});
