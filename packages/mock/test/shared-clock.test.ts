import { createClient, createWacall, parseWebhook } from '@wacall/core';
import { describe, expect, it } from 'vitest';
import { createCloudApiSimulator } from '../src/index';
import { appSecret, customerWaId } from './helpers';

const day = 24 * 60 * 60 * 1000;

describe('the simulator’s clock in createWacall', () => {
  it('is a detached function, so the facade and the simulator agree on when a grant expires', async () => {
    const simulator = createCloudApiSimulator({ appSecret, now: () => Date.UTC(2026, 0, 5) });
    const { phoneNumberId, displayPhoneNumber } = simulator.businessNumber;
    const wacall = createWacall({
      client: createClient({ accessToken: 'EAAG-clock', phoneNumberId, fetch: simulator.fetch }),
      businessNumber: displayPhoneNumber,
      now: simulator.now,
    });
    simulator.onWebhook(async (delivery) => {
      await wacall.ingest(parseWebhook(delivery.body).events);
    });
    const ana = simulator.customer(customerWaId);
    await ana.sendMessage('Call me please');
    await wacall.requestPermission({
      to: customerWaId,
      agent: { id: 'agent-1', name: 'Sam' },
      body: 'May we call you?',
    });
    await simulator.flush();
    await ana.acceptPermission();
    expect((await wacall.getCustomer(customerWaId)).permission.permission).toBe('granted');

    await simulator.advanceTime(8 * day);
    expect(ana.snapshot().permission).toBe('expired');
    expect((await wacall.getCustomer(customerWaId)).permission.permission).toBe('expired');
  });
});
