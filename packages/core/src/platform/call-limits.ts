import { deepFreeze } from './deep-freeze';
import type { RollingLimit } from './rolling-limit';
import { DAY, SECOND } from './units';

/** The platform's numbers for calls themselves: caps, ring and answer times, media silence. */
export const callLimits = /* @__PURE__ */ deepFreeze({
  /** Connected business-initiated calls per business number and customer, permanent grants included
   * (error 138012). Meta "Calling API" overview changelog: 5 until 2025-10-13, 10 until 2025-12-19,
   * now 100; the window rolls from the first counted call; checked 2026-12. */
  connectedCallsPerCustomer: {
    max: 100,
    windowMs: DAY,
  } satisfies RollingLimit,
  /** `connect` requests per business number (error 138005). Meta "Calling API reference" page:
   * 10 000 per 24 h; checked 2026-12. */
  callInitiationsPerNumber: {
    max: 10_000,
    windowMs: DAY,
  } satisfies RollingLimit,
  /** Calls in progress at once per business number (error 138002). Meta "Calling troubleshooting"
   * page: 1 000; checked 2026-12. */
  concurrentCallsPerNumber: 1000,
  /** How long an incoming call waits for `accept` before the customer sees "Not Answered". Meta
   * "User-initiated calls" page: roughly 30–60 s; the longer end is taken; checked 2026-12. */
  incomingAnswerWindowMs: 60 * SECOND,
  /** How long a business-initiated call rings. Meta "Business-initiated calls" page does not publish
   * it; a minute is what WhatsApp clients show; checked 2026-12. */
  outgoingRingTimeoutMs: 60 * SECOND,
  /** Meta "Calling FAQ": no business-to-customer media for 20 s at call start drops the call;
   * checked 2026-12. */
  mediaSilenceAtStartMs: 20 * SECOND,
  /** Meta "Calling FAQ": 30 s without media after connect drops the call (send RTCP at least);
   * checked 2026-12. */
  mediaSilenceConnectedMs: 30 * SECOND,
  /** Meta "Call settings" page: voicemail answers after 0–30 s of ringing (TIMEOUT trigger);
   * checked 2026-12. */
  voicemailTimeoutSeconds: { min: 0, max: 30 },
});
