import { clockSkewToleranceMs, derivePermissionState } from '../permissions/derive-state';
import type { PermissionPolicy } from '../permissions/policy';
import type { StoredPermissionState } from '../permissions/stored-state';
import type { PermissionState } from '../permissions/types';
import type { ActivityMessages } from './activity-messages';
import { permissionActivities } from './permission-activities';
import type { Activity } from './types';

export interface PermissionHistoryOptions {
  /** The customer key the activities are filed under. */
  customer: string;
  policy: PermissionPolicy;
  /** Expiries up to this time are part of the history. */
  now: number;
  messages?: Partial<ActivityMessages>;
}

/** One moment of the customer's permission story: something seen, or a deadline passing. */
interface Moment {
  at: number;
  /** Ties in time: what was sent, then what happened to calls, then replies, then deadlines. */
  rank: number;
  /** Identity of the moment; the activity it causes is named after it. */
  key: string;
  include?: (seen: StoredPermissionState) => StoredPermissionState;
}

/**
 * The permission activities a customer's facts stand for, oldest first: granted, approved, declined,
 * revoked by the customer, auto-revoked, expired (grant or request). A function of the facts and the
 * clock alone — the same facts in any order give the same activities with the same ids — because the
 * story is replayed in time order, each activity named after the fact or deadline that caused it.
 */
export function derivePermissionActivities(
  state: StoredPermissionState,
  options: PermissionHistoryOptions,
): Activity[] {
  const { customer, policy, now } = options;
  const activities: Activity[] = [];
  let seen: StoredPermissionState = { ...state, facts: [], requests: [], answered: [], missed: [] };
  let before: PermissionState = derivePermissionState(seen, -Infinity, policy);
  for (const moment of momentsOf(state, policy, now)) {
    if (moment.include) seen = moment.include(seen);
    const after = derivePermissionState(seen, moment.at, policy);
    const made = permissionActivities(before, after, {
      customer,
      at: moment.at,
      autoRevokeAfterMissedCalls: policy.autoRevokeAfterMissedCalls,
      temporaryGrantDays: Math.round(policy.temporaryPermissionMs / (24 * 60 * 60 * 1000)),
      ...(options.messages ? { messages: options.messages } : {}),
    });
    for (const activity of made) {
      activities.push({ ...activity, id: `${customer}:permission:${moment.key}` });
    }
    before = after;
  }
  return activities;
}

function momentsOf(state: StoredPermissionState, policy: PermissionPolicy, now: number): Moment[] {
  const sent = state.requests.filter((request) => request.sent !== undefined);
  const moments: Moment[] = [
    ...sent.map((request) => ({
      at: request.at,
      rank: 0,
      key: `request:${request.id}`,
      include: (s: StoredPermissionState) => ({ ...s, requests: [...s.requests, request] }),
    })),
    ...state.answered.map((call) => ({
      at: call.endedAt,
      rank: 1,
      key: `answered:${call.callId}`,
      include: (s: StoredPermissionState) => ({ ...s, answered: [...s.answered, call] }),
    })),
    ...state.missed.map((call) => ({
      at: call.at,
      rank: 1,
      key: `missed:${call.callId}`,
      include: (s: StoredPermissionState) => ({ ...s, missed: [...s.missed, call] }),
    })),
    ...state.facts.map((fact) => ({
      // Meta stamps whole seconds and we stamp milliseconds: a reply stamped 10:00:00 can answer a
      // request sent at 10:00:00.700, and belongs after it.
      at: Math.max(
        fact.at,
        ...sent
          .filter((r) => r.at >= fact.at && r.at <= fact.at + clockSkewToleranceMs)
          .map((r) => r.at + 1),
      ),
      rank: 2,
      key: `reply:${fact.key}`,
      include: (s: StoredPermissionState) => ({ ...s, facts: [...s.facts, fact] }),
    })),
    ...state.facts
      .filter((fact) => fact.expiresAt !== undefined && fact.expiresAt <= now)
      .map((fact) => ({ at: fact.expiresAt as number, rank: 3, key: `expiry:${fact.key}` })),
    ...sent
      .map((request) => ({ at: request.at + policy.requestExpiryMs, id: request.id }))
      .filter((expiry) => expiry.at <= now)
      .map((expiry) => ({ at: expiry.at, rank: 3, key: `request-expiry:${expiry.id}` })),
  ];
  return moments.sort(
    (a, b) => a.at - b.at || a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
