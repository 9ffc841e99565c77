import type { CallQuality } from '@wacall/webrtc';
import type { CallQualityLevel } from './types';

// The E-model's reading of MOS: above 4 callers are satisfied, below 3.6 many notice the line.
const goodMos = 4;
const fairMos = 3.6;

/** Sorts a quality sample into `good`, `fair` or `poor` by its estimated MOS. */
export function callQualityLevel(quality: Pick<CallQuality, 'mos'>): CallQualityLevel {
  if (quality.mos >= goodMos) return 'good';
  if (quality.mos >= fairMos) return 'fair';
  return 'poor';
}
