import type {
  CallConnectEvent,
  CallTerminateEvent,
  PermissionReplyEvent,
  WebhookEvent,
} from '../webhooks/events';
import type { PermissionPolicy } from './policy';
import { addCall, isLaterFact } from './stored-state';
import type { PermissionFact, StoredPermissionState } from './stored-state';

/**
 * Merges one webhook event into a customer's facts. Pure, idempotent and order-independent: every
 * change is "the later fact wins", "the maximum wins" or "add by id". Returns `undefined` for events
 * the engine does not track.
 */
export function applyEvent(
  state: StoredPermissionState,
  event: WebhookEvent,
  policy: PermissionPolicy,
): StoredPermissionState | undefined {
  switch (event.type) {
    case 'permission.reply':
      return applyReply(state, event, policy);
    case 'message':
      return openWindow(state, event.timestamp, policy);
    case 'call.connect':
      return applyConnect(state, event, policy);
    case 'call.terminate':
      return applyTerminate(state, event, policy);
    default:
      return undefined;
  }
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
  return isLaterFact(fact, next.fact) ? { ...next, fact } : next;
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

function applyConnect(
  state: StoredPermissionState,
  event: CallConnectEvent,
  policy: PermissionPolicy,
): StoredPermissionState {
  const next =
    event.direction === 'user_initiated' ? openWindow(state, event.timestamp, policy) : state;
  if (next.ended.some((entry) => entry.callId === event.callId)) return next;
  const existing = next.active.find((call) => call.callId === event.callId);
  if (existing?.connected) return next;
  const active = existing
    ? next.active.map((call) => (call === existing ? { ...call, connected: true } : call))
    : [
        ...next.active,
        { id: event.callId, callId: event.callId, since: event.timestamp, connected: true },
      ];
  return { ...next, active };
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
    next = { ...next, requests: next.requests.filter((entry) => entry.at >= endedAt) };
  }
  if (event.direction !== 'business_initiated') return next;
  if (event.answered) {
    const lastAnsweredAt = Math.max(next.lastAnsweredAt ?? -Infinity, endedAt);
    return {
      ...next,
      answered: addCall(next.answered, {
        callId: event.callId,
        at: event.startTime ?? event.timestamp,
      }),
      lastAnsweredAt,
      missed: next.missed.filter(
        (entry) => entry.at > lastAnsweredAt && entry.callId !== event.callId,
      ),
    };
  }
  const counted = next.answered.some((entry) => entry.callId === event.callId);
  if (counted || endedAt <= (next.lastAnsweredAt ?? -Infinity)) return next;
  return { ...next, missed: addCall(next.missed, { callId: event.callId, at: endedAt }) };
}
