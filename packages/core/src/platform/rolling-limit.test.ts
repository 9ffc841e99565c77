import { describe, expect, it } from 'vitest';
import { callLimits } from './call-limits';
import { permissionLimits } from './permission-limits';
import { rollingLimitPeriod } from './rolling-limit';

describe('rollingLimitPeriod', () => {
  it("labels the platform's windows the way GET call_permissions does", () => {
    expect(rollingLimitPeriod(permissionLimits.requestsPerDay)).toBe('PT24H');
    expect(rollingLimitPeriod(permissionLimits.requestsPerWeek)).toBe('P7D');
    expect(rollingLimitPeriod(callLimits.connectedCallsPerCustomer)).toBe('PT24H');
  });

  it('labels other windows in hours, days or seconds', () => {
    expect(rollingLimitPeriod({ windowMs: 2 * 60 * 60 * 1000 })).toBe('PT2H');
    expect(rollingLimitPeriod({ windowMs: 30 * 24 * 60 * 60 * 1000 })).toBe('P30D');
    expect(rollingLimitPeriod({ windowMs: 90_000 })).toBe('PT90S');
  });
});
