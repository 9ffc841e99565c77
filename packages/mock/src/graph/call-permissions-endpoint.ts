/** `GET /{phone-number-id}/call_permissions` (Meta "User call permissions" page, in its guides' shape). */
import { rollingLimitPeriod } from '@wacall/core/platform';
import { conversationFor, customerByUserId, effectivePermission } from '../world/conversations';
import { checkLimit, type RollingLimit } from '../world/limits';
import { callingEnabled, countryAllowsBusinessCalls } from '../world/permission-rules';
import type { BusinessState, ConversationState } from '../world/state';
import type { World, WorldRules } from '../world/world';
import type { EndpointResult } from './graph-context';
import { invalid } from './request-fields';

function limitJson(times: number[], limit: RollingLimit, now: number) {
  const check = checkLimit(times, limit, now);
  return {
    time_period: rollingLimitPeriod(limit),
    max_allowed: limit.max,
    current_usage: check.used,
    ...(check.freesAt === undefined
      ? {}
      : { limit_expiration_time: Math.floor(check.freesAt / 1000) }),
  };
}

/** The permission and the two actions' limits between a number and one customer. */
export function callPermissionsBody(
  context: WorldRules,
  conversation: ConversationState,
): Record<string, unknown> {
  const now = context.clock.now();
  const status = effectivePermission(conversation, now);
  const granted = status === 'temporary' || status === 'permanent';
  const { business, permission } = conversation;
  const available = countryAllowsBusinessCalls(context, business) && callingEnabled(business);
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

/** Answers the request for the customer named by `user_wa_id` or `recipient` (a known BSUID). */
export function callPermissions(
  context: WorldRules & Pick<World, 'customers' | 'conversations'>,
  business: BusinessState,
  query: URLSearchParams,
): EndpointResult {
  const recipient = query.get('recipient');
  const waId =
    query.get('user_wa_id') ??
    (recipient === null ? null : customerByUserId(context, recipient)?.waId);
  if (waId === null || waId === undefined || !/^\d{5,20}$/.test(waId)) {
    throw invalid(
      'The query parameter user_wa_id (phone digits) or recipient (a known BSUID) is required.',
    );
  }
  return {
    body: callPermissionsBody(context, conversationFor(context, business, waId)),
    updates: [],
  };
}
