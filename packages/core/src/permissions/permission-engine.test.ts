import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { createTestClock } from '../store/test-clock';
import { isPermissionEngineError } from './permission-engine-error';
import { createPermissionEngine } from './permission-engine';
import {
  businessNumber,
  connect,
  customer,
  day,
  decline,
  grantPermanent,
  hour,
  minute,
  t0,
  terminate,
} from '../../test/support/permission-scenarios/events';

function setup() {
  const clock = createTestClock(t0);
  const store = new MemoryStore({ now: clock.now });
  const engine = createPermissionEngine({ businessNumber, store, now: clock.now });
  return { clock, store, engine };
}

const engineError = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    if (isPermissionEngineError(error)) return error;
    throw error;
  }
  throw new Error('expected a PermissionEngineError');
};

describe('reservations', () => {
  it('commit() of a request makes it pending; the reservation carries the decision', async () => {
    const { engine } = setup();
    const reservation = await engine.reserve({ customer, action: 'send_permission_request' });
    expect(reservation).toMatchObject({ allowed: true, reason: 'allowed', channel: 'template' });
    if (!reservation.allowed) return;
    expect(reservation.reservationId).toMatch(/^[0-9a-f]{16}-[0-9a-z]+$/);
    expect((await engine.state(customer)).permission).toBe('none');
    await reservation.commit();
    await reservation.commit(); // a second commit is harmless
    expect(await engine.state(customer)).toMatchObject({ permission: 'requested', requests: [t0] });
  });

  it('an uncommitted, unreleased reservation keeps counting (the platform may have counted it)', async () => {
    const { engine } = setup();
    await engine.reserve({ customer, action: 'send_permission_request' });
    const next = await engine.check({ customer, action: 'send_permission_request' });
    expect(next.reason).toBe('request_limit_24h');
  });

  it('refuses release() after commit() and commit() after release()', async () => {
    const { engine } = setup();
    const first = await engine.reserve({ customer, action: 'send_permission_request' });
    if (!first.allowed) throw new Error('expected an allowed reservation');
    await first.commit();
    const error = await engineError(() => first.release());
    expect(error.code).toBe('reservation_settled');
    expect(error.message).toContain('already committed');
    expect((await engine.state(customer)).requests).toEqual([t0]);
  });

  it('a refused reservation records nothing and has no commit()', async () => {
    const { engine, store } = setup();
    const refused = await engine.reserve({ customer, action: 'start_call' });
    expect(refused).toMatchObject({ allowed: false, reason: 'no_permission' });
    expect('commit' in refused).toBe(false);
    expect(await store.get(`permissions:442079460000:${customer}`)).toBeUndefined();
  });

  it('a call committed after its connect webhook arrived is still cleared by its terminate', async () => {
    const { engine, clock } = setup();
    await engine.apply(grantPermanent(t0));
    const dial = await engine.reserve({ customer, action: 'start_call' });
    if (!dial.allowed) throw new Error('expected an allowed reservation');
    await engine.apply(connect(t0 + 1000, 'wacid.fast', 'business_initiated'));
    await dial.commit({ callId: 'wacid.fast' });
    clock.advance(minute);
    expect((await engine.check({ customer, action: 'start_call' })).reason).toBe(
      'call_in_progress',
    );
    await engine.apply(terminate(t0 + minute, 'wacid.fast', 'business_initiated', t0 + 2000));
    expect((await engine.check({ customer, action: 'start_call' })).allowed).toBe(true);
  });

  it('a released call reservation frees calling at once', async () => {
    const { engine } = setup();
    await engine.apply(grantPermanent(t0));
    const dial = await engine.reserve({ customer, action: 'start_call' });
    if (!dial.allowed) throw new Error('expected an allowed reservation');
    await dial.release();
    expect((await engine.check({ customer, action: 'start_call' })).allowed).toBe(true);
  });

  it('a call invite records nothing', async () => {
    const { engine } = setup();
    const invite = await engine.reserve({ customer, action: 'send_call_invite' });
    if (!invite.allowed) throw new Error('expected an allowed reservation');
    await invite.commit();
    expect(await engine.state(customer)).toMatchObject({
      permission: 'none',
      requests: [],
      calls: [],
    });
  });
});

describe('stored state expiry', () => {
  it('forgets a declined customer after the retention period; keeps a permanent grant', async () => {
    const { engine, clock, store } = setup();
    await engine.apply(decline(t0));
    await engine.apply({ ...grantPermanent(t0), from: '447700900999', messageId: 'wamid.p' });
    clock.advance(90 * day);
    expect(await store.get(`permissions:442079460000:${customer}`)).toBeUndefined();
    expect((await engine.state(customer)).permission).toBe('none');
    clock.advance(3 * 365 * day);
    expect((await engine.state('447700900999')).permission).toBe('granted');
  });

  it('keeps state at least as long as a limit still counts', async () => {
    const clock = createTestClock(t0);
    const custom = createPermissionEngine({
      businessNumber,
      store: new MemoryStore({ now: clock.now }),
      now: clock.now,
      policy: { stateRetentionMs: hour, requestLimits: { weekly: { max: 1 } } },
    });
    await custom.reserve({ customer, action: 'send_permission_request' });
    clock.advance(6 * day);
    expect((await custom.check({ customer, action: 'send_permission_request' })).reason).toBe(
      'request_limit_7d',
    );
  });
});

describe('createPermissionEngine options and inputs', () => {
  it('requires an international business number', async () => {
    for (const businessNumber of ['', 'not a number', '12345']) {
      const error = await engineError(() => createPermissionEngine({ businessNumber }));
      expect(error.message).toContain('businessNumber');
    }
  });

  it('reports the detected business country', () => {
    expect(createPermissionEngine({ businessNumber: '+1 (416) 555-0100' }).businessCountry).toBe(
      'CA',
    );
    expect(createPermissionEngine({ businessNumber: '+55 11 91234 5678' }).businessCountry).toBe(
      'BR',
    );
  });

  it('refuses a malformed check with a message that names the field', async () => {
    const { engine } = setup();
    const bad = [
      [{ customer, action: 'call_now' }, 'action must be one of'],
      [{ customer: '', action: 'start_call' }, 'customer must be'],
      [{ customer: '+', action: 'start_call' }, 'has no digits'],
      [{ customer, action: 'send_call_invite', channel: 'sms' }, 'channel must be'],
    ] as const;
    for (const [input, text] of bad) {
      const error = await engineError(() => engine.check(input as never));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(text);
    }
  });

  it('treats differently formatted numbers as one customer', async () => {
    const { engine } = setup();
    await engine.apply(decline(t0));
    expect((await engine.state('+44 (7700) 900-123')).permission).toBe('declined');
  });

  it('uses replacement messages and keeps English for the rest', async () => {
    const engine = createPermissionEngine({
      businessNumber,
      now: () => t0,
      messages: { no_permission: 'Sin permiso.' },
    });
    expect((await engine.check({ customer, action: 'start_call' })).message).toBe('Sin permiso.');
    expect((await engine.check({ customer, action: 'send_call_invite' })).message).toBe('Allowed.');
  });

  it('asks a callingEnabled function on every decision', async () => {
    let enabled = false;
    const engine = createPermissionEngine({ businessNumber, callingEnabled: () => enabled });
    expect((await engine.check({ customer, action: 'send_call_invite' })).reason).toBe(
      'calling_disabled',
    );
    enabled = true;
    expect((await engine.check({ customer, action: 'send_call_invite' })).reason).toBe('allowed');
  });
});
