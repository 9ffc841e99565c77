import { StoreError } from '../store/store-error';
import type { PermissionPolicy } from './policy';
import type { PermissionAction, RevokedReason } from './types';

/**
 * The facts the engine keeps per business number and customer. `PermissionState` and the permission
 * activities are derived from these with the clock, so expiry needs no event, and every event merges
 * in commutatively (facts and lists are keyed by identity, kept in time order) so duplicates and
 * reordering leave the same state.
 */
export type StoredPermissionState = {
  v: 2;
  /** Every explicit permission fact (replies, the platform's answer via `sync`), oldest first. */
  facts: PermissionFact[];
  /** Permission requests: reserved ones count against the limits; sent ones also await an answer. */
  requests: RequestEntry[];
  /** Requests before this time no longer count against the limits (a connected call resets them). */
  requestsCountedFrom?: number;
  /** Connected business-initiated calls, by start time. */
  answered: AnsweredCall[];
  /** Unanswered or rejected business-initiated calls, oldest first. */
  missed: CallEntry[];
  windowOpenUntil?: number;
  /** Calls that block starting another one: reserved (dialing), unconfirmed, or seen connecting. */
  active: ActiveCall[];
  /** Calls seen ending, so a connect that arrives after its terminate does not mark the call active. */
  ended: CallEntry[];
  /** Sends whose outcome is unknown (timeout, 5xx…): the same action waits until `until`. */
  pending: PendingSend[];
  /** The facade's bookkeeping: when the permission activities were last derived. */
  activitiesAt?: number;
};

export type PermissionFact = {
  status: 'granted' | 'declined' | 'revoked' | 'none';
  at: number;
  /** Identity, and order among facts that share a timestamp: the message id, or `sync:<time>`. */
  key: string;
  permanent?: boolean;
  expiresAt?: number;
  revokedReason?: RevokedReason;
};

export type RequestEntry = {
  /** The reservation id. */
  id: string;
  at: number;
  /** `sent` once Meta took it, `unconfirmed` when the outcome is unknown; absent while in flight. */
  sent?: 'sent' | 'unconfirmed';
  /** The platform said it no longer counts against the limits (`sync`). */
  uncounted?: true;
};

export type CallEntry = { callId: string; at: number };
export type AnsweredCall = CallEntry & { endedAt: number };
export type ActiveCall = {
  /** The reservation id (also the token Meta echoes in `biz_opaque_callback_data`), or the call id. */
  id: string;
  callId?: string;
  since: number;
  connected: boolean;
  /** An unconfirmed call blocks until then, unless a webhook settles it first. */
  until?: number;
  /** Who placed it, so a call confirmed only by a webhook is still credited to the agent. */
  agent?: { id: string; name: string };
};
export type PendingSend = { id: string; action: PermissionAction; until: number };

/** How many facts of each kind to keep at most, and for how long (history the activities derive from). */
const maxKept = 50;
export const historyKeptMs = 60 * 24 * 60 * 60 * 1000;

export function emptyState(): StoredPermissionState {
  return {
    v: 2,
    facts: [],
    requests: [],
    answered: [],
    missed: [],
    active: [],
    ended: [],
    pending: [],
  };
}

/** Reads what the store returned, upgrading the previous version and refusing data it did not write. */
export function decodeState(value: unknown, key: string): StoredPermissionState {
  if (value === undefined) return emptyState();
  const state = value as Record<string, unknown> | null;
  if (typeof state === 'object' && state !== null) {
    if (
      state.v === 2 &&
      ['facts', 'requests', 'answered', 'missed', 'active', 'ended', 'pending'].every((name) =>
        Array.isArray(state[name]),
      )
    ) {
      return state as unknown as StoredPermissionState;
    }
    if (state.v === 1 && Array.isArray(state.requests) && Array.isArray(state.active)) {
      return upgradeFromV1(state);
    }
  }
  throw new StoreError(
    'corrupt',
    `The permission state at "${key}" was not written by this version of @wacall; delete the key or use another store prefix.`,
    { key },
  );
}

