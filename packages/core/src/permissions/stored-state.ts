import { StoreError } from '../store/store-error';
import type { PermissionPolicy } from './policy';
import type { RevokedReason } from './types';

/**
 * The facts the engine keeps per business number and customer. `PermissionState` is derived from these
 * with the clock, so expiry needs no event, and every event merges in commutatively (latest fact by
 * time wins, lists are keyed by id) so duplicates and reordering leave the same state.
 */
export type StoredPermissionState = {
  v: 1;
  /** The latest explicit permission fact: a permission reply, or the platform's answer via `sync`. */
  fact?: PermissionFact;
  /** The latest permission request that was sent (committed). */
  request?: { at: number; expiresAt: number };
  /** Permission requests counted against the limits, oldest first. `id` = reservation id. */
  requests: TimedEntry[];
  /** Connected business-initiated calls counted against the call limit, by start time. */
  answered: CallEntry[];
  /** End of the latest connected business-initiated call: misses before it are no longer "in a row". */
  lastAnsweredAt?: number;
  /** Unanswered or rejected business-initiated calls after `lastAnsweredAt`, oldest first. */
  missed: CallEntry[];
  windowOpenUntil?: number;
  /** Calls that block starting another one: reserved (dialing) or seen connecting. */
  active: ActiveCall[];
  /** Calls seen ending, so a connect that arrives after its terminate does not mark the call active. */
  ended: CallEntry[];
};

export type PermissionFact = {
  status: 'granted' | 'declined' | 'revoked' | 'none';
  at: number;
  /** Orders facts that share a timestamp (Meta's are whole seconds): the message id, or `sync`. */
  key: string;
  permanent?: boolean;
  expiresAt?: number;
  revokedReason?: RevokedReason;
};

export type TimedEntry = { id: string; at: number };
export type CallEntry = { callId: string; at: number };
export type ActiveCall = { id: string; callId?: string; since: number; connected: boolean };

/** How many recent misses to keep; far above any sensible auto-revoke threshold. */
const maxMissedKept = 50;

export function emptyState(): StoredPermissionState {
  return { v: 1, requests: [], answered: [], missed: [], active: [], ended: [] };
}

/** Reads what the store returned, refusing data this version did not write. */
export function decodeState(value: unknown, key: string): StoredPermissionState {
  if (value === undefined) return emptyState();
  const state = value as Partial<StoredPermissionState> | null;
  const lists = ['requests', 'answered', 'missed', 'active', 'ended'] as const;
  if (
    typeof state !== 'object' ||
    state === null ||
    state.v !== 1 ||
    !lists.every((name) => Array.isArray(state[name]))
  ) {
    throw new StoreError(
      'corrupt',
      `The permission state at "${key}" was not written by this version of @wacall; delete the key or use another store prefix.`,
      { key },
    );
  }
  return state as StoredPermissionState;
}

/** Whether the active call still blocks a new one at `now`. */
export function isLive(call: ActiveCall, now: number, policy: PermissionPolicy): boolean {
  const timeout = call.connected ? policy.activeCallTimeoutMs : policy.callSetupTimeoutMs;
  return call.since + timeout > now;
}

/** Drops everything that no longer matters at `now`, so a customer's state stays small. */
export function pruneState(
  state: StoredPermissionState,
  now: number,
  policy: PermissionPolicy,
): StoredPermissionState {
  const requestHorizon =
    now - Math.max(policy.requestLimits.daily.windowMs, policy.requestLimits.weekly.windowMs);
  const lastAnswered = state.lastAnsweredAt ?? -Infinity;
  return {
    ...state,
    requests: state.requests.filter((entry) => entry.at > requestHorizon),
    answered: state.answered.filter((entry) => entry.at > now - policy.callLimit.windowMs),
    missed: state.missed.filter((entry) => entry.at > lastAnswered).slice(-maxMissedKept),
    active: state.active.filter((call) => isLive(call, now, policy)),
    ended: state.ended.filter((entry) => entry.at > now - policy.activeCallTimeoutMs),
  };
}

/**
 * How long to keep the state: while any grant, request, limit, window or call still runs, and at least
 * `stateRetentionMs`; `undefined` (no expiry) while a permanent grant stands.
 */
export function stateTtl(
  state: StoredPermissionState,
  now: number,
  policy: PermissionPolicy,
  permanentGrant: boolean,
): number | undefined {
  if (permanentGrant) return undefined;
  const ends = [
    state.fact?.expiresAt,
    state.request?.expiresAt,
    state.windowOpenUntil,
    ...state.requests.map((entry) => entry.at + policy.requestLimits.weekly.windowMs),
    ...state.requests.map((entry) => entry.at + policy.requestLimits.daily.windowMs),
    ...state.answered.map((entry) => entry.at + policy.callLimit.windowMs),
    ...state.active.map((call) => call.since + policy.activeCallTimeoutMs),
    ...state.ended.map((entry) => entry.at + policy.activeCallTimeoutMs),
  ].filter((end): end is number => end !== undefined);
  const latest = Math.max(now, ...ends);
  return Math.max(Math.ceil(latest - now), policy.stateRetentionMs);
}

/** `true` when `a` is a later fact than `b` (by time, then by key). */
export function isLaterFact(a: PermissionFact, b: PermissionFact | undefined): boolean {
  if (!b) return true;
  return a.at > b.at || (a.at === b.at && a.key > b.key);
}

/** Adds `entry` unless one with the same call id is there; keeps the list ordered by time. */
export function addCall(list: CallEntry[], entry: CallEntry): CallEntry[] {
  if (list.some((existing) => existing.callId === entry.callId)) return list;
  return [...list, entry].sort((a, b) => a.at - b.at);
}
