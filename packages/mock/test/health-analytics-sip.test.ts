import { createClient, parseWebhook } from '@wacall/core';
import { describe, expect, it } from 'vitest';
import { createCloudApiSimulator } from '../src/index';
import { callRateOf } from '../src/world/rate-card';
import {
  appSecret,
  connect,
  customerWaId,
  graph,
  graphError,
  grantedCustomer,
  items,
  token,
} from './helpers';

const start = Date.UTC(2026, 0, 5, 12, 0, 0);

function setup() {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 5 });
}

/** A core client whose fetch goes straight into the simulator. */
function clientOf(simulator: ReturnType<typeof setup>) {
  return createClient({
    accessToken: token,
    phoneNumberId: simulator.businessNumber.phoneNumberId,
    wabaId: simulator.businessNumber.wabaId,
    fetch: (input, init) => simulator.fetch(input, init),
    retry: false,
  });
}

function sipSettings(simulator: ReturnType<typeof setup>, sip: Record<string, unknown>) {
  return graph(simulator, 'POST', `${simulator.businessNumber.phoneNumberId}/settings`, {
    calling: { sip },
  });
}

describe('number health', () => {
  it('is available everywhere for a plain number', async () => {
    const simulator = setup();
    const health = await clientOf(simulator).health.get();
    expect(health.canSendMessage).toBe('available');
    expect(health.entities.map((e) => [e.entityType, e.canSendMessage])).toEqual([
      ['phone_number', 'available'],
      ['waba', 'available'],
      ['business', 'available'],
    ]);
    expect(health.entities[0]?.canReceiveCallSip).toBeUndefined();
  });

  it('reads BLOCKED for SIP calls while SIP is on without a server, with the fix', async () => {
    const simulator = setup();
    await sipSettings(simulator, { status: 'ENABLED' });
    const health = await clientOf(simulator).health.get();
    expect(health.canSendMessage).toBe('blocked');
    expect(health.entities[0]).toMatchObject({
      canReceiveCallSip: 'blocked',
      errors: [{ code: 141006, possibleSolution: expect.stringContaining('calling.sip.servers') }],
    });
    await sipSettings(simulator, { status: 'ENABLED', servers: [{ hostname: 'sip.example.com' }] });
    expect((await clientOf(simulator).health.get()).entities[0]?.canReceiveCallSip).toBe(
      'available',
    );
  });
});

describe('call analytics', () => {
  /** Two outgoing calls answered (60 s, 130 s), one missed incoming call, one the next day. */
  async function history() {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    for (const talk of [60, 130]) {
      const placed = await connect(simulator);
      const callId = (placed.body['calls'] as { id: string }[])[0]?.id ?? '';
      await customer.answer(callId);
      await simulator.advanceTime(talk * 1000);
      await customer.hangUp(callId);
    }
    const missed = await customer.call();
    await customer.hangUp(missed);
    await simulator.advanceTime(24 * 60 * 60 * 1000);
    await customer.hangUp(await customer.call());
    return simulator;
  }

  it('counts, averages and prices the simulator’s own calls per day and direction', async () => {
    const simulator = await history();
    const day = Date.UTC(2026, 0, 5);
    const result = await clientOf(simulator).analytics.calls({
      start: day,
      end: day + 2 * 86_400_000,
      granularity: 'daily',
      dimensions: ['direction'],
    });
    const rate = callRateOf(customerWaId);
    expect(result).toEqual({
      granularity: 'daily',
      dataPoints: [
        {
          start: day,
          end: day + 86_400_000,
          count: 2,
          cost: Math.round((1 + 3) * rate * 10_000) / 10_000,
          averageDurationSeconds: 95,
          direction: 'business_initiated',
        },
        {
          start: day,
          end: day + 86_400_000,
          count: 1,
          cost: 0,
          averageDurationSeconds: 0,
          direction: 'user_initiated',
        },
        {
          start: day + 86_400_000,
          end: day + 2 * 86_400_000,
          count: 1,
          cost: 0,
          averageDurationSeconds: 0,
          direction: 'user_initiated',
        },
      ],
    });
  });

  it('filters by direction, keeps only the metrics asked for, and buckets by half hour', async () => {
    const simulator = await history();
    const result = await clientOf(simulator).analytics.calls({
      start: start - 3_600_000,
      end: start + 3_600_000,
      granularity: 'half_hour',
      directions: ['business_initiated'],
      metrics: ['count'],
    });
    expect(result.dataPoints).toEqual([{ start, end: start + 1_800_000, count: 2 }]);
  });

  it('refuses a malformed field expression with Graph’s error 100', async () => {
    const simulator = setup();
    const reply = await graph(
      simulator,
      'GET',
      `${simulator.businessNumber.wabaId}?fields=call_analytics.start(1).end(2).granularity(WEEKLY)`,
    );
    expect(graphError(reply)['code']).toBe(100);
  });
});

describe('SIP numbers', () => {
  it('send call_created instead of a connect, and the terminate, with webhook delivery on', async () => {
    const simulator = setup();
    await sipSettings(simulator, {
      status: 'ENABLED',
      webhook_delivery: 'ENABLED',
      servers: [{ hostname: 'sip.example.com' }],
    });
    const customer = simulator.customer(customerWaId, { name: 'Ana' });
    const callId = await customer.call();
    await customer.hangUp(callId);
    const calls = items(simulator, 'calls');
    expect(calls.map((c) => c['event'])).toEqual(['call_created', 'terminate']);
    expect(calls[0]).not.toHaveProperty('session');
    const events = simulator.webhooks.flatMap((d) => parseWebhook(d.body).events);
    expect(events.map((e) => e.type)).toContain('call.created');
  });

  it('send no calling webhooks while webhook delivery is off', async () => {
    const simulator = setup();
    await sipSettings(simulator, { status: 'ENABLED', servers: [{ hostname: 'sip.example.com' }] });
    const customer = simulator.customer(customerWaId);
    await customer.hangUp(await customer.call());
    expect(items(simulator, 'calls')).toEqual([]);
  });

  it('refuse a webhook_delivery value other than ENABLED or DISABLED', async () => {
    const simulator = setup();
    const reply = await sipSettings(simulator, { status: 'ENABLED', webhook_delivery: 'YES' });
    expect(reply.status).toBe(400);
  });
});
