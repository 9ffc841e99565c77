import {
  answeredCall,
  autoRevoke,
  day,
  decline,
  grantPermanent,
  grantTemporary,
  hour,
  minute,
  missedCall,
  revokeByCustomer,
  t0,
} from './events';
import { call, ev, request, sentRequest } from './runner';
import type { Scenario, Step } from './runner';

const grantedNow: Step = ev(0, grantPermanent(t0));

/** Permission states, missed calls and sync: what `start_call` and requests see. */
export const permissionScenarios: Scenario[] = [
  // Permission states and start_call.
  {
    name: 'no permission yet',
    at: 0,
    check: call,
    expect: { allowed: false, reason: 'no_permission', permission: { permission: 'none' } },
  },
  {
    name: 'temporary grant allows calling and carries the platform expiry',
    steps: [ev(0, grantTemporary(t0, t0 + 7 * day))],
    at: hour,
    check: call,
    expect: {
      allowed: true,
      reason: 'allowed',
      permission: { permission: 'granted', permanent: false, expiresAt: t0 + 7 * day },
    },
  },
  {
    name: 'temporary grant one millisecond before 7 days: still granted',
    steps: [ev(0, grantTemporary(t0, t0 + 7 * day))],
    at: 7 * day - 1,
    check: call,
    expect: { allowed: true, reason: 'allowed' },
  },
  {
    name: 'temporary grant exactly 7 days later: expired, with no event',
    steps: [ev(0, grantTemporary(t0, t0 + 7 * day))],
    at: 7 * day,
    check: call,
    expect: { allowed: false, reason: 'permission_expired', permission: { permission: 'expired' } },
  },
  {
    name: 'a grant without an expiry lasts the policy’s 7 days',
    steps: [ev(0, grantTemporary(t0))],
    at: hour,
    check: call,
    expect: { allowed: true, permission: { expiresAt: t0 + 7 * day } },
  },
  {
    name: 'permanent grant never expires',
    steps: [grantedNow],
    at: 400 * day,
    check: call,
    expect: {
      allowed: true,
      reason: 'allowed',
      permission: { permission: 'granted', permanent: true },
    },
  },
  {
    name: 'automatic callback permission (user called in) grants temporarily',
    steps: [
      ev(0, {
        ...grantTemporary(t0, t0 + 7 * day),
        source: 'automatic',
        contextId: 'wacid.inbound',
      }),
    ],
    at: hour,
    check: call,
    expect: { allowed: true, permission: { permission: 'granted', permanent: false } },
  },
  {
    name: 'declined request',
    steps: [ev(0, decline(t0))],
    at: hour,
    check: call,
    expect: {
      allowed: false,
      reason: 'permission_declined',
      permission: { permission: 'declined' },
    },
  },
  {
    name: 'revoked by the customer',
    steps: [grantedNow, ev(day, revokeByCustomer(t0 + day))],
    at: 2 * day,
    check: call,
    expect: {
      allowed: false,
      reason: 'permission_revoked',
      permission: { permission: 'revoked', revokedReason: 'customer' },
    },
  },
  {
    name: 'revoked automatically by the platform',
    steps: [grantedNow, ev(day, autoRevoke(t0 + day))],
    at: 2 * day,
    check: call,
    expect: {
      allowed: false,
      reason: 'permission_revoked',
      permission: { permission: 'revoked', revokedReason: 'missed_calls' },
    },
  },
  {
    name: 'a sent request waits for the customer',
    steps: [sentRequest(0)],
    at: hour,
    check: call,
    expect: {
      allowed: false,
      reason: 'permission_requested',
      permission: { permission: 'requested', expiresAt: t0 + 7 * day },
    },
  },
  {
    name: 'an unanswered request lapses after 7 days, with no event',
    steps: [sentRequest(0)],
    at: 7 * day,
    check: call,
    expect: { allowed: false, reason: 'permission_expired', permission: { permission: 'expired' } },
  },
  {
    name: 'a released request leaves no trace',
    steps: [{ at: 0, send: 'request', settle: 'release' }],
    at: minute,
    check: request,
    expect: { allowed: true, permission: { permission: 'none', requests: [] } },
  },
  {
    name: 'a decline can still be flipped to accept',
    steps: [
      sentRequest(0),
      ev(hour, decline(t0 + hour)),
      ev(2 * hour, grantTemporary(t0 + 2 * hour)),
    ],
    at: 3 * hour,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'a reply stamped just before our request (clock skew) still answers it',
    steps: [sentRequest(hour), ev(hour, grantTemporary(t0 + hour - 1000))],
    at: 2 * hour,
    check: call,
    expect: { allowed: true, permission: { permission: 'granted' } },
  },
  {
    name: 'a new request after a decline is pending again',
    steps: [sentRequest(0), ev(day, decline(t0 + day)), sentRequest(2 * day)],
    at: 2 * day + hour,
    check: call,
    expect: { allowed: false, reason: 'permission_requested' },
  },
  // Missed calls and auto-revoke.
  {
    name: 'three missed calls in a row: still granted',
    steps: [
      grantedNow,
      ev(hour, missedCall(t0 + hour)),
      ev(2 * hour, missedCall(t0 + 2 * hour)),
      ev(3 * hour, missedCall(t0 + 3 * hour)),
    ],
    at: 4 * hour,
    check: call,
    expect: { allowed: true, permission: { consecutiveMissed: 3, permission: 'granted' } },
  },
  {
    name: 'the 4th missed call in a row revokes at once',
    steps: [grantedNow, ...[1, 2, 3, 4].map((i) => ev(i * hour, missedCall(t0 + i * hour)))],
    at: 4 * hour,
    check: call,
    expect: {
      allowed: false,
      reason: 'permission_revoked',
      permission: { permission: 'revoked', revokedReason: 'missed_calls', consecutiveMissed: 4 },
    },
  },
  {
    name: 'an answered call resets the run of missed calls',
    steps: [
      grantedNow,
      ...[1, 2, 3].map((i) => ev(i * hour, missedCall(t0 + i * hour))),
      ev(4 * hour, answeredCall(t0 + 4 * hour)),
      ev(5 * hour, missedCall(t0 + 5 * hour)),
    ],
    at: 6 * hour,
    check: call,
    expect: { allowed: true, permission: { consecutiveMissed: 1 } },
  },
  {
    name: 'a new grant after an auto-revoke starts a fresh count',
    steps: [
      grantedNow,
      ...[1, 2, 3, 4].map((i) => ev(i * hour, missedCall(t0 + i * hour))),
      ev(5 * hour, grantTemporary(t0 + 5 * hour)),
    ],
    at: 6 * hour,
    check: call,
    expect: { allowed: true, permission: { consecutiveMissed: 0, permission: 'granted' } },
  },
  {
    name: 'auto-revoke threshold is policy',
    options: { policy: { autoRevokeAfterMissedCalls: 2 } },
    steps: [grantedNow, ev(hour, missedCall(t0 + hour)), ev(2 * hour, missedCall(t0 + 2 * hour))],
    at: 3 * hour,
    check: call,
    expect: { allowed: false, reason: 'permission_revoked' },
  },
  // Sync with the platform.
  {
    name: 'sync adopts a platform grant the webhooks missed',
    steps: [{ at: 0, sync: { status: 'temporary', expiresAt: t0 + 3 * day, actions: {} } }],
    at: hour,
    check: call,
    expect: { allowed: true, permission: { permission: 'granted', expiresAt: t0 + 3 * day } },
  },
  {
    name: 'sync adopts the platform’s request usage and its reset time',
    steps: [
      {
        at: 0,
        sync: {
          status: 'no_permission',
          actions: {
            sendCallPermissionRequest: {
              canPerform: false,
              limits: [
                { period: 'PT24H', maxAllowed: 1, currentUsage: 1, resetsAt: t0 + 5 * hour },
              ],
            },
          },
        },
      },
    ],
    at: hour,
    check: request,
    expect: { allowed: false, reason: 'request_limit_24h', retryAt: t0 + 5 * hour },
  },
];
