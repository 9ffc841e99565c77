import { deepFreeze } from './deep-freeze';
import type { RollingLimit } from './rolling-limit';
import { DAY } from './units';

/** The platform's rules for asking a customer for call permission, and for the grants they give. */
export const permissionLimits = /* @__PURE__ */ deepFreeze({
  /** Permission requests per business number and customer, free-form and template alike (error 138009).
   * Meta "User call permissions" page: 1 per 24 h; checked 2026-12. */
  requestsPerDay: { max: 1, windowMs: DAY } satisfies RollingLimit,
  /** Meta "User call permissions" page: 2 per 7 days, counted with the daily one; checked 2026-12. */
  requestsPerWeek: { max: 2, windowMs: 7 * DAY } satisfies RollingLimit,
  /** Meta "User call permissions" page: any connected call, either direction, resets both request
   * counters; checked 2026-12. */
  requestCountersResetOnConnectedCall: true,
  /** Meta "User call permissions" page: a temporary grant lasts 7 calendar days (168 h) from
   * approval; checked 2026-12. */
  temporaryGrantDays: 7,
  /** The same 7 days in milliseconds. */
  temporaryGrantMs: 7 * DAY,
  /** Meta "User call permissions" page: a request lapses 7 days after delivery (or after the answer),
   * or at once when the customer acts on a newer one; checked 2026-12. */
  requestExpiryMs: 7 * DAY,
  /** Meta "User call permissions" page: 2 unanswered or rejected business-initiated calls in a row
   * show the customer a "reconsider" notice; checked 2026-12. */
  missedCallsBeforeWarning: 2,
  /** Meta "User call permissions" page: 4 unanswered or rejected business-initiated calls in a row
   * revoke a permission (reply webhook: reject, automatic); checked 2026-12. */
  missedCallsBeforeAutoRevoke: 4,
  /** Meta "Calling sandbox" page: looser numbers for sandbox and test numbers; checked 2026-12. */
  sandbox: {
    requestsPerDay: { max: 25, windowMs: DAY } satisfies RollingLimit,
    requestsPerWeek: { max: 100, windowMs: 7 * DAY } satisfies RollingLimit,
    missedCallsBeforeWarning: 5,
    missedCallsBeforeAutoRevoke: 10,
  },
});

/** How long the customer-service window stays open after the customer's last message or call.
 * Meta "Call button messages and deep links" page: 24 h, also opened by a customer's call, answered
 * or not, and by the customer answering a business call; checked 2026-12. */
export const customerServiceWindowMs = DAY;
