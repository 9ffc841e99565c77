import { describe, expect, it } from 'vitest';
import type { PermissionState } from '../permissions/types';
import { isCallLifecycleError } from './call-lifecycle-error';
import {
  callInviteSentActivity,
  permissionActivities,
  permissionRequestSentActivity,
} from './permission-activities';
import { ana, at } from '../../test/support/test-events';

const customer = '4915112345678';
const state = (overrides: Partial<PermissionState>): PermissionState => ({
  permission: 'none',
  permanent: false,
  consecutiveMissed: 0,
  requests: [],
  calls: [],
  ...overrides,
});
const change = (before: PermissionState | undefined, after: PermissionState, seconds = 100) =>
  permissionActivities(before, after, { customer, at: at(seconds) }).map(
    ({ kind, params, text, at: when }) => ({
      kind,
      params,
      text,
      at: when,
    }),
  );

const weekLater = at(7 * 24 * 3600);

describe('permissionActivities', () => {
  it('a request answered with a temporary grant is an approval', () => {
    const before = state({ permission: 'requested', expiresAt: weekLater });
    const after = state({ permission: 'granted', expiresAt: weekLater });
    expect(change(before, after)).toEqual([
      {
        kind: 'permission_request.approved',
        params: { permanent: false },
        text: 'The customer approved the call permission request (temporary)',
        at: at(100),
      },
    ]);
  });

  it('an unprompted permanent grant (business profile toggle) is a grant', () => {
    expect(change(undefined, state({ permission: 'granted', permanent: true }))).toEqual([
      {
        kind: 'permission.granted',
        params: { permanent: true },
        text: 'The customer granted permanent call permission',
        at: at(100),
      },
    ]);
  });

  it('an automatic callback grant keeps its expiry in the params', () => {
    const [activity] = change(state({}), state({ permission: 'granted', expiresAt: weekLater }));
    expect(activity?.params).toEqual({ permanent: false, expiresAt: weekLater });
    expect(activity?.text).toBe('The customer granted temporary call permission');
  });

  it('upgrading a temporary grant to permanent is a new grant; an unchanged grant is silent', () => {
    const temporary = state({ permission: 'granted', expiresAt: weekLater });
    expect(change(temporary, state({ permission: 'granted', permanent: true }))).toHaveLength(1);
    expect(change(temporary, { ...temporary })).toEqual([]);
  });

  it('revocations say who revoked', () => {
    const granted = state({ permission: 'granted', permanent: true });
    expect(
      change(granted, state({ permission: 'revoked', revokedReason: 'customer' }))[0]?.text,
    ).toBe('The customer revoked call permission');
    expect(
      change(granted, state({ permission: 'revoked', revokedReason: 'missed_calls' })),
    ).toMatchObject([
      {
        kind: 'permission.auto_revoked',
        params: { missedCalls: 4 },
        text: 'Call permission revoked automatically after 4 missed calls',
      },
    ]);
    const sandbox = permissionActivities(
      granted,
      state({ permission: 'revoked', revokedReason: 'missed_calls' }),
      {
        customer,
        at: at(1),
        autoRevokeAfterMissedCalls: 10,
      },
    );
    expect(sandbox[0]?.text).toBe('Call permission revoked automatically after 10 missed calls');
  });

  it('expiries are dated at the expiry, however late they are noticed', () => {
    const granted = state({ permission: 'granted', expiresAt: weekLater });
    expect(change(granted, state({ permission: 'expired' }), 9 * 24 * 3600)).toEqual([
      {
        kind: 'permission.expired',
        params: { days: 7 },
        text: 'Call permission expired after 7 days',
        at: weekLater,
      },
    ]);
    const requested = state({ permission: 'requested', expiresAt: weekLater });
    expect(change(requested, state({ permission: 'expired' }))).toMatchObject([
      {
        kind: 'permission_request.expired',
        text: 'The call permission request expired without an answer',
        at: weekLater,
      },
    ]);
  });

  it('a declined request is recorded once', () => {
    const requested = state({ permission: 'requested' });
    const declined = state({ permission: 'declined' });
    expect(change(requested, declined)).toMatchObject([
      {
        kind: 'permission_request.declined',
        text: 'The customer declined the call permission request',
      },
    ]);
    expect(change(declined, declined)).toEqual([]);
  });

  it('gives stable ids, so re-deriving a change does not duplicate it', () => {
    const before = state({ permission: 'requested' });
    const after = state({ permission: 'granted', permanent: true });
    const first = permissionActivities(before, after, { customer, at: at(5) });
    const again = permissionActivities(before, after, { customer, at: at(5) });
    expect(again).toEqual(first);
    expect(first[0]?.id).toBe(`${customer}:permission_request.approved:${at(5)}`);
  });
});

describe('sent requests and invites', () => {
  it('records who sent what, and how', () => {
    const request = permissionRequestSentActivity({
      customer,
      at: at(0),
      agent: ana,
      channel: 'free_form',
      messageId: 'wamid.HBgL1',
    });
    expect(request).toMatchObject({
      id: `${customer}:permission_request.sent:wamid.HBgL1`,
      kind: 'permission_request.sent',
      actor: ana,
      params: { channel: 'free_form' },
      text: 'Call permission request sent by Ana',
    });
    const invite = callInviteSentActivity({
      customer,
      at: at(3),
      agent: ana,
      channel: 'template',
      templateName: 'call_us',
    });
    expect(invite).toMatchObject({
      kind: 'call_invite.sent',
      params: { channel: 'template', templateName: 'call_us' },
      text: 'Call invite sent by Ana as a template (call_us)',
    });
  });

  it('refuses input it cannot file, saying what to pass', () => {
    const bad = [
      { customer: '', at: at(0), agent: ana, channel: 'free_form' },
      { customer, at: Number.NaN, agent: ana, channel: 'free_form' },
      { customer, at: at(0), agent: { id: 'x', name: '' }, channel: 'free_form' },
      { customer, at: at(0), agent: ana, channel: 'sms' },
    ];
    for (const input of bad) {
      let thrown: unknown;
      try {
        callInviteSentActivity(input as Parameters<typeof callInviteSentActivity>[0]);
      } catch (error) {
        thrown = error;
      }
      expect(isCallLifecycleError(thrown)).toBe(true);
      expect(thrown).toMatchObject({
        code: 'invalid_activity_input',
        message: expect.stringMatching(/needs `\w+`/),
      });
    }
  });
});
