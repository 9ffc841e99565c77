// Runs the engine's scenario tables: each scenario replays steps on a fake clock, then checks once.
import type { CallPermissions } from '../../../src/client/permission-types';
import { createTestClock } from '../../../src/store/test-clock';
import type { WebhookEvent } from '../../../src/webhooks/events';
import type { CheckInput, PermissionEngineOptions } from '../../../src/permissions/engine-input';
import { createPermissionEngine } from '../../../src/permissions/permission-engine';
import type { PolicyOverride } from '../../../src/permissions/policy';
import type { Decision, PermissionState } from '../../../src/permissions/types';
import { businessNumber, customer, t0 } from './events';

export type Step =
  | { at: number; event: WebhookEvent }
  | {
      at: number;
      send: 'request' | 'call' | 'invite';
      settle?: 'commit' | 'release' | 'hold';
      callId?: string;
    }
  | { at: number; sync: CallPermissions };

export interface Scenario {
  name: string;
  steps?: Step[];
  /** Time of the check, as an offset from t0. */
  at: number;
  check: Omit<CheckInput, 'customer'>;
  options?: Partial<Pick<PermissionEngineOptions, 'businessCountry' | 'callingEnabled'>> & {
    businessNumber?: string;
    policy?: PolicyOverride;
  };
  /** Fields the decision must have; a field set to `undefined` must be absent. */
  expect: Partial<Omit<Decision, 'permission' | 'usage'>> & {
    permission?: Partial<PermissionState>;
    usage?: { [K in keyof Decision['usage']]?: Partial<Decision['usage'][K]> };
  };
}

export const call = { action: 'start_call' } as const;
export const request = { action: 'send_permission_request' } as const;
export const invite = { action: 'send_call_invite' } as const;
export const ev = (at: number, event: WebhookEvent): Step => ({ at, event });
export const sentRequest = (at: number): Step => ({ at, send: 'request', settle: 'commit' });

/** Replays the scenario's steps at their times and returns the decision at `scenario.at`. */
export async function runScenario(scenario: Scenario): Promise<Decision> {
  const clock = createTestClock(t0);
  const options = scenario.options ?? {};
  const engine = createPermissionEngine({
    businessNumber: options.businessNumber ?? businessNumber,
    now: clock.now,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.businessCountry ? { businessCountry: options.businessCountry } : {}),
    ...(options.callingEnabled !== undefined ? { callingEnabled: options.callingEnabled } : {}),
  });
  for (const step of scenario.steps ?? []) {
    clock.set(t0 + step.at);
    if ('event' in step) {
      // Region scenarios use other business numbers than the events carry; address them to the engine's.
      await engine.apply({ ...step.event, displayPhoneNumber: engine.businessNumber });
    } else if ('sync' in step) {
      await engine.sync(customer, step.sync);
    } else {
      const action = (
        {
          request: 'send_permission_request',
          call: 'start_call',
          invite: 'send_call_invite',
        } as const
      )[step.send];
      const reservation = await engine.reserve({
        customer,
        action,
        ...(action === 'send_call_invite' ? { channel: 'template' as const } : {}),
      });
      if (!reservation.allowed) throw new Error(`setup step refused: ${reservation.reason}`);
      if (step.settle === 'commit')
        await reservation.commit(step.callId ? { callId: step.callId } : {});
      if (step.settle === 'release') await reservation.release();
      if (step.settle === 'hold') await reservation.hold();
    }
  }
  clock.set(t0 + scenario.at);
  return engine.check({ customer, ...scenario.check });
}