function upgradeFromV1(old: Record<string, unknown>): StoredPermissionState {
  const list = <T>(name: string) => (Array.isArray(old[name]) ? (old[name] as T[]) : []);
  const request = old.request as { at: number } | undefined;
  const requests = list<{ id: string; at: number }>('requests').map((entry): RequestEntry =>
    request && entry.at === request.at ? { ...entry, sent: 'sent' } : entry,
  );
  const lastAnsweredAt = typeof old.lastAnsweredAt === 'number' ? old.lastAnsweredAt : undefined;
  const state: StoredPermissionState = {
    ...emptyState(),
    facts: old.fact ? [old.fact as PermissionFact] : [],
    requests,
    answered: list<CallEntry>('answered').map((entry) => ({
      ...entry,
      endedAt: lastAnsweredAt ?? entry.at,
    })),
    missed: list<CallEntry>('missed'),
    active: list<ActiveCall>('active'),
    ended: list<CallEntry>('ended'),
  };
  if (typeof old.windowOpenUntil === 'number') state.windowOpenUntil = old.windowOpenUntil;
  return state;
}

/** The latest explicit permission fact. */
export function latestFact(state: StoredPermissionState): PermissionFact | undefined {
  return state.facts[state.facts.length - 1];
}

/** The latest request Meta took (or may have taken). */
export function latestSentRequest(state: StoredPermissionState): RequestEntry | undefined {
  for (let i = state.requests.length - 1; i >= 0; i--) {
    const entry = state.requests[i];
    if (entry?.sent) return entry;
  }
  return undefined;
}

/** When the latest connected business-initiated call ended: misses before it are not "in a row". */
export function lastAnsweredAt(state: StoredPermissionState): number | undefined {
  let latest: number | undefined;
  for (const call of state.answered) latest = Math.max(latest ?? -Infinity, call.endedAt);
  return latest;
}

/** Whether the active call still blocks a new one at `now`. */
export function isLive(call: ActiveCall, now: number, policy: PermissionPolicy): boolean {
  if (call.until !== undefined) return call.until > now;
  const timeout = call.connected ? policy.activeCallTimeoutMs : policy.callSetupTimeoutMs;
  return call.since + timeout > now;
}

/** Drops what no longer matters at `now`, keeping the history activities derive from for a while. */
export function pruneState(
  state: StoredPermissionState,
  now: number,
  policy: PermissionPolicy,
): StoredPermissionState {
  const horizon = now - Math.max(historyKeptMs, policy.requestLimits.weekly.windowMs);
  const recent = <T extends { at: number }>(list: T[]) =>
    list.filter((entry) => entry.at > horizon).slice(-maxKept);
  const facts = state.facts.filter((fact) => fact.at > horizon).slice(-maxKept);
  // The standing fact is kept however old: a permanent grant of last year still holds.
  const standing = latestFact(state);
  return {
    ...state,
    facts: standing && !facts.includes(standing) ? [standing] : facts,
    requests: recent(state.requests),
    answered: recent(state.answered),
    missed: recent(state.missed),
    active: state.active.filter((call) => isLive(call, now, policy)),
    ended: state.ended.filter((entry) => entry.at > now - policy.activeCallTimeoutMs),
    pending: state.pending.filter((entry) => entry.until > now),
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
    latestFact(state)?.expiresAt,
    state.windowOpenUntil,
    ...state.requests.map((entry) => entry.at + policy.requestExpiryMs),
    ...state.requests.map((entry) => entry.at + policy.requestLimits.weekly.windowMs),
    ...state.answered.map((entry) => entry.at + policy.callLimit.windowMs),
    ...state.active.map((call) => call.until ?? call.since + policy.activeCallTimeoutMs),
  ].filter((end): end is number => end !== undefined);
  const latest = Math.max(now, ...ends);
  return Math.max(Math.ceil(latest - now), policy.stateRetentionMs);
}

/** `true` when `a` is a later fact than `b` (by time, then by key). */
export function isLaterFact(a: PermissionFact, b: PermissionFact | undefined): boolean {
  if (!b) return true;
  return a.at > b.at || (a.at === b.at && a.key > b.key);
}

/** Adds a fact unless one with the same key is there; keeps facts in order. */
export function addFact(facts: PermissionFact[], fact: PermissionFact): PermissionFact[] {
  if (facts.some((existing) => existing.key === fact.key)) return facts;
  return [...facts, fact].sort((a, b) => (isLaterFact(a, b) ? 1 : -1));
}

/** Adds `entry` unless one with the same call id is there; keeps the list ordered by time. */
export function addCall<T extends CallEntry>(list: T[], entry: T): T[] {
  if (list.some((existing) => existing.callId === entry.callId)) return list;
  return [...list, entry].sort((a, b) => a.at - b.at || (a.callId < b.callId ? -1 : 1));
}
