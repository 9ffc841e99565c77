import { describe, expect, it } from 'vitest';
import { customers, customerView, outgoingCall } from '../fixtures/customers';
import { callButtonMode } from './call-button-mode';

describe('callButtonMode', () => {
  it('is ready when the engine allows the call', () => {
    expect(callButtonMode(customers.granted)).toEqual({ kind: 'ready' });
  });

  it('asks for permission for every permission state that can still be changed', () => {
    for (const view of [
      customers.noPermission,
      customers.declined,
      customers.revoked,
      customers.expired,
    ]) {
      expect(callButtonMode(view).kind).toBe('ask');
    }
  });

  it('blocks on limits, region and settings', () => {
    for (const view of [
      customers.callLimit,
      customers.regionUnavailable,
      customers.callingDisabled,
    ]) {
      expect(callButtonMode(view).kind).toBe('blocked');
    }
  });

  it('blocks when neither a request nor an invite can go out, naming the one that frees up first', () => {
    const view = customerView({
      request: 'request_limit_7d',
      requestRetryAt: 5_000,
      invite: 'request_limit_24h',
      inviteRetryAt: 2_000,
    });
    const mode = callButtonMode(view);
    expect(mode.kind).toBe('blocked');
    expect(mode.kind === 'blocked' && mode.explain.map((d) => d.reason)).toEqual([
      'no_permission',
      'request_limit_24h',
    ]);
  });

  it('shows a live call rather than its permission, and ignores a finished one', () => {
    const live = { ...customers.noPermission, activeCall: outgoingCall('calling') };
    expect(callButtonMode(live).kind).toBe('active');
    const done = { ...customers.granted, activeCall: outgoingCall('completed') };
    expect(callButtonMode(done).kind).toBe('ready');
  });
});
