import { describe, expect, it } from 'vitest';
import { estimateMos } from './estimate-mos';

describe('estimateMos', () => {
  it('scores a clean loopback call near the top of the scale', () => {
    expect(estimateMos({ rttMs: 1, jitterMs: 0, packetLossPercent: 0 })).toBe(4.4);
  });

  it('drops to "poor" with 10 % loss and to "bad" beyond 400 ms one way', () => {
    expect(estimateMos({ rttMs: 100, jitterMs: 10, packetLossPercent: 10 })).toBeLessThan(3.7);
    expect(estimateMos({ rttMs: 800, jitterMs: 50, packetLossPercent: 0 })).toBeLessThan(3);
  });

  it('stays within 1–4.5 for any input', () => {
    expect(estimateMos({ rttMs: 10_000, jitterMs: 1000, packetLossPercent: 100 })).toBe(1);
    expect(estimateMos({ rttMs: 0, jitterMs: 0, packetLossPercent: 0 })).toBeLessThanOrEqual(4.5);
  });
});
