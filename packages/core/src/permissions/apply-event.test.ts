import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../store/test-clock';
import type { WebhookEvent } from '../webhooks/events';
import { createPermissionEngine } from './permission-engine';
import {
  answeredCall,
  autoRevoke,
  businessNumber,
  connect,
  customer,
  day,
  decline,
  grantTemporary,
  hour,
  message,
  minute,
  missedCall,
  t0,
  terminate,
} from '../../test/support/permission-scenarios/events';

/** A day in a customer's life: a grant, messages, missed and answered calls, an incoming call. */
const history: WebhookEvent[] = [
  grantTemporary(t0, t0 + 7 * day),
  message(t0 + hour),
  missedCall(t0 + 2 * hour),
  missedCall(t0 + 3 * hour),
  answeredCall(t0 + 4 * hour),
  missedCall(t0 + 5 * hour),
  connect(t0 + 6 * hour, 'wacid.in', 'user_initiated'),
  terminate(t0 + 6 * hour + 5 * minute, 'wacid.in', 'user_initiated', t0 + 6 * hour),
  connect(t0 + 7 * hour, 'wacid.open', 'user_initiated'),
];

async function finalState(events: WebhookEvent[]) {
  const clock = createTestClock(t0 + 8 * hour);
  const engine = createPermissionEngine({ businessNumber, now: clock.now });
  for (const event of events) await engine.apply(event);
  return {
    state: await engine.state(customer),
    call: await engine.check({ customer, action: 'start_call' }),
    invite: await engine.check({ customer, action: 'send_call_invite' }),
  };
}

describe('engine.apply', () => {
  it('produces the same state for any order of the events, each delivered twice', async () => {
    const expected = await finalState(history);
    expect(expected.state).toMatchObject({
      permission: 'granted',
      consecutiveMissed: 1,
      calls: [t0 + 4 * hour],
      windowOpenUntil: t0 + 7 * hour + day,
    });
    expect(expected.call.reason).toBe('call_in_progress');
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...history, ...history], { minLength: history.length * 2 }),
        async (delivery) => {
          expect(await finalState(delivery)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);

  it('reports a duplicate delivery as no change', async () => {
    const engine = createPermissionEngine({ businessNumber, now: () => t0 + hour });
    const first = await engine.apply(decline(t0));
    const second = await engine.apply(decline(t0));
    expect(first).toMatchObject({
      customer,
      changed: true,
      before: { permission: 'none' },
      after: { permission: 'declined' },
    });
    expect(second).toMatchObject({ changed: false, after: { permission: 'declined' } });
  });

  it('keeps the newer fact when an older reply arrives late', async () => {
    const engine = createPermissionEngine({ businessNumber, now: () => t0 + 2 * hour });
    await engine.apply(autoRevoke(t0 + hour));
    const late = await engine.apply(grantTemporary(t0));
    expect(late?.changed).toBe(true); // the reply still opens the conversation window
    expect(late?.after).toMatchObject({ permission: 'revoked', revokedReason: 'missed_calls' });
  });

  it('ignores events about no customer and events for another business number', async () => {
    const engine = createPermissionEngine({ businessNumber, now: () => t0 });
    const status: WebhookEvent = {
      type: 'message.status',
      wabaId: 'w',
      phoneNumberId: 'p',
      timestamp: t0,
      raw: {},
      messageId: 'm',
      status: 'read',
      errors: [],
    };
    expect(await engine.apply(status)).toBeUndefined();
    expect(
      await engine.apply({ ...decline(t0), displayPhoneNumber: '+44 20 7946 0999' }),
    ).toBeUndefined();
    const scoped = createPermissionEngine({
      businessNumber,
      phoneNumberId: 'pnid-2',
      now: () => t0,
    });
    expect(await scoped.apply(decline(t0))).toBeUndefined();
    expect(await scoped.apply({ ...decline(t0), phoneNumberId: 'pnid-2' })).toMatchObject({
      changed: true,
    });
  });

  it('files events under the wa id, and falls back to the business-scoped user id', async () => {
    const engine = createPermissionEngine({ businessNumber, now: () => t0 + hour });
    await engine.apply(decline(t0));
    const { from: _from, ...anonymous } = message(t0);
    await engine.apply({ ...anonymous, fromUserId: 'US.13491208655302741918' });
    expect((await engine.state('+44 7700 900123')).permission).toBe('declined');
    expect((await engine.state('US.13491208655302741918')).windowOpenUntil).toBe(t0 + day);
  });
});
