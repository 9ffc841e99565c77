/**
 * Call permissions between a business number and a customer: who may ask, grants, declines,
 * revocations (by the user or after consecutive missed calls), and `GET call_permissions`.
 */
import { unixSeconds } from '../world/clock';
import type { SimulatorContext } from '../world/world';
import { effectivePermission, hasCallPermission, openWindow } from '../world/conversations';
import { SimulatedGraphError } from '../graph/simulated-graph-error';
import { checkLimit, type RollingLimit } from '../world/limits';
import type { BusinessState, ConversationState } from '../world/state';
import { permissionReplyUpdate, type WebhookUpdate } from '../webhooks/payloads';

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function callingEnabled(business: BusinessState): boolean {
  return String(business.calling['status'] ?? '').toUpperCase() === 'ENABLED';
}

/** Calling must be switched on in the number's settings (138000). */
export function assertCallingEnabled(business: BusinessState): void {
  if (!callingEnabled(business)) {
    throw SimulatedGraphError.of(
      138000,
      `Calling is not enabled on phone number ${business.phoneNumberId}. Enable it with POST /${business.phoneNumberId}/settings.`,
    );
  }
}

/** Business-initiated calling and permission requests need an allowed country and calling on. */
export function assertBusinessCallingAvailable(
  context: SimulatorContext,
  business: BusinessState,
): void {
  if (context.limits.businessCallingUnavailableCountries.includes(business.country.toUpperCase())) {
    throw SimulatedGraphError.of(
      138013,
      `Business-initiated calling is not available for business phone numbers from ${business.country}.`,
    );
  }
  assertCallingEnabled(business);
}

/** Refuses a permission request the platform would refuse (138013, 138000, 138017, 138009). */
export function assertCanRequestPermission(
  context: SimulatorContext,
  conversation: ConversationState,
): void {
  assertBusinessCallingAvailable(context, conversation.business);
  const now = context.clock.now();
  if (effectivePermission(conversation, now) === 'permanent') {
    throw SimulatedGraphError.of(
      138017,
      `User ${conversation.customer.waId} has already granted permanent call permission; call them instead of asking again.`,
    );
  }
  for (const limit of context.limits.permissionRequests) {
    const check = checkLimit(conversation.countedRequests, limit, now);
    if (!check.exhausted) continue;
    const next =
      check.freesAt === undefined
        ? 'No further request is possible in this period.'
        : `The next request is possible at ${iso(check.freesAt)} (unix ${unixSeconds(check.freesAt)}).`;
    throw SimulatedGraphError.of(
      138009,
      `Permission request limit reached for user ${conversation.customer.waId}: at most ${limit.max} per ${limit.period}. ${next} A connected call resets this limit.`,
    );
  }
}

export function recordPermissionRequest(
  context: SimulatorContext,
  conversation: ConversationState,
  messageId: string,
): void {
  const now = context.clock.now();
  conversation.requests.push({ messageId, sentAt: now });
  conversation.countedRequests.push(now);
}

export interface GrantOptions {
  permanent: boolean;
  source: 'user_action' | 'automatic';
  /** The request wamid, a call's wacid (callback grants), or absent (profile toggle). */
  contextId?: string;
}

