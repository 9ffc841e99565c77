import { platformLimits } from '../../../src/permissions/policy';
import {
  answeredCall,
  connect,
  day,
  grantPermanent,
  grantTemporary,
  hour,
  message,
  minute,
  missedCall,
  t0,
  terminate,
} from './events';
import { call, ev, invite, request } from './runner';
import type { Scenario, Step } from './runner';

const grantedNow: Step = ev(0, grantPermanent(t0));
const tenAnsweredCalls = Array.from({ length: 10 }, (_, i) =>
  ev(i * hour + minute, answeredCall(t0 + i * hour)),
);

/** The call limit, calls in progress, the region rule and the calling switch. */
export const callScenarios: Scenario[] = [
  // Call limit.
  {
    name: '10 connected calls in 24 h reach the house limit; retry 24 h after the first',
    steps: [grantedNow, ...tenAnsweredCalls],
    at: 10 * hour,
    check: call,
    expect: {
      allowed: false,
      reason: 'call_limit_24h',
      retryAt: t0 + day,
      usage: {
        requests24h: { used: 0, max: 1 },
        requests7d: { used: 0, max: 2 },
        calls24h: { used: 10, max: 10, resetsAt: t0 + day },
      },
    },
  },
  {
    name: 'exactly 24 h after the first counted call: allowed again',
    steps: [grantedNow, ...tenAnsweredCalls],
    at: day,
    check: call,
    expect: { allowed: true, usage: { calls24h: { used: 9, max: 10 } } },
  },
  {
    name: 'the platform limit allows 100',
    options: { policy: platformLimits },
    steps: [grantedNow, ...tenAnsweredCalls],
    at: 10 * hour,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'no retryAt when the temporary grant runs out before the call limit frees up',
    steps: [ev(0, grantTemporary(t0, t0 + 12 * hour)), ...tenAnsweredCalls],
    at: 11 * hour,
    check: call,
    expect: { allowed: false, reason: 'call_limit_24h', retryAt: undefined },
  },
  {
    name: 'unanswered calls do not count against the call limit',
    options: { policy: { callLimit: { max: 1 }, autoRevokeAfterMissedCalls: 10 } },
    steps: [grantedNow, ev(hour, missedCall(t0 + hour)), ev(2 * hour, missedCall(t0 + 2 * hour))],
    at: 3 * hour,
    check: call,
    expect: { allowed: true, usage: { calls24h: { used: 0, max: 1 } } },
  },
  // Sends whose outcome is unknown.
  {
    name: 'a call whose connect timed out holds the next one back until the platform could have rung out',
    steps: [grantedNow, { at: hour, send: 'call', settle: 'hold' }],
    at: hour + minute,
    check: call,
    expect: { allowed: false, reason: 'awaiting_confirmation', retryAt: t0 + hour + 2 * minute },
  },
  {
    name: 'an unconfirmed call stops holding once its time has passed with no webhook',
    steps: [grantedNow, { at: hour, send: 'call', settle: 'hold' }],
    at: hour + 2 * minute,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'an unconfirmed permission request counts as sent and holds the next one back',
    options: { policy: { requestLimits: { daily: { max: 5 }, weekly: { max: 10 } } } },
    steps: [ev(0, message(t0)), { at: hour, send: 'request', settle: 'hold' }],
    at: hour + minute,
    check: request,
    expect: {
      allowed: false,
      reason: 'awaiting_confirmation',
      retryAt: t0 + hour + 2 * minute,
      usage: { requests24h: { used: 1, max: 5 } },
      permission: { permission: 'requested' },
    },
  },
  {
    name: 'an unconfirmed call invite holds the next invite back, but not a call',
    steps: [grantedNow, { at: hour, send: 'invite', settle: 'hold' }],
    at: hour + minute,
    check: invite,
    expect: { allowed: false, reason: 'awaiting_confirmation' },
  },
  // Calls in progress.
  {
    name: 'an incoming call in progress blocks calling',
    steps: [grantedNow, ev(hour, connect(t0 + hour, 'wacid.in', 'user_initiated'))],
    at: hour + minute,
    check: call,
    expect: { allowed: false, reason: 'call_in_progress' },
  },
  {
    name: 'the call’s end frees calling',
    steps: [
      grantedNow,
      ev(hour, connect(t0 + hour, 'wacid.in', 'user_initiated')),
      ev(
        hour + 5 * minute,
        terminate(t0 + hour + 5 * minute, 'wacid.in', 'user_initiated', t0 + hour),
      ),
    ],
    at: hour + 6 * minute,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'a connect that arrives after its terminate does not mark the call active',
    steps: [
      grantedNow,
      ev(hour, terminate(t0 + hour + 5 * minute, 'wacid.late', 'user_initiated', t0 + hour)),
      ev(hour + 6 * minute, connect(t0 + hour, 'wacid.late', 'user_initiated')),
    ],
    at: hour + 7 * minute,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'a call the helpdesk knows about (activeCallId)',
    steps: [grantedNow],
    at: hour,
    check: { ...call, activeCallId: 'wacid.known' },
    expect: { allowed: false, reason: 'call_in_progress' },
  },
  {
    name: 'a call being dialled blocks a second one',
    steps: [grantedNow, { at: hour, send: 'call' }],
    at: hour + 10_000,
    check: call,
    expect: { allowed: false, reason: 'call_in_progress' },
  },
  {
    name: 'a dial never confirmed stops blocking after the setup timeout',
    steps: [grantedNow, { at: hour, send: 'call' }],
    at: hour + 2 * minute,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'a placed call stays in progress until its terminate',
    steps: [
      grantedNow,
      { at: hour, send: 'call', settle: 'commit', callId: 'wacid.out' },
      ev(hour + 10_000, connect(t0 + hour + 10_000, 'wacid.out', 'business_initiated')),
    ],
    at: hour + 30 * minute,
    check: call,
    expect: { allowed: false, reason: 'call_in_progress' },
  },
  {
    name: 'a placed call’s terminate frees calling and counts the call',
    steps: [
      grantedNow,
      { at: hour, send: 'call', settle: 'commit', callId: 'wacid.out' },
      ev(
        hour + 3 * minute,
        terminate(t0 + hour + 3 * minute, 'wacid.out', 'business_initiated', t0 + hour + minute),
      ),
    ],
    at: hour + 4 * minute,
    check: call,
    expect: { allowed: true, permission: { calls: [t0 + hour + minute] } },
  },
  // Region.
  {
    name: 'US business number (+1 408)',
    options: { businessNumber: '+1 408 555 0100' },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: false, reason: 'region_unavailable' },
  },
  {
    name: 'Canadian business number (+1 416)',
    options: { businessNumber: '+1 416 555 0100' },
    steps: [grantedNow],
    at: hour,
    check: request,
    expect: { allowed: false, reason: 'region_unavailable' },
  },
  {
    name: 'Egyptian business number (+20)',
    options: { businessNumber: '+20 10 0123 4567' },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: false, reason: 'region_unavailable' },
  },
  {
    name: 'Vietnamese business number (+84)',
    options: { businessNumber: '+84 91 234 5678' },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: false, reason: 'region_unavailable' },
  },
  {
    name: 'Nigerian business number (+234)',
    options: { businessNumber: '+234 802 123 4567' },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: false, reason: 'region_unavailable' },
  },
  {
    name: 'Jamaican business number (+1 876) is not the US',
    options: { businessNumber: '+1 876 555 0100' },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'Turkish business number: available by default',
    options: { businessNumber: '+90 212 555 0100' },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: true },
  },
  {
    name: 'Turkish business number: unavailable when the policy lists TR',
    options: {
      businessNumber: '+90 212 555 0100',
      policy: { businessInitiatedUnavailableIn: ['TR'] },
    },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: false, reason: 'region_unavailable' },
  },
  {
    name: 'businessCountry overrides the calling code',
    options: { businessCountry: 'US' },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: false, reason: 'region_unavailable' },
  },
  {
    name: 'call invites work in every region (the customer calls in)',
    options: { businessNumber: '+1 408 555 0100' },
    at: 0,
    check: invite,
    expect: { allowed: true, channel: 'template' },
  },
  // Calling disabled.
  {
    name: 'calling disabled refuses calls',
    options: { callingEnabled: false },
    steps: [grantedNow],
    at: hour,
    check: call,
    expect: { allowed: false, reason: 'calling_disabled' },
  },
  {
    name: 'calling disabled refuses invites',
    options: { callingEnabled: async () => false },
    at: 0,
    check: invite,
    expect: { allowed: false, reason: 'calling_disabled' },
  },
];
