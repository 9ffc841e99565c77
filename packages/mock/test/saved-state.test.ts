import { parseWebhook } from '@wacall/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  isSimulatorUsageError,
  type CloudApiSimulator,
  type SimulatorState,
} from '../src/index';
import {
  appSecret,
  connect,
  customerWaId,
  graph,
  grantedCustomer,
  items,
  sendPermissionRequest,
  token,
} from './helpers';

const start = Date.UTC(2026, 5, 1, 9, 0, 0);
const otherWaId = '5511987650002';

function simulator(state?: unknown, extra: { templateReview?: 'manual' } = {}) {
  return createCloudApiSimulator({
    appSecret,
    now: () => start,
    seed: 7,
    ...extra,
    ...(state === undefined ? {} : { state: state as SimulatorState }),
  });
}

/** What an app does with the state: store it as JSON text and read it back. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const callIdOf = (reply: { body: Record<string, unknown> }) =>
  (reply.body['calls'] as { id: `wacid.${string}` }[] | undefined)?.[0]?.id;

type Step =
  | { kind: 'message'; who: 0 | 1 }
  | { kind: 'request'; who: 0 | 1 }
  | { kind: 'accept'; who: 0 | 1; permanent: boolean }
  | { kind: 'decline'; who: 0 | 1 }
  | { kind: 'revoke'; who: 0 | 1 }
  | { kind: 'business-call'; who: 0 | 1; answered: boolean }
  | { kind: 'customer-call'; who: 0 | 1 }
  | { kind: 'advance'; ms: number };

const who = fc.constantFrom<0 | 1>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('message' as const), who }),
  fc.record({ kind: fc.constant('request' as const), who }),
  fc.record({ kind: fc.constant('accept' as const), who, permanent: fc.boolean() }),
  fc.record({ kind: fc.constant('decline' as const), who }),
  fc.record({ kind: fc.constant('revoke' as const), who }),
  fc.record({ kind: fc.constant('business-call' as const), who, answered: fc.boolean() }),
  fc.record({ kind: fc.constant('customer-call' as const), who }),
  fc.record({
    kind: fc.constant('advance' as const),
    ms: fc.constantFrom(1_000, 60_000, 3_600_000, 25 * 3_600_000, 8 * 24 * 3_600_000),
  }),
);

/** Runs one step; what happened (or the error it was refused with) is its outcome. */
async function apply(sim: CloudApiSimulator, action: Step): Promise<string> {
  if (action.kind === 'advance') {
    await sim.advanceTime(action.ms);
    return 'advanced';
  }
  const waId = action.who === 0 ? customerWaId : otherWaId;
  const customer = sim.customer(waId);
  try {
    switch (action.kind) {
      case 'message':
        return (await customer.sendMessage('hello')).messageId;
      case 'request':
        return JSON.stringify((await sendPermissionRequest(sim, waId)).body);
      case 'accept':
        await customer.acceptPermission({ permanent: action.permanent });
        return 'accepted';
      case 'decline':
        await customer.declinePermission();
        return 'declined';
      case 'revoke':
        await customer.revokePermission();
        return 'revoked';
      case 'business-call': {
        const reply = await connect(sim, waId);
        const callId = callIdOf(reply);
        if (callId === undefined) return JSON.stringify(reply.body);
        if (action.answered) {
          await customer.answer(callId);
          await sim.advanceTime(30_000);
          await customer.hangUp(callId);
        } else {
          await customer.reject(callId);
        }
        return callId;
      }
      case 'customer-call': {
        const callId = await customer.call();
        await customer.hangUp(callId);
        return callId;
      }
    }
  } catch (error) {
    return isSimulatorUsageError(error) ? `refused: ${error.message}` : `threw: ${String(error)}`;
  }
}

