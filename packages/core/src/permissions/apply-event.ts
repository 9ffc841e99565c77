import type {
  CallConnectEvent,
  CallStatusEvent,
  CallTerminateEvent,
  PermissionReplyEvent,
  WebhookEvent,
} from '../webhooks/events';
import type { PermissionPolicy } from './policy';
import { addCall, addFact } from './stored-state';
import type { ActiveCall, PermissionFact, StoredPermissionState } from './stored-state';

/**
 * Merges one webhook event into a customer's facts. Pure, idempotent and order-independent: every
 * change is "add by identity", "the maximum wins" or a filter by identity. Returns `undefined` for
 * events the engine does not track. `token` is the correlation token the event echoed, if any.
 */
export function applyEvent(
  state: StoredPermissionState,
  event: WebhookEvent,
  policy: PermissionPolicy,
  token?: string,
): StoredPermissionState | undefined {
  switch (event.type) {
    case 'permission.reply':
      return applyReply(state, event, policy);
    case 'message':
      return openWindow(state, event.timestamp, policy);
    case 'call.connect':
      return applyConnect(confirm(state, event.callId, token), event, policy);
    case 'call.status':
      return applyStatus(confirm(state, event.callId, token), event);
    case 'call.terminate':
      return applyTerminate(confirm(state, event.callId, token), event, policy);
    default:
      return undefined;
  }
}

/** A webhook that echoes our token settles a call whose `connect` answer was lost. */
function confirm(
  state: StoredPermissionState,
  callId: string,
  token: string | undefined,
): StoredPermissionState {
  const call = token === undefined ? undefined : state.active.find((c) => c.id === token);
  if (!call || (call.callId === callId && call.until === undefined)) return state;
  const { until: _until, ...confirmed } = call;
  return {
    ...state,
    active: state.active.map((c) => (c === call ? { ...confirmed, callId } : c)),
    pending: state.pending.filter((entry) => entry.id !== call.id),
  };
}

function applyReply(
  state: StoredPermissionState,
  event: PermissionReplyEvent,
  policy: PermissionPolicy,
): StoredPermissionState | undefined {
  const fact = replyFact(event, policy);
  if (!fact) return undefined;
  // A reply the customer tapped is a message from them, so it opens the window like any other.
  const next = event.source === 'user_action' ? openWindow(state, event.timestamp, policy) : state;
  return { ...next, facts: addFact(next.facts, fact) };
}

function replyFact(
  event: PermissionReplyEvent,
  policy: PermissionPolicy,
): PermissionFact | undefined {
  const base = { at: event.timestamp, key: event.messageId };
  if (event.response === 'accept') {
    if (event.permanent) return { ...base, status: 'granted', permanent: true };
    const expiresAt = event.expiresAt ?? event.timestamp + policy.temporaryPermissionMs;
    return { ...base, status: 'granted', permanent: false, expiresAt };
  }
  if (event.response !== 'reject') return undefined;
  if (event.source === 'automatic')
    return { ...base, status: 'revoked', revokedReason: 'missed_calls' };
  // A reject that answers a request message is a decline; one with no request behind it is a revocation.
  if (event.contextId !== undefined) return { ...base, status: 'declined' };
  return { ...base, status: 'revoked', revokedReason: 'customer' };
}

function openWindow(
  state: StoredPermissionState,
  at: number,
  policy: PermissionPolicy,
): StoredPermissionState {
  const until = at + policy.conversationWindowMs;
  return until > (state.windowOpenUntil ?? -Infinity)
    ? { ...state, windowOpenUntil: until }
    : state;
}

/** Marks the call as seen (connected or ringing), unless its end was seen already. */
function markActive(
  state: StoredPermissionState,
  callId: string,
  since: number,
  connected: boolean,
): StoredPermissionState {
  if (state.ended.some((entry) => entry.callId === callId)) return state;
  const existing = state.active.find((call) => call.callId === callId);
  if (existing && (existing.connected || !connected)) return state;
  const active: ActiveCall[] = existing
    ? state.active.map((call) => (call === existing ? { ...call, connected } : call))
    : [...state.active, { id: callId, callId, since, connected }];
  return { ...state, active };
}

function applyConnect(
  state: StoredPermissionState,
  event: CallConnectEvent,
  policy: PermissionPolicy,
): StoredPermissionState {
  const next =
    event.direction === 'user_initiated' ? openWindow(state, event.timestamp, policy) : state;
  return markActive(next, event.callId, event.timestamp, true);
}

function applyStatus(state: StoredPermissionState, event: CallStatusEvent): StoredPermissionState {
  const status = event.status.toLowerCase();
  if (status !== 'ringing' && status !== 'accepted') return state;
  return markActive(state, event.callId, event.timestamp, status === 'accepted');
}

function applyTerminate(
  state: StoredPermissionState,
  event: CallTerminateEvent,
  policy: PermissionPolicy,
): StoredPermissionState {
  const endedAt = event.endTime ?? event.timestamp;
  let next: StoredPermissionState = {
    ...state,
    active: state.active.filter((call) => call.callId !== event.callId),
    ended: addCall(state.ended, { callId: event.callId, at: endedAt }),
  };
  if (event.answered && policy.requestLimits.resetOnConnectedCall) {
    // The platform clears the request counters after any connected call; later requests still count.
    next = {
      ...next,
      requestsCountedFrom: Math.max(next.requestsCountedFrom ?? -Infinity, endedAt),
    };
  }
  if (event.direction !== 'business_initiated') return next;
  if (event.answered) {
    return {
      ...next,
      answered: addCall(next.answered, {
        callId: event.callId,
        at: event.startTime ?? event.timestamp,
        endedAt,
      }),
      missed: next.missed.filter((entry) => entry.callId !== event.callId),
    };
  }
  const counted = next.answered.some((entry) => entry.callId === event.callId);
  if (counted) return next;
  return { ...next, missed: addCall(next.missed, { callId: event.callId, at: endedAt }) };
}
