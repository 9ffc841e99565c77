/**
 * The simulator's price list for business-initiated calls, per started minute by the callee's
 * country (USD). Illustrative numbers in the range of Meta's pricing page, not Meta's prices:
 * user-initiated calls are free, as on the platform.
 */
export const callRatesPerMinute: Readonly<Record<string, number>> = {
  '1': 0.0125, // US, Canada
  '44': 0.0325, // United Kingdom
  '49': 0.045, // Germany
  '34': 0.032, // Spain
  '55': 0.0175, // Brazil
  '52': 0.0105, // Mexico
  '91': 0.0045, // India
  '62': 0.0145, // Indonesia
};
/** For callees in countries the card does not list. */
export const defaultCallRatePerMinute = 0.03;

/** The per-minute rate of a callee's number (digits), by its longest matching calling code. */
export function callRateOf(waId: string): number {
  for (const length of [3, 2, 1]) {
    const rate = callRatesPerMinute[waId.slice(0, length)];
    if (rate !== undefined) return rate;
  }
  return defaultCallRatePerMinute;
}

/** What a call cost: started minutes of talk times the rate; free when incoming or never answered. */
export function callCost(
  direction: 'USER_INITIATED' | 'BUSINESS_INITIATED',
  waId: string,
  talkSeconds: number | undefined,
): number {
  if (direction === 'USER_INITIATED' || talkSeconds === undefined) return 0;
  return Math.ceil(talkSeconds / 60) * callRateOf(waId);
}
