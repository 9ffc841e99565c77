/**
 * A mean opinion score (1 = bad … 4.5 = best for narrowband-equivalent scoring) from network
 * figures, by the simplified ITU-T G.107 E-model that VoIP monitors use: one-way delay plus twice
 * the jitter plus 10 ms of codec delay lowers R slowly up to 160 ms and steeply after; each percent
 * of packet loss costs 2.5 points of R.
 */
export function estimateMos(input: {
  rttMs: number;
  jitterMs: number;
  packetLossPercent: number;
}): number {
  const latency = input.rttMs / 2 + input.jitterMs * 2 + 10;
  const delayCost = latency < 160 ? latency / 40 : (latency - 120) / 10;
  const r = Math.min(100, Math.max(0, 93.2 - delayCost - input.packetLossPercent * 2.5));
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 100) / 100;
}
