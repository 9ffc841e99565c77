import type { Activity, CallRecord } from '../calls/types';
import type { JsonValue } from '../store/store';
import type { TemplateUpdatedEvent } from './template-updated-event';
import type { PermissionUpdatedEvent } from './wacall-types';
import type { AgentPresenceState, CallOffer, CallOfferWithdrawn } from './agent-types';

/**
 * What the facade publishes on the Store's change feed, one message per change. Every instance turns
 * each message into its `on(...)` events, so listeners hear a change whichever instance made it.
 * `b` is the business number's digits: several numbers may share one store.
 */
export type FeedMessage =
  | { b: string; type: 'call.updated'; call: CallRecord }
  | {
      b: string;
      type: 'activity.added' | 'activity.updated' | 'activity.removed';
      activity: Activity;
    }
  | { b: string; type: 'permission.updated'; update: PermissionUpdatedEvent }
  | { b: string; type: 'template.updated'; update: TemplateUpdatedEvent }
  | { b: string; type: 'call.offered'; offer: CallOffer }
  | { b: string; type: 'call.offer_withdrawn'; withdrawn: CallOfferWithdrawn }
  | { b: string; type: 'presence.updated'; presence: AgentPresenceState };

/** Feed messages are plain JSON by construction; this is the one place that says so to the compiler. */
export const asJson = <T>(value: T): JsonValue => value as unknown as JsonValue;

export function isFeedMessage(value: unknown, businessDigits: string): value is FeedMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { b?: unknown }).b === businessDigits &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
