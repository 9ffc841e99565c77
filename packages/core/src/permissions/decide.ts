import { countedRequestTimes, derivePermissionState, limitUsage } from './derive-state';
import { isLive } from './stored-state';
import type { PermissionPolicy } from './policy';
import type { StoredPermissionState } from './stored-state';
import type {
  Decision,
  DecisionReason,
  DecisionUsage,
  MessageChannel,
  PermissionAction,
  PermissionState,
} from './types';

export interface DecideInput {
  action: PermissionAction;
  channel?: MessageChannel;
  activeCallId?: string;
}

export interface DecideContext {
  policy: PermissionPolicy;
  messages: Readonly<Record<DecisionReason, string>>;
  /** The business number's country cannot place business-initiated calls. */
  regionBlocked: boolean;
  callingEnabled: boolean;
}

type Verdict = { reason: DecisionReason; retryAt?: number; channel?: MessageChannel };

/** The engine's rules, as one pure function of the stored facts and the clock. */
export function decide(
  state: StoredPermissionState,
  input: DecideInput,
  now: number,
  context: DecideContext,
): Decision {
  const { policy } = context;
  const permission = derivePermissionState(state, now, policy);
  const requestTimes = countedRequestTimes(state);
  const usage: DecisionUsage = {
    requests24h: limitUsage(requestTimes, policy.requestLimits.daily, now),
    requests7d: limitUsage(requestTimes, policy.requestLimits.weekly, now),
    calls24h: limitUsage(
      state.answered.map((entry) => entry.at),
      policy.callLimit,
      now,
    ),
  };
  const verdict = verdictFor(state, input, now, context, permission, usage);
  const decision: Decision = {
    action: input.action,
    allowed: verdict.reason === 'allowed',
    reason: verdict.reason,
    message: context.messages[verdict.reason],
    permission,
    usage,
  };
  if (verdict.channel !== undefined) decision.channel = verdict.channel;
  if (verdict.retryAt !== undefined) decision.retryAt = verdict.retryAt;
  return decision;
}

function verdictFor(
  state: StoredPermissionState,
  input: DecideInput,
  now: number,
  context: DecideContext,
  permission: PermissionState,
  usage: DecisionUsage,
): Verdict {
  if (!context.callingEnabled) return { reason: 'calling_disabled' };
  // A send whose outcome is unknown may have reached the customer: doing it again could do it twice.
  const pending = awaitedUntil(state, input.action, now);
  if (pending !== undefined) return { reason: 'awaiting_confirmation', retryAt: pending };
  if (input.action === 'start_call')
    return startCallVerdict(state, input, now, context, permission, usage);

  const windowOpen = (state.windowOpenUntil ?? -Infinity) > now;
  const channel: MessageChannel = input.channel ?? (windowOpen ? 'free_form' : 'template');
  if (input.action === 'send_permission_request') {
    if (context.regionBlocked) return { reason: 'region_unavailable' };
    if (permission.permission === 'granted' && permission.permanent)
      return { reason: 'already_permanent' };
  }
  // Free-form outside the window is never allowed; waiting does not open the window, so no retryAt.
  if (channel === 'free_form' && !windowOpen) return { reason: 'window_closed' };
  if (input.action === 'send_call_invite') return { reason: 'allowed', channel };

  const exhausted = (
    [
      ['request_limit_24h', usage.requests24h],
      ['request_limit_7d', usage.requests7d],
    ] as const
  ).filter(([, limit]) => limit.used >= limit.max);
  if (exhausted.length === 0) return { reason: 'allowed', channel };
  // The limit that frees up last is the one to report; a limit of 0 never frees up.
  const never = exhausted.find(([, limit]) => limit.resetsAt === undefined);
  if (never) return { reason: never[0], channel };
  const [reason, limit] = exhausted.reduce((a, b) =>
    (b[1].resetsAt ?? 0) > (a[1].resetsAt ?? 0) ? b : a,
  );
  return { reason, channel, ...(limit.resetsAt === undefined ? {} : { retryAt: limit.resetsAt }) };
}

/** Until when an earlier send of `action` with an unknown outcome holds further ones back. */
function awaitedUntil(
  state: StoredPermissionState,
  action: DecideInput['action'],
  now: number,
): number | undefined {
  const holds = state.pending.filter((entry) => entry.action === action && entry.until > now);
  return holds.length === 0 ? undefined : Math.max(...holds.map((entry) => entry.until));
}

function startCallVerdict(
  state: StoredPermissionState,
  input: DecideInput,
  now: number,
  context: DecideContext,
  permission: PermissionState,
  usage: DecisionUsage,
): Verdict {
  if (context.regionBlocked) return { reason: 'region_unavailable' };
  const inProgress =
    (input.activeCallId !== undefined && input.activeCallId !== '') ||
    state.active.some((call) => isLive(call, now, context.policy));
  if (inProgress) return { reason: 'call_in_progress' };
  switch (permission.permission) {
    case 'none':
      return { reason: 'no_permission' };
    case 'requested':
      return { reason: 'permission_requested' };
    case 'declined':
      return { reason: 'permission_declined' };
    case 'revoked':
      return { reason: 'permission_revoked' };
    case 'expired':
      return { reason: 'permission_expired' };
    case 'granted':
      break;
  }
  const calls = usage.calls24h;
  if (calls.used < calls.max) return { reason: 'allowed' };
  // Waiting helps only if the limit frees up before a temporary grant runs out.
  const retryAt = calls.resetsAt;
  const grantOutlasts =
    permission.expiresAt === undefined || (retryAt !== undefined && retryAt < permission.expiresAt);
  return retryAt !== undefined && grantOutlasts
    ? { reason: 'call_limit_24h', retryAt }
    : { reason: 'call_limit_24h' };
}
