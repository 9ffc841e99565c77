import type {
  Activity,
  AgentPresenceState,
  CallOffer,
  CallOfferWithdrawn,
  CallRecord,
  CustomerRef,
  PermissionUpdatedEvent,
  TemplateUpdatedEvent,
} from '@wacall/core';

/** Why the server asked for a refetch: it cannot replay what this browser missed, or its own feed restarted. */
export type WacallResyncReason = 'replay_gap' | 'feed_restarted';

/** One message of `createEventStream` (`@wacall/node`): the facade event's name and its payload. */
export type WacallStreamEvent =
  | { type: 'call.updated'; data: CallRecord }
  | { type: 'activity.added' | 'activity.updated' | 'activity.removed'; data: Activity }
  | { type: 'permission.updated'; data: PermissionUpdatedEvent }
  | { type: 'template.updated'; data: TemplateUpdatedEvent }
  | { type: 'call.offered'; data: CallOffer }
  | { type: 'call.offer_withdrawn'; data: CallOfferWithdrawn }
  | { type: 'presence.updated'; data: AgentPresenceState }
  | { type: 'resync'; data: { reason: WacallResyncReason } };

/** Hears every stream event; returns the unsubscribe. What `useCustomerView` and `useCallLog` take. */
export interface WacallEventSubscription {
  subscribe: (listener: (event: WacallStreamEvent) => void) => () => void;
}

/** A message's data as an event, or `undefined` for anything else (a newer server's event still has a type). */
export function parseStreamEvent(data: string): WacallStreamEvent | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type } = value as { type?: unknown };
    return typeof type === 'string' && 'data' in value ? (value as WacallStreamEvent) : undefined;
  } catch {
    return undefined;
  }
}

const phoneLike = /^[+\d\s().-]+$/;

/** A customer as the server files it: a number's digits, or a BSUID as given. */
export function customerKeyOf(value: string): string {
  const trimmed = value.trim();
  return phoneLike.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}

/** Whether a call is with the customer `key` (by wa id or BSUID). */
export function isCallWith(ref: CustomerRef, key: string): boolean {
  return (
    (ref.waId !== undefined && customerKeyOf(ref.waId) === key) ||
    (ref.userId !== undefined && customerKeyOf(ref.userId) === key)
  );
}
