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
 * the API call succeeded, or `release()` when it failed so the use is given back. If neither is called
 * the use stays counted — the cautious choice, because the platform may have counted it.
 */
export type Reservation = Decision & {
  allowed: true;
  /** Identifies the recorded use. */
  reservationId: string;
  commit(details?: ReservationCommit): Promise<void>;
  release(): Promise<void>;
};

/** A decision that did not allow the action; nothing was recorded. */
export type RefusedDecision = Decision & { allowed: false };

export type ReserveResult = Reservation | RefusedDecision;

/** Records the use an allowed decision grants: a counted request, or a call that is now dialing. */
export function recordUse(
  state: StoredPermissionState,
  action: PermissionAction,
  id: string,
  now: number,
): StoredPermissionState | undefined {
  if (action === 'send_permission_request') {
    return { ...state, requests: [...state.requests, { id, at: now }] };
  }
  if (action === 'start_call') {
    return { ...state, active: [...state.active, { id, since: now, connected: false }] };
  }
  return undefined;
}

/** The request was sent: the customer now has a request pending. The call was placed: link its id. */
export function commitUse(
  state: StoredPermissionState,
  action: PermissionAction,
  id: string,
  reservedAt: number,
  details: ReservationCommit,
  policy: PermissionPolicy,
): StoredPermissionState | undefined {
  if (action === 'send_permission_request') {
    if (state.request && state.request.at >= reservedAt) return undefined;
    return {
      ...state,
      request: { at: reservedAt, expiresAt: reservedAt + policy.requestExpiryMs },
    };
  }
  if (action !== 'start_call' || details.callId === undefined) return undefined;
  const callId = details.callId;
  const ended = state.ended.some((entry) => entry.callId === callId);
  const seen = state.active.some((call) => call.callId === callId);
  // The connect (or even the end) webhook may have arrived before the API call returned.
  const active =
    ended || seen
      ? state.active.filter((call) => call.id !== id)
      : state.active.map((call) => (call.id === id ? { ...call, callId } : call));
  return { ...state, active };
}

/** The API call failed: give the use back. */
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
