/**
 * The platform's bookkeeping of call permissions: whether a number may call at all, and the
 * counters that permission requests and connected calls move.
 */
import type { BusinessState, ConversationState } from './state';
import type { World } from './world';

export function callingEnabled(business: BusinessState): boolean {
  return String(business.calling['status'] ?? '').toUpperCase() === 'ENABLED';
}

/** Whether the number's country allows business-initiated calls and permission requests (else 138013). */
export function countryAllowsBusinessCalls(
  context: Pick<World, 'limits'>,
  business: BusinessState,
): boolean {
  return !context.limits.businessCallingUnavailableCountries.includes(
    business.country.toUpperCase(),
  );
}

export function recordPermissionRequest(
  context: Pick<World, 'clock'>,
  conversation: ConversationState,
  messageId: string,
): void {
  const now = context.clock.now();
  conversation.requests.push({ messageId, sentAt: now });
  conversation.countedRequests.push(now);
}

/** A call was picked up: request limits reset; a business call also counts and clears missed calls. */
export function recordConnectedCall(
  context: Pick<World, 'clock'>,
  conversation: ConversationState,
  direction: 'USER_INITIATED' | 'BUSINESS_INITIATED',
): void {
  conversation.countedRequests = [];
  if (direction === 'BUSINESS_INITIATED') {
    conversation.connectedCalls.push(context.clock.now());
    conversation.consecutiveMissed = 0;
  }
}
