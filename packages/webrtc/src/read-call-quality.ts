import { estimateMos } from './estimate-mos';

/** Network quality of a call over the last interval. */
export interface CallQuality {
  /** Round-trip time to the relay, ms (ICE consent checks); `undefined` before the first one. */
  rttMs: number | undefined;
  /** Jitter of the customer's audio, ms. */
  jitterMs: number;
  /** Share of the customer's packets lost in the interval, 0–100. */
  packetLossPercent: number;
  /** Estimated MOS, 1–4.5 (`estimateMos`). */
  mos: number;
  /** Totals since the call started. */
  packetsReceived: number;
  packetsSent: number;
  /** `Date.now()` of the sample. */
  at: number;
}

/** Counters kept between samples, so packet loss covers only the last interval. */
export interface QualityCounters {
  received: number;
  lost: number;
}

type Stat = Record<string, unknown> & { type: string; id: string };

/** The customer's audio level (0–1) from the inbound audio stats, or 0 when none yet. */
export function readAudioLevel(report: RTCStatsReport): number {
  for (const stat of report.values() as IterableIterator<Stat>) {
    if (stat.type === 'inbound-rtp' && stat.kind === 'audio') return num(stat.audioLevel);
  }
  return 0;
}

/** One quality sample from a stats report. */
export function readCallQuality(
  report: RTCStatsReport,
  previous: QualityCounters,
): {
  quality: CallQuality;
  counters: QualityCounters;
} {
  let inbound: Stat | undefined;
  let outbound: Stat | undefined;
  let pair: Stat | undefined;
  let selectedPairId: unknown;
  for (const stat of report.values() as IterableIterator<Stat>) {
    if (stat.type === 'inbound-rtp' && stat.kind === 'audio') inbound = stat;
    if (stat.type === 'outbound-rtp' && stat.kind === 'audio') outbound = stat;
    if (stat.type === 'transport') selectedPairId = stat.selectedCandidatePairId;
    if (stat.type === 'candidate-pair' && stat.nominated && stat.state === 'succeeded')
      pair ??= stat;
  }
  if (typeof selectedPairId === 'string')
    pair = (report.get(selectedPairId) as Stat | undefined) ?? pair;
  const counters = { received: num(inbound?.packetsReceived), lost: num(inbound?.packetsLost) };
  const received = counters.received - previous.received;
  const lost = Math.max(0, counters.lost - previous.lost);
  const packetLossPercent = received + lost > 0 ? (lost / (received + lost)) * 100 : 0;
  const rtt = pair?.currentRoundTripTime;
  const rttMs = typeof rtt === 'number' ? rtt * 1000 : undefined;
  const jitterMs = num(inbound?.jitter) * 1000;
  return {
    counters,
    quality: {
      rttMs,
      jitterMs,
      packetLossPercent,
      mos: estimateMos({ rttMs: rttMs ?? 0, jitterMs, packetLossPercent }),
      packetsReceived: counters.received,
      packetsSent: num(outbound?.packetsSent),
      at: Date.now(),
    },
  };
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