describe('exportState() and createCloudApiSimulator({ state })', () => {
  it('a restored simulator carries on exactly as the saved one would have (any steps, any split)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 12 }),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        async (before, after) => {
          const original = simulator();
          for (const action of before) await apply(original, action);
          expect(original.calls().every((call) => call.state === 'ended')).toBe(true);
          const saved = original.exportState();
          const restored = simulator(throughJson(saved));
          // Saving what was restored gives the same state back.
          expect(restored.exportState()).toEqual(saved);

          const sentBefore = original.webhooks.length;
          for (const action of after) {
            expect(await apply(restored, action)).toEqual(await apply(original, action));
          }
          expect(restored.exportState()).toEqual(original.exportState());
          expect(restored.webhooks.map((delivery) => delivery.body)).toEqual(
            original.webhooks.slice(sentBefore).map((delivery) => delivery.body),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps permissions, windows, calls, time and recordings', async () => {
    const original = simulator();
    await grantedCustomer(original);
    const placed = await connect(original, customerWaId, {
      recording: { status: 'ENABLED', purpose: 'Quality', announcement_language: 'en_US' },
    });
    const callId = callIdOf(placed)!;
    await original.customer(customerWaId).answer(callId);
    await original.advanceTime(42_000);
    await original.customer(customerWaId).hangUp(callId);
    await original.advanceTime(3_600_000);

    const restored = simulator(throughJson(original.exportState()));
    expect(restored.now()).toBe(original.now());
    expect(restored.customers()).toEqual(original.customers());
    expect(restored.call(callId)).toEqual(original.call(callId));
    expect(restored.customer(customerWaId).snapshot()).toMatchObject({
      permission: 'temporary',
      windowOpen: true,
    });
    // The recording is still served, byte for byte.
    const mediaId = (
      items(original, 'calls').find((item) => item['event'] === 'call_recording_available') as {
        call_recording: { audio: { id: string } };
      }
    ).call_recording.audio.id;
    const bytes = async (sim: CloudApiSimulator) => {
      const info = await graph(sim, 'GET', mediaId);
      const response = await sim.fetch(String(info.body['url']), {
        headers: { authorization: `Bearer ${token}` },
      });
      return new Uint8Array(await response.arrayBuffer());
    };
    const served = await bytes(restored);
    expect(served.length).toBeGreaterThan(100);
    expect(served).toEqual(await bytes(original));
    // The permission granted before the restart lets the business call again, without a new request.
    expect((await connect(restored)).status).toBe(200);
  });

  it('ends the calls that were live when saved, and sends their terminate webhooks with the next step', async () => {
    const original = simulator();
    const customer = await grantedCustomer(original);
    const talking = callIdOf(await connect(original))!;
    await customer.answer(talking);
    const ringing = await original.customer(otherWaId).call();
    const saved = throughJson(original.exportState());

    const restored = simulator(saved);
    expect(restored.call(talking)).toMatchObject({
      state: 'ended',
      outcome: 'failed',
      endedBy: 'platform',
      errorCode: 138021,
    });
    expect(restored.call(ringing)).toMatchObject({ state: 'ended', outcome: 'failed' });
    expect(restored.webhooks).toHaveLength(0);

    await restored.tick();
    const events = restored.webhooks.flatMap((delivery) => parseWebhook(delivery.payload).events);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'call.terminate', callId: talking, status: 'failed' }),
        expect.objectContaining({ type: 'call.terminate', callId: ringing, status: 'failed' }),
      ]),
    );
    // Sent once, not again on the next tick.
    const count = restored.webhooks.length;
    await restored.tick();
    expect(restored.webhooks).toHaveLength(count);
  });

  it('decides a template review that was still to come when saved', async () => {
    const original = createCloudApiSimulator({
      appSecret,
      now: () => start,
      templateReview: { delayMs: 60_000, outcome: 'approved' },
    });
    const created = await graph(
      original,
      'POST',
      `${original.businessNumber.wabaId}/message_templates`,
      {
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Your order has shipped.' }],
      },
    );
    expect(created.status).toBe(200);
    const restored = createCloudApiSimulator({
      appSecret,
      now: () => start,
      templateReview: { delayMs: 60_000, outcome: 'approved' },
      state: throughJson(original.exportState()) as SimulatorState,
    });
    expect(restored.templates.list()[0]).toMatchObject({ name: 'order_update', status: 'PENDING' });
    await restored.advanceTime(60_000);
    expect(restored.templates.list()[0]).toMatchObject({ status: 'APPROVED' });
  });

  it('never hands out an id the saved simulator already used', async () => {
    const original = simulator();
    const customer = original.customer(customerWaId);
    const first = await customer.call();
    await customer.hangUp(first);
    const restored = simulator(throughJson(original.exportState()));
    const second = await restored.customer(customerWaId).call();
    expect(second).not.toBe(first);
    expect(restored.calls().map((call) => call.callId)).toEqual([first, second]);
  });

  it('holds no secret: neither the app secret nor a token', async () => {
    const original = createCloudApiSimulator({
      appSecret: 'app-secret-that-must-not-be-saved',
      accessTokens: ['EAAG-token-that-must-not-be-saved'],
      now: () => start,
    });
    await grantedCustomer(original).catch(() => undefined);
    const text = JSON.stringify(original.exportState());
    expect(text).not.toContain('app-secret-that-must-not-be-saved');
    expect(text).not.toContain('EAAG-token-that-must-not-be-saved');
  });

  it.each([
    ['not an object', 'nope', 'it is not an object'],
    ['another format', { format: 'other' }, '"format" is not'],
    ['a newer version', { version: 2 }, 'version 2'],
    ['a list that is not one', { customers: {} }, '"customers" is not a list'],
    ['a negative clock offset', { clockOffsetMs: -1 }, 'negative'],
    [
      'a call of no conversation',
      {
        calls: [{ id: 'wacid.x', phoneNumberId: '106540352242922', waId: '1999' }],
      },
      'belongs to no saved conversation',
    ],
  ])('refuses %s with a usage error that says what to pass', async (_, change, message) => {
    const original = simulator();
    await original.customer(customerWaId).sendMessage('hi');
    const saved = original.exportState() as unknown as Record<string, unknown>;
    const broken = typeof change === 'string' ? change : { ...saved, ...change };
    let caught: unknown;
    try {
      simulator(broken);
    } catch (error) {
      caught = error;
    }
    expect(isSimulatorUsageError(caught)).toBe(true);
    expect((caught as Error).message).toContain('cannot be restored');
    expect((caught as Error).message).toContain(message);
    expect((caught as Error).message).toContain('exportState()');
  });
});
