/** The Graph refusals that guard calling and permission requests (138000, 138013, 138017, 138009). */
import { rollingLimitPeriod } from '@wacall/core/platform';
import { unixSeconds } from '../world/clock';
import { effectivePermission } from '../world/conversations';
import { checkLimit } from '../world/limits';
import { callingEnabled, countryAllowsBusinessCalls } from '../world/permission-rules';
import type { BusinessState, ConversationState } from '../world/state';
import type { World, WorldRules } from '../world/world';
import { SimulatedGraphError } from './simulated-graph-error';

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
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
  context: Pick<World, 'limits'>,
  business: BusinessState,
): void {
  if (!countryAllowsBusinessCalls(context, business)) {
    throw SimulatedGraphError.of(
      138013,
      `Business-initiated calling is not available for business phone numbers from ${business.country}.`,
    );
  }
  assertCallingEnabled(business);
}

/** Refuses a permission request the platform would refuse (138013, 138000, 138017, 138009). */
export function assertCanRequestPermission(
  context: WorldRules,
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
      `Permission request limit reached for user ${conversation.customer.waId}: at most ${limit.max} per ${rollingLimitPeriod(limit)}. ${next} A connected call resets this limit.`,
    );
  }
}
