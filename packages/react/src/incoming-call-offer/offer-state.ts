import type { IncomingOfferMessages } from '../i18n/console-messages';
import type { AsyncStatus } from '../internal/use-async-action';

/** What the ring shows; styles key off it as `data-state`. */
export type OfferState =
  'ringing' | 'expiring' | 'expired' | 'accepting' | 'declining' | 'accepted' | 'declined';

/** The ring's state from its two actions and the seconds it has left. */
export function offerState(
  accept: AsyncStatus,
  decline: AsyncStatus,
  leftSeconds: number,
  warnSeconds: number,
): OfferState {
  if (accept === 'pending') return 'accepting';
  if (decline === 'pending') return 'declining';
  if (accept === 'success') return 'accepted';
  if (decline === 'success') return 'declined';
  if (leftSeconds <= 0) return 'expired';
  return leftSeconds <= warnSeconds ? 'expiring' : 'ringing';
}

/**
 * The polite live region's line for a state. The countdown itself is never read out second by
 * second: only the moment it turns urgent, and the end.
 */
export function offerAnnouncement(
  state: OfferState,
  failed: 'accept' | 'decline' | undefined,
  warnSeconds: number,
  text: IncomingOfferMessages,
): string {
  if (failed) return failed === 'accept' ? text.acceptFailed : text.declineFailed;
  switch (state) {
    case 'accepting':
      return text.accepting;
    case 'declining':
      return text.declining;
    case 'accepted':
      return text.accepted;
    case 'declined':
      return text.declined;
    case 'expiring':
      return text.expiringSoon({ seconds: warnSeconds });
    case 'expired':
      return text.expired;
    default:
      return '';
  }
}
