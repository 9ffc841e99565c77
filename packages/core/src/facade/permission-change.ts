import { diffActivities } from '../calls/diff-activities';
import { derivePermissionActivities } from '../calls/permission-history';
import { derivePermissionState } from '../permissions/derive-state';
import { decodeState, pruneState, stateTtl } from '../permissions/stored-state';
import type { StoredPermissionState } from '../permissions/stored-state';
import type { PermissionState } from '../permissions/types';
import type { StoreWrite, Versioned } from '../store/store';
import type { Change } from './change';
import type { FacadeContext } from './facade-context';
import { asJson } from './feed-message';
import { activityWrites } from './activity-writes';
import { deadlineId } from './state-keys';

/** Activities older than this are settled: a late fact no longer rewrites them. */
const settledAfterMs = 30 * 24 * 60 * 60 * 1000;

/** The customer's stored permission facts as read in a transaction. */
export function readPermission(
  context: FacadeContext,
  customer: string,
  value: Versioned | undefined,
): StoredPermissionState {
  return decodeState(value?.value, context.keys.permission(customer));
}

/**
 * The writes and announcements that move a customer's permission facts from `before` to `after` at
 * `now`: the facts themselves, the activities they stand for (derived from the facts, so the order in
 * which they were learnt cannot matter), `permission.updated`, and when the clock must look again.
 * `after` undefined re-derives at `now` without new facts (what `sweep` does when a deadline passes).
 */
export function permissionChange(
  context: FacadeContext,
  customer: string,
  before: StoredPermissionState,
  after: StoredPermissionState | undefined,
  now: number,
): Change {
  const { policy } = context;
  const next = pruneState(after ?? before, now, policy);
  const derivedAt = before.activitiesAt;
  const history = (state: StoredPermissionState, at: number) =>
    derivePermissionActivities(state, {
      customer,
      policy,
      now: at,
      ...(context.activityMessages ? { messages: context.activityMessages } : {}),
    }).filter((activity) => activity.at > now - settledAfterMs);
  const diff = diffActivities(
    derivedAt === undefined ? [] : history(before, derivedAt),
    history(next, now),
  );
  const shownBefore = derivePermissionState(before, derivedAt ?? now, policy);
  const shownAfter = derivePermissionState(next, now, policy);

  const stored: StoredPermissionState = { ...next, activitiesAt: now };
  const ttlMs = stateTtl(
    stored,
    now,
    policy,
    shownAfter.permission === 'granted' && shownAfter.permanent,
  );
  const writes: StoreWrite[] = [
    {
      type: 'set',
      key: context.keys.permission(customer),
      value: asJson(stored),
      ...(ttlMs === undefined ? {} : { ttlMs }),
    },
    deadlineWrite(context, deadlineId.permission(customer), nextDeadline(stored, now, context)),
  ];
  const change = activityWrites(context, customer, diff);
  const changed = derivedAt === undefined || fingerprint(shownBefore) !== fingerprint(shownAfter);
  if (changed) {
    change.publish.push({
      b: context.businessDigits,
      type: 'permission.updated',
      update: { customer, permission: shownAfter },
    });
  }
  return { writes: [...writes, ...change.writes], publish: change.publish };
}

/** The write that files (or drops) the next moment the clock changes something. */
export function deadlineWrite(
  context: FacadeContext,
  id: string,
  at: number | undefined,
): StoreWrite {
  const key = context.keys.deadlines;
  if (at === undefined) return { type: 'listRemove', key, id };
  return {
    type: 'listAdd',
    key,
    item: { id, at, value: id },
    // Deadlines are few per customer; the cap only guards against runaway growth.
    maxLength: 1_000_000,
    ttlMs: context.limits.retentionMs,
  };
}

/** When the facts will next change on their own: an expiry, a hold lapsing, a stale call. */
function nextDeadline(
  state: StoredPermissionState,
  now: number,
  context: FacadeContext,
): number | undefined {
  const { policy } = context;
  const times = [
    ...state.facts.map((fact) => fact.expiresAt),
    ...state.requests.filter((r) => r.sent).map((r) => r.at + policy.requestExpiryMs),
    ...state.pending.map((entry) => entry.until),
    ...state.active.map(
      (call) =>
        call.until ??
        call.since + (call.connected ? policy.activeCallTimeoutMs : policy.callSetupTimeoutMs),
    ),
  ].filter((time): time is number => time !== undefined && time > now);
  return times.length === 0 ? undefined : Math.min(...times);
}

/** What a change must touch to be announced; a customer never seen counts as having nothing yet. */
function fingerprint(state: PermissionState): string {
  return JSON.stringify([
    state.permission,
    state.permanent,
    state.expiresAt,
    state.revokedReason,
    state.consecutiveMissed,
    state.windowOpenUntil,
    state.requests.length,
    state.calls.length,
  ]);
}