/** The customer (or the callback prompt) grants permission; returns the reply webhook. */
export function grantPermission(
  context: SimulatorContext,
  conversation: ConversationState,
  options: GrantOptions,
): WebhookUpdate {
  const now = context.clock.now();
  const expiresAt = options.permanent ? undefined : now + context.limits.temporaryPermissionMs;
  conversation.permission = {
    kind: options.permanent ? 'permanent' : 'temporary',
    changedAt: now,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
  conversation.consecutiveMissed = 0;
  openWindow(context, conversation);
  return permissionReplyUpdate(
    conversation,
    {
      messageId: context.random.messageId(),
      response: 'accept',
      permanent: options.permanent,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      source: options.source,
      ...(options.contextId === undefined ? {} : { contextId: options.contextId }),
    },
    now,
  );
}

/** The customer declines a request (`contextId` = its wamid) or revokes (no context). */
export function refusePermission(
  context: SimulatorContext,
  conversation: ConversationState,
  how: { kind: 'declined' | 'revoked'; by: 'customer' | 'automatic'; contextId?: string },
): WebhookUpdate {
  const now = context.clock.now();
  conversation.permission = {
    kind: how.kind,
    changedAt: now,
    ...(how.kind === 'revoked' ? { revokedBy: how.by } : {}),
  };
  conversation.consecutiveMissed = 0;
  // A user's own reply is an inbound message; the platform's automatic revocation is not.
  if (how.by === 'customer') openWindow(context, conversation);
  return permissionReplyUpdate(
    conversation,
    {
      messageId: context.random.messageId(),
      response: 'reject',
      source: how.by === 'customer' ? 'user_action' : 'automatic',
      ...(how.contextId === undefined ? {} : { contextId: how.contextId }),
    },
    now,
  );
}

/** A call was picked up: request limits reset; a business call also counts and clears missed calls. */
export function recordConnectedCall(
  context: SimulatorContext,
  conversation: ConversationState,
  direction: 'USER_INITIATED' | 'BUSINESS_INITIATED',
): void {
  conversation.countedRequests = [];
  if (direction === 'BUSINESS_INITIATED') {
    conversation.connectedCalls.push(context.clock.now());
    conversation.consecutiveMissed = 0;
  }
}

/** A business call went unanswered or was rejected; the 4th in a row revokes the permission. */
export function recordMissedBusinessCall(
  context: SimulatorContext,
  conversation: ConversationState,
): WebhookUpdate | undefined {
  conversation.consecutiveMissed += 1;
  if (conversation.consecutiveMissed < context.limits.autoRevokeAfterMissedCalls) return undefined;
  if (!hasCallPermission(conversation, context.clock.now())) return undefined;
  return refusePermission(context, conversation, { kind: 'revoked', by: 'automatic' });
}

function limitJson(times: number[], limit: RollingLimit, now: number) {
  const check = checkLimit(times, limit, now);
  return {
    time_period: limit.period,
    max_allowed: limit.max,
    current_usage: check.used,
    ...(check.freesAt === undefined
      ? {}
      : { limit_expiration_time: Math.floor(check.freesAt / 1000) }),
  };
}

/** The body of `GET /{phone-number-id}/call_permissions` (spec §2.2, the guides' shape). */
export function callPermissionsBody(
  context: SimulatorContext,
  conversation: ConversationState,
): Record<string, unknown> {
  const now = context.clock.now();
  const status = effectivePermission(conversation, now);
  const granted = status === 'temporary' || status === 'permanent';
  const { business, permission } = conversation;
  const available =
    !context.limits.businessCallingUnavailableCountries.includes(business.country.toUpperCase()) &&
    callingEnabled(business);
  const requestLimits = context.limits.permissionRequests.map((limit) =>
    limitJson(conversation.countedRequests, limit, now),
  );
  const callLimit = limitJson(
    conversation.connectedCalls,
    context.limits.connectedCallsPerUser,
    now,
  );
  return {
    messaging_product: 'whatsapp',
    permission: {
      status: granted ? status : 'no_permission',
      ...(status === 'temporary' && permission.expiresAt !== undefined
        ? { expiration_time: Math.floor(permission.expiresAt / 1000) }
        : {}),
    },
    actions: [
      {
        action_name: 'send_call_permission_request',
        can_perform_action:
          available &&
          status !== 'permanent' &&
          requestLimits.every((limit) => limit.current_usage < limit.max_allowed),
        limits: requestLimits,
      },
      {
        action_name: 'start_call',
        can_perform_action: available && granted && callLimit.current_usage < callLimit.max_allowed,
        limits: [callLimit],
      },
    ],
  };
}
