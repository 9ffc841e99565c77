// Speech sits around -30 dBFS: a linear RMS bar would barely move, so the meter spans -60…0 dB.
const floorDb = -60;

/** Where a 0–1 RMS level sits on the meter, 0–1 on a decibel scale (silence and below -60 dB are 0). */
export function meterPosition(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(Math.min(rms, 1));
  return Math.max(0, 1 - db / floorDb);
}
