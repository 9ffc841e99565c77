import type { RollingLimit } from '../platform/rolling-limit';
import type { PermissionPolicy } from './policy';
import { lastAnsweredAt, latestFact, latestSentRequest } from './stored-state';
import type { RequestEntry, StoredPermissionState } from './stored-state';
import type { LimitUsage, PermissionState, PermissionStatus, RevokedReason } from './types';

/**
 * Our clock and Meta's differ by a little, and Meta's timestamps are whole seconds: a request sent this
 * close before a reply is taken as the one the reply answers, not as a newer request.
 */
export const clockSkewToleranceMs = 5_000;

/** The customer's permission as of `now`, derived from the stored facts. */
export function derivePermissionState(
  state: StoredPermissionState,
  now: number,
  policy: PermissionPolicy,
): PermissionState {
  let permission: PermissionStatus = 'none';
  let permanent = false;
  let expiresAt: number | undefined;
  let revokedReason: RevokedReason | undefined;
  let since = -Infinity;

  const fact = latestFact(state);
  if (fact) {
    since = fact.at;
    permission = fact.status;
    if (fact.status === 'granted') {
      permanent = fact.permanent === true;
      expiresAt = permanent ? undefined : fact.expiresAt;
    }
    if (fact.status === 'revoked') revokedReason = fact.revokedReason;
  }

  // Misses count "in a row" after the last answered call and, while granted, after the grant itself.
  const cut = Math.max(
    lastAnsweredAt(state) ?? -Infinity,
    permission === 'granted' && fact ? fact.at : -Infinity,
  );
  const misses = state.missed.filter((entry) => entry.at > cut);
  const threshold = policy.autoRevokeAfterMissedCalls;
  const revokingMiss = misses[threshold - 1];
  if (permission === 'granted' && revokingMiss) {
    permission = 'revoked';
    revokedReason = 'missed_calls';
    permanent = false;
    expiresAt = undefined;
    since = revokingMiss.at;
  }

  const request = latestSentRequest(state);
  if (request && request.at > since + clockSkewToleranceMs) {
    const grantStands = permission === 'granted' && (expiresAt === undefined || expiresAt > now);
    if (!grantStands) {
      permission = 'requested';
      permanent = false;
      expiresAt = request.at + policy.requestExpiryMs;
      revokedReason = undefined;
    }
  }

  if (
    (permission === 'granted' || permission === 'requested') &&
    expiresAt !== undefined &&
    expiresAt <= now
  ) {
    permission = 'expired';
  }

  const result: PermissionState = {
    permission,
    permanent,
    consecutiveMissed: misses.length,
    requests: inWindow(
      countedRequestTimes(state),
      Math.max(policy.requestLimits.daily.windowMs, policy.requestLimits.weekly.windowMs),
      now,
    ),
    calls: inWindow(
      state.answered.map((entry) => entry.at),
      policy.callLimit.windowMs,
      now,
    ),
  };
  if (expiresAt !== undefined) result.expiresAt = expiresAt;
  if (permission === 'revoked' && revokedReason !== undefined) result.revokedReason = revokedReason;
  if (state.windowOpenUntil !== undefined) result.windowOpenUntil = state.windowOpenUntil;
  return result;
}

/** Times of the requests that count against the limits (a connected call resets the count). */
export function countedRequestTimes(state: StoredPermissionState): number[] {
  return state.requests
    .filter((entry) => countsAgainstLimits(state, entry))
    .map((entry) => entry.at);
}

export function countsAgainstLimits(state: StoredPermissionState, entry: RequestEntry): boolean {
  return !entry.uncounted && entry.at >= (state.requestsCountedFrom ?? -Infinity);
}

/** Times still inside a rolling window ending at `now`, oldest first. A use at `t` counts until `t + windowMs`. */
export function inWindow(times: number[], windowMs: number, now: number): number[] {
  return times.filter((time) => time > now - windowMs).sort((a, b) => a - b);
}

/** Use of a rolling limit at `now`; `resetsAt` is when one more use fits, set only while it is exhausted. */
export function limitUsage(times: number[], limit: RollingLimit, now: number): LimitUsage {
  const counted = inWindow(times, limit.windowMs, now);
  const usage: LimitUsage = { used: counted.length, max: limit.max };
  const freeing = counted[counted.length - limit.max];
  if (counted.length >= limit.max && limit.max > 0 && freeing !== undefined) {
    usage.resetsAt = freeing + limit.windowMs;
  }
  return usage;
}
