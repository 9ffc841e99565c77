import { describe, expect, it } from 'vitest';
import { isPermissionEngineError } from './permission-engine-error';
import { defaultPolicy, platformLimits, resolvePolicy } from './policy';

const day = 24 * 60 * 60 * 1000;

describe('policy', () => {
  it('holds the helpdesk defaults and the platform’s numbers', () => {
    expect(defaultPolicy).toMatchObject({
      requestLimits: {
        daily: { max: 1, windowMs: day },
        weekly: { max: 2, windowMs: 7 * day },
        resetOnConnectedCall: true,
      },
      callLimit: { max: 10, windowMs: day },
      temporaryPermissionMs: 7 * day,
      requestExpiryMs: 7 * day,
      autoRevokeAfterMissedCalls: 4,
      conversationWindowMs: day,
      businessInitiatedUnavailableIn: ['US', 'CA', 'EG', 'VN', 'NG'],
    });
    expect(platformLimits.callLimit.max).toBe(100);
  });

  it('merges a deep override onto the defaults and replaces arrays', () => {
    const policy = resolvePolicy({
      requestLimits: { weekly: { max: 3 } },
      businessInitiatedUnavailableIn: ['TR'],
    });
    expect(policy.requestLimits).toEqual({
      daily: { max: 1, windowMs: day },
      weekly: { max: 3, windowMs: 7 * day },
      resetOnConnectedCall: true,
    });
    expect(policy.businessInitiatedUnavailableIn).toEqual(['TR']);
    expect(defaultPolicy.requestLimits.weekly.max).toBe(2);
  });

  it('merges onto another base', () => {
    expect(resolvePolicy({ autoRevokeAfterMissedCalls: 10 }, platformLimits)).toMatchObject({
      callLimit: { max: 100 },
      autoRevokeAfterMissedCalls: 10,
    });
  });

  it.each([
    [{ callLimit: { max: -1 } }, 'policy.callLimit.max must be a whole number ≥ 0 (got -1)'],
    [
      { requestLimits: { daily: { windowMs: 0 } } },
      'policy.requestLimits.daily.windowMs must be a positive',
    ],
    [
      { autoRevokeAfterMissedCalls: 0 },
      'policy.autoRevokeAfterMissedCalls must be a whole number ≥ 1',
    ],
    [{ conversationWindowMs: 1.5 }, 'policy.conversationWindowMs must be a positive'],
    [{ businessInitiatedUnavailableIn: ['usa'] }, 'ISO 3166 alpha-2'],
    [{ requestLimits: { resetOnConnectedCall: 'yes' } }, 'must be true or false'],
  ])('refuses %j', (override, message) => {
    let caught: unknown;
    try {
      resolvePolicy(override as never);
    } catch (error) {
      caught = error;
    }
    expect(isPermissionEngineError(caught) && caught.code).toBe('invalid_policy');
    expect(String(caught)).toContain(message);
  });
});
