import { deepFreeze } from './deep-freeze';
import type { RollingLimit } from './rolling-limit';
import { DAY, HOUR, MINUTE } from './units';

/**
 * The helpdesk's own defaults where Meta publishes no number, or where a helpdesk wants less than the
 * platform allows. Not platform facts: every one can be overridden in the policy.
 */
export const productDefaults = /* @__PURE__ */ deepFreeze({
  /** A house cap below the platform's 100, so one customer is not called all day. */
  connectedCallsPerCustomer: {
    max: 10,
    windowMs: DAY,
  } satisfies RollingLimit,
  /** How long a started call blocks another when neither its connect nor its end is ever seen. */
  callSetupTimeoutMs: 2 * MINUTE,
  /** How long a connected call blocks another when its end is never seen. */
  activeCallTimeoutMs: 4 * HOUR,
  /** How long a send with an unknown outcome holds its slot: the ring time plus a minute of webhook
   * delay. */
  awaitingConfirmationMs: 2 * MINUTE,
  /** The longest `awaitingConfirmationMs` allowed: longer would block a customer on one lost answer. */
  awaitingConfirmationMaxMs: 5 * MINUTE,
  /** How long a customer's state is kept after its last change once no grant or limit needs it. */
  stateRetentionMs: 90 * DAY,
});
