/** Finding customers and their conversation with a business number; the 24 h window; permission status. */
import type { World, WorldRules } from './world';
import type { BusinessState, ConversationState, CustomerProfile } from './state';

/** A customer's effective permission now (a temporary grant past its expiry reads `expired`). */
export type EffectivePermission =
  'none' | 'temporary' | 'permanent' | 'declined' | 'revoked' | 'expired';

/** The customer with this `waId`, created with a default name the first time it is seen. */
export function customerProfile(context: Pick<World, 'customers'>, waId: string): CustomerProfile {
  let customer = context.customers.get(waId);
  if (customer === undefined) {
    customer = { waId, name: `Customer ${waId.slice(-4)}` };
    context.customers.set(waId, customer);
  }
  return customer;
}

export function conversationFor(
  context: Pick<World, 'customers' | 'conversations'>,
  business: BusinessState,
  waId: string,
): ConversationState {
  const key = `${business.phoneNumberId}:${waId}`;
  let conversation = context.conversations.get(key);
  if (conversation === undefined) {
    conversation = {
      business,
      customer: customerProfile(context, waId),
      permission: { kind: 'none' },
      requests: [],
      countedRequests: [],
      connectedCalls: [],
      consecutiveMissed: 0,
      inbox: [],
    };
    context.conversations.set(key, conversation);
  }
  return conversation;
}

/** The customer whose BSUID is `userId`, if the simulator knows one. */
export function customerByUserId(
  context: Pick<World, 'customers'>,
  userId: string,
): CustomerProfile | undefined {
  for (const customer of context.customers.values()) {
    if (customer.userId === userId) return customer;
  }
  return undefined;
}

export function isWindowOpen(conversation: ConversationState, now: number): boolean {
  return conversation.windowOpenUntil !== undefined && conversation.windowOpenUntil > now;
}

/** An inbound message or call opens (or refreshes) the customer-service window. */
export function openWindow(context: WorldRules, conversation: ConversationState): void {
  conversation.windowOpenUntil = context.clock.now() + context.limits.customerServiceWindowMs;
}

export function effectivePermission(
  conversation: ConversationState,
  now: number,
): EffectivePermission {
  const { permission } = conversation;
  if (permission.kind === 'temporary' && (permission.expiresAt ?? Infinity) <= now)
    return 'expired';
  return permission.kind;
}

export function hasCallPermission(conversation: ConversationState, now: number): boolean {
  const status = effectivePermission(conversation, now);
  return status === 'temporary' || status === 'permanent';
}

/** The latest permission request the customer can still act on (7 days after sent or answered). */
export function actionableRequest(context: WorldRules, conversation: ConversationState) {
  const latest = conversation.requests.at(-1);
  if (latest === undefined) return undefined;
  const from = latest.answeredAt ?? latest.sentAt;
  return from + context.limits.permissionRequestLifetimeMs > context.clock.now()
    ? latest
    : undefined;
}
