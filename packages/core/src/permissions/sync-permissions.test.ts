import { describe, expect, it } from 'vitest';
import type { CallPermissions } from '../client/permission-types';
import { createTestClock } from '../store/test-clock';
import { isPermissionEngineError } from './permission-engine-error';
import { createPermissionEngine } from './permission-engine';
import {
  answeredCall,
  businessNumber,
  customer,
  day,
  decline,
  grantPermanent,
  hour,
  t0,
} from '../../test/support/permission-scenarios/events';

function setup() {
  const clock = createTestClock(t0);
  return { clock, engine: createPermissionEngine({ businessNumber, now: clock.now }) };
}

const platform = (overrides: Partial<CallPermissions>): CallPermissions => ({
  status: 'no_permission',
  actions: {},
  ...overrides,
});

describe('engine.sync', () => {
  it('adopts a permanent grant and reports the change', async () => {
    const { engine } = setup();
    const update = await engine.sync(customer, platform({ status: 'permanent' }));
    expect(update).toMatchObject({
      changed: true,
      before: { permission: 'none' },
      after: { permission: 'granted', permanent: true },
    });
  });

  it('changes nothing when the platform agrees', async () => {
    const { engine } = setup();
    await engine.apply(grantPermanent(t0));
    expect((await engine.sync(customer, platform({ status: 'permanent' }))).changed).toBe(false);
  });

  it('marks a local grant the platform no longer has as revoked', async () => {
    const { engine, clock } = setup();
    await engine.apply(grantPermanent(t0));
    clock.advance(hour);
    const update = await engine.sync(customer, platform({ status: 'no_permission' }));
    expect(update.after.permission).toBe('revoked');
    expect(update.after.revokedReason).toBeUndefined();
  });

  it('keeps the richer local status when the platform only says "no permission"', async () => {
    const { engine } = setup();
    await engine.apply(decline(t0));
    const update = await engine.sync(customer, platform({ status: 'no_permission' }));
    expect(update).toMatchObject({ changed: false, after: { permission: 'declined' } });
  });

  it('drops requests the platform no longer counts (e.g. after a call we did not see)', async () => {
    const { engine, clock } = setup();
    await engine.reserve({ customer, action: 'send_permission_request' });
    clock.advance(hour);
    await engine.sync(
      customer,
      platform({
        actions: {
          sendCallPermissionRequest: {
            canPerform: true,
            limits: [
              { period: 'PT24H', maxAllowed: 1, currentUsage: 0 },
              { period: 'P7D', maxAllowed: 2, currentUsage: 0 },
            ],
          },
        },
      }),
    );
    expect((await engine.check({ customer, action: 'send_permission_request' })).allowed).toBe(
      true,
    );
  });

  it('adds calls the platform counted, freeing up when the platform says', async () => {
    const { engine, clock } = setup();
    const policyMax = engine.policy.callLimit.max;
    await engine.apply(grantPermanent(t0));
    await engine.apply(answeredCall(t0 + hour));
    clock.advance(2 * hour);
    await engine.sync(
      customer,
      platform({
        status: 'permanent',
        actions: {
          startCall: {
            canPerform: false,
            limits: [
              {
                period: 'PT24H',
                periodMs: day,
                maxAllowed: 100,
                currentUsage: policyMax,
                resetsAt: t0 + 20 * hour,
              },
            ],
          },
        },
      }),
    );
    const decision = await engine.check({ customer, action: 'start_call' });
    expect(decision).toMatchObject({
      allowed: false,
      reason: 'call_limit_24h',
      usage: { calls24h: { used: policyMax } },
    });
    // The platform's earlier calls free up when it said, before our own call (t0 + 1 h) does.
    expect(decision.retryAt).toBe(t0 + 20 * hour);
  });

  it('refuses something that is not a permissions answer', async () => {
    const { engine } = setup();
    const error = await engine
      .sync(customer, { status: 'temporary' } as never)
      .catch((e: unknown) => e);
    expect(isPermissionEngineError(error) && error.code).toBe('invalid_input');
    expect(String(error)).toContain('client.permissions.get()');
  });
});
