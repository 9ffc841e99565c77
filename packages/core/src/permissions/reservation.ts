import type { Agent } from '../calls/types';
import type { PermissionPolicy } from './policy';
import type { StoredPermissionState } from './stored-state';
import type { Decision, PermissionAction } from './types';

/** What `commit()` may learn from the API call that used the reservation. */
export interface ReservationCommit {
  /** For `start_call`: the call id the API returned, so the call's end webhook clears "in progress". */
  callId?: string;
}

/**
 * An allowed decision whose use is already recorded (so nobody else can take it). Call `commit()` once
 * the API call succeeded, `release()` when Meta refused it so the use is given back, or `hold()` when
 * the outcome is unknown (timeout, network error, 5xx): the use stays counted and the same action waits
 * for confirmation. If none is called the use stays counted — the cautious choice.
 */
export type Reservation = Decision & {
  allowed: true;
  /** Identifies the recorded use; for calls, also the token echoed in `biz_opaque_callback_data`. */
  reservationId: string;
  commit(details?: ReservationCommit): Promise<void>;
  release(): Promise<void>;
  hold(): Promise<void>;
};

/** A decision that did not allow the action; nothing was recorded. */
export type RefusedDecision = Decision & { allowed: false };

export type ReserveResult = Reservation | RefusedDecision;

/** Who a use is for, kept with a call so a webhook that confirms it can credit the agent. */
export interface UseDetails {
  agent?: Agent;
}

/** Records the use an allowed decision grants: a counted request, or a call that is now dialing. */
export function recordUse(
  state: StoredPermissionState,
  action: PermissionAction,
  id: string,
  now: number,
  details: UseDetails = {},
): StoredPermissionState | undefined {
  if (action === 'send_permission_request') {
    return { ...state, requests: [...state.requests, { id, at: now }] };
  }
  if (action === 'start_call') {
    const call = { id, since: now, connected: false, ...details };
    return { ...state, active: [...state.active, call] };
  }
  return undefined;
}

/** The request was sent: the customer now has a request pending. The call was placed: link its id. */
export function commitUse(
  state: StoredPermissionState,
  action: PermissionAction,
  id: string,
  details: ReservationCommit,
): StoredPermissionState | undefined {
  if (action === 'send_permission_request') return markSent(state, id, 'sent');
  if (action !== 'start_call' || details.callId === undefined) return undefined;
  const callId = details.callId;
  const ended = state.ended.some((entry) => entry.callId === callId);
  const seen = state.active.some((call) => call.callId === callId && call.id !== id);
  // The connect (or even the end) webhook may have arrived before the API call returned.
  const active =
    ended || seen
      ? state.active.filter((call) => call.id !== id)
      : state.active.map((call) => (call.id === id ? { ...call, callId } : call));
  return { ...state, active };
}

/** Meta refused the API call: give the use back. */
export function releaseUse(
  state: StoredPermissionState,
  action: PermissionAction,
  id: string,
): StoredPermissionState | undefined {
  if (action === 'send_permission_request') {
    return { ...state, requests: state.requests.filter((entry) => entry.id !== id) };
  }
  if (action === 'start_call') {
    return { ...state, active: state.active.filter((call) => call.id !== id) };
  }
  return undefined;
}

/**
 * The outcome is unknown: the request may have reached Meta. Keep the use counted (a request counts
 * as sent; a call keeps its slot) and hold the same action back until a webhook settles it or
 * `awaitingConfirmationMs` passes.
 */
export function holdUse(
  state: StoredPermissionState,
  action: PermissionAction,
  id: string,
  now: number,
  policy: PermissionPolicy,
): StoredPermissionState {
  const until = now + policy.awaitingConfirmationMs;
  const pending = [...state.pending.filter((entry) => entry.id !== id), { id, action, until }];
  let next: StoredPermissionState = { ...state, pending };
  if (action === 'send_permission_request') next = markSent(next, id, 'unconfirmed') ?? next;
  if (action === 'start_call') {
    next = {
      ...next,
      active: next.active.map((call) =>
        call.id === id && call.callId === undefined ? { ...call, until } : call,
      ),
    };
  }
  return next;
}

function markSent(
  state: StoredPermissionState,
  id: string,
  sent: 'sent' | 'unconfirmed',
): StoredPermissionState | undefined {
  const entry = state.requests.find((request) => request.id === id);
  if (!entry || entry.sent === sent) return undefined;
  return {
    ...state,
    requests: state.requests.map((request) => (request === entry ? { ...entry, sent } : request)),
  };
}
