import type { ActionLimit, CallPermissions } from '../client/permission-types';
import { derivePermissionState } from './derive-state';
import type { RollingLimit } from '../platform/rolling-limit';
import type { PermissionPolicy } from './policy';
import { addFact, isLaterFact, latestFact } from './stored-state';
import type {
  AnsweredCall,
  PermissionFact,
  RequestEntry,
  StoredPermissionState,
} from './stored-state';
import { countsAgainstLimits } from './derive-state';

type TimedEntry = { id: string; at: number };

const day = 24 * 60 * 60 * 1000;

/**
 * Adopts the platform's view (`client.permissions.get()`) where it disagrees with the local facts:
 * the permission status and expiry, and how many requests and connected calls count right now.
 * Limits' maxima stay the policy's (a house limit may be stricter than the platform's).
 */
export function syncState(
  state: StoredPermissionState,
  permissions: CallPermissions,
  now: number,
  policy: PermissionPolicy,
): StoredPermissionState {
  let next = state;
  const fact = platformFact(state, permissions, now, policy);
  if (fact && isLaterFact(fact, latestFact(next)))
    next = { ...next, facts: addFact(next.facts, fact) };

  const requestLimits = permissions.actions.sendCallPermissionRequest?.limits ?? [];
  for (const limit of requestLimits) {
    const own = ownLimit(limit, [policy.requestLimits.daily, policy.requestLimits.weekly]);
    if (!own) continue;
    // The platform's count wins; requests it does not count stay in the history, marked so.
    const counted = next.requests.filter((entry) => countsAgainstLimits(next, entry));
    const target = reconcile(counted, limit, own, now, 'sync-request');
    const targetIds = new Set(target.map((entry) => entry.id));
    const uncounted = new Set(counted.filter((entry) => !targetIds.has(entry.id)).map((e) => e.id));
    const requests: RequestEntry[] = [
      ...next.requests.map((entry) =>
        uncounted.has(entry.id) ? { ...entry, uncounted: true as const } : entry,
      ),
      ...target.filter((entry) => !next.requests.some((existing) => existing.id === entry.id)),
    ].sort((a, b) => a.at - b.at);
    next = { ...next, requests };
  }
  const callLimits = permissions.actions.startCall?.limits ?? [];
  for (const limit of callLimits) {
    const own = ownLimit(limit, [policy.callLimit]);
    if (!own) continue;
    const entries = next.answered.map((entry) => ({ id: entry.callId, at: entry.at }));
    const reconciled = reconcile(entries, limit, own, now, 'sync-call');
    const byId = new Map(next.answered.map((entry) => [entry.callId, entry]));
    next = {
      ...next,
      answered: reconciled.map(
        (entry): AnsweredCall =>
          byId.get(entry.id) ?? { callId: entry.id, at: entry.at, endedAt: entry.at },
      ),
    };
  }
  return next;
}

/** The platform's status as a fact, or `undefined` when it agrees with what we derive locally. */
function platformFact(
  state: StoredPermissionState,
  permissions: CallPermissions,
  now: number,
  policy: PermissionPolicy,
): PermissionFact | undefined {
  const local = derivePermissionState(state, now, policy);
  const base = { at: now, key: `sync:${now}` };
  switch (permissions.status) {
    case 'permanent':
      return local.permission === 'granted' && local.permanent
        ? undefined
        : { ...base, status: 'granted', permanent: true };
    case 'temporary':
    case 'granted': {
      const expiresAt =
        permissions.expiresAt ?? local.expiresAt ?? now + policy.temporaryPermissionMs;
      const agrees =
        local.permission === 'granted' &&
        !local.permanent &&
        Math.abs((local.expiresAt ?? 0) - expiresAt) < 1000;
      return agrees ? undefined : { ...base, status: 'granted', permanent: false, expiresAt };
    }
    case 'no_permission':
    case 'denied':
    case 'expired':
    case 'pending':
      // Every local status but "granted" already means "cannot call"; keep its richer detail.
      if (local.permission !== 'granted') return undefined;
      return permissions.status === 'denied'
        ? { ...base, status: 'declined' }
        : { ...base, status: 'revoked' };
    default:
      return undefined;
  }
}

/** The policy limit a platform limit describes, matched by window length. */
function ownLimit(limit: ActionLimit, candidates: RollingLimit[]): RollingLimit | undefined {
  const period = limit.periodMs ?? periodFromName(limit.period);
  return candidates.find((candidate) => candidate.windowMs === period);
}

function periodFromName(period: string): number | undefined {
  const normalised = period.toUpperCase();
  if (normalised === 'PT24H' || normalised === 'P1D' || normalised === '24H') return day;
  if (normalised === 'P7D' || normalised === 'P1W' || normalised === '7D') return 7 * day;
  return undefined;
}

/**
 * Makes the number of entries inside the window equal the platform's count: drops the oldest when we
 * count more, adds entries when we count fewer — timed so they free up when the platform says
 * (`resetsAt`), or, when it does not say, now (the cautious choice: never earlier than the platform).
 */
function reconcile(
  entries: TimedEntry[],
  limit: ActionLimit,
  own: RollingLimit,
  now: number,
  idPrefix: string,
): TimedEntry[] {
  const inside = entries
    .filter((entry) => entry.at > now - own.windowMs)
    .sort((a, b) => a.at - b.at);
  const target = Math.max(0, Math.floor(limit.currentUsage));
  if (inside.length === target) return entries;
  if (inside.length > target) {
    const dropped = new Set(inside.slice(0, inside.length - target));
    return entries.filter((entry) => !dropped.has(entry));
  }
  const at =
    limit.resetsAt !== undefined && limit.resetsAt > now ? limit.resetsAt - own.windowMs : now;
  const added = Array.from({ length: target - inside.length }, (_, index) => ({
    id: `${idPrefix}:${at}:${inside.length + index}`,
    at,
  }));
  return [...entries, ...added].sort((a, b) => a.at - b.at);
}
