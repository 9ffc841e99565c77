import type { Agent, CustomerRef, WacallEventMap } from '@wacall/core';
import type { Audience } from './replay-log';

/** The facade events a stream forwards, in one list so subscribing and tests agree. */
export const STREAMED_EVENTS = [
  'call.updated',
  'activity.added',
  'activity.updated',
  'activity.removed',
  'permission.updated',
  'template.updated',
  'call.offered',
  'call.offer_withdrawn',
  'presence.updated',
  'resync',
] as const satisfies readonly (keyof WacallEventMap)[];

export type StreamedEvent = (typeof STREAMED_EVENTS)[number];

const phoneLike = /^[+\d\s().-]+$/;

/** A customer as the store files it: a number's digits (`+1 408-555-1234` → `14085551234`), or a BSUID. */
export function customerKeyOf(value: string): string {
  const trimmed = value.trim();
  return phoneLike.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}

function refKeys(ref: CustomerRef | undefined): string[] {
  const keys: string[] = [];
  if (ref?.waId) keys.push(customerKeyOf(ref.waId));
  if (ref?.userId) keys.push(customerKeyOf(ref.userId));
  return keys;
}

const agentIds = (agents: readonly Agent[] | undefined) => (agents ?? []).map((agent) => agent.id);

/** Who may receive one facade event. Unknown shapes go to nobody rather than to everyone. */
export function audienceOf(type: StreamedEvent, payload: unknown): Audience {
  const value = (payload ?? {}) as Record<string, unknown>;
  switch (type) {
    case 'call.updated':
      return { kind: 'customers', customers: refKeys(value.customer as CustomerRef | undefined) };
    case 'activity.added':
    case 'activity.updated':
    case 'activity.removed':
    case 'permission.updated':
      return {
        kind: 'customers',
        customers: typeof value.customer === 'string' ? [customerKeyOf(value.customer)] : [],
      };
    case 'call.offered':
    case 'call.offer_withdrawn':
      return { kind: 'agents', agentIds: agentIds(value.agents as Agent[] | undefined) };
    case 'template.updated':
    case 'presence.updated':
    case 'resync':
      return { kind: 'everyone' };
  }
}

/** One connection's view: whose changes it may see and, of those, which it asked to watch. */
export interface StreamScope {
  agentId: string;
  may: (customer: string) => boolean;
  /** From the `customers` query parameter; `undefined` watches everything `may` allows. */
  watching?: ReadonlySet<string>;
}

export function canReceive(scope: StreamScope, audience: Audience): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'agents':
      return audience.agentIds.includes(scope.agentId);
    case 'customers':
      return audience.customers.some(
        (customer) =>
          scope.may(customer) && (scope.watching === undefined || scope.watching.has(customer)),
      );
  }
}
