import { describe, expect, it } from 'vitest';
import { createCloudApiSimulator, isSimulatorUsageError } from '../src/index';
import {
  answer,
  appSecret,
  callAction,
  connect,
  customerWaId,
  graphError,
  grantedCustomer,
  items,
} from './helpers';

const start = Date.UTC(2026, 0, 5, 12, 0, 0);

function setup() {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 7 });
}

describe('calls the customer makes (user-initiated)', () => {
  it('sends a connect webhook with a realistic SDP offer and returns the call id', async () => {
    const simulator = setup();
    const callId = await simulator.customer(customerWaId, { name: 'Ana' }).call();
    expect(callId).toMatch(/^wacid\./);
    const [connectItem] = items(simulator, 'calls');
    expect(connectItem).toMatchObject({
      id: callId,
      from: customerWaId,
      to: simulator.businessNumber.displayPhoneNumber,
      event: 'connect',
      direction: 'USER_INITIATED',
      timestamp: String(start / 1000),
      session: { sdp_type: 'offer' },
    });
    const sdp = (connectItem?.['session'] as { sdp: string }).sdp;
    expect(sdp.startsWith('v=0\r\n')).toBe(true);
    expect(sdp).toContain('a=ice-lite');
    expect(sdp).toContain('a=rtpmap:111 opus/48000/2');
    expect(sdp).toContain('a=fingerprint:sha-256 ');
    expect(simulator.webhooks[0]?.payload.entry[0]?.changes[0]?.value['contacts']).toEqual([
      { profile: { name: 'Ana' }, wa_id: customerWaId },
    ]);
  });

  it('pre_accept then accept with the same answer, then the customer hangs up: terminate with timing', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    const callId = await customer.call();
    const session = { sdp_type: 'answer', sdp: answer };
    expect(
      (await callAction(simulator, { call_id: callId, action: 'pre_accept', session })).body,
    ).toEqual({
      messaging_product: 'whatsapp',
      success: true,
    });
    expect(simulator.call(callId)?.state).toBe('pre_accepted');
    expect(
      (await callAction(simulator, { call_id: callId, action: 'accept', session })).status,
    ).toBe(200);
    expect(simulator.call(callId)?.state).toBe('ongoing');
    await simulator.advanceTime(42_000);
    await customer.hangUp(callId);
    const terminate = items(simulator, 'calls').at(-1);
    expect(terminate).toMatchObject({
      id: callId,
      event: 'terminate',
      status: 'COMPLETED',
      start_time: String(start / 1000),
      end_time: String(start / 1000 + 42),
      duration: 42,
    });
    expect(simulator.call(callId)).toMatchObject({
      state: 'ended',
      outcome: 'completed',
      endedBy: 'customer',
      durationSeconds: 42,
    });
  });

  it('refuses an accept whose SDP differs from the pre_accept one', async () => {
    const simulator = setup();
    const callId = await simulator.customer(customerWaId).call();
    await callAction(simulator, {
      call_id: callId,
      action: 'pre_accept',
      session: { sdp_type: 'answer', sdp: answer },
    });
    const other = answer.replace('a=mid:0', 'a=mid:0\r\na=ptime:20');
    const reply = await callAction(simulator, {
      call_id: callId,
      action: 'accept',
      session: { sdp_type: 'answer', sdp: other },
    });
    expect(reply.status).toBe(400);
    expect(graphError(reply)).toMatchObject({ code: 100, type: 'OAuthException' });
  });

  it('a business reject ends the call with a terminate webhook without timing', async () => {
    const simulator = setup();
    const callId = await simulator.customer(customerWaId).call();
    expect((await callAction(simulator, { call_id: callId, action: 'reject' })).status).toBe(200);
    await simulator.flush();
    const terminate = items(simulator, 'calls').at(-1);
    expect(terminate).toMatchObject({ event: 'terminate', status: 'COMPLETED' });
    expect(terminate).not.toHaveProperty('duration');
    expect(terminate).not.toHaveProperty('start_time');
    const again = await callAction(simulator, {
      call_id: callId,
      action: 'accept',
      session: { sdp_type: 'answer', sdp: answer },
    });
    expect(graphError(again)).toMatchObject({ code: 100 });
  });

  it('ends an incoming call nobody answers once the answer window passes', async () => {
    const simulator = setup();
    const callId = await simulator.customer(customerWaId).call();
    await simulator.advanceTime(59_000);
    expect(simulator.call(callId)?.state).toBe('ringing');
    await simulator.advanceTime(1_000);
    expect(simulator.call(callId)).toMatchObject({
      state: 'ended',
      outcome: 'unanswered',
      endedBy: 'platform',
    });
    expect(items(simulator, 'calls').at(-1)).toMatchObject({
      event: 'terminate',
      timestamp: String(start / 1000 + 60),
    });
  });

  it('echoes the invite payload as cta_payload and a deep link payload as deeplink_payload', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    const first = await customer.call({ deeplinkPayload: 'from-website' });
    await customer.hangUp(first);
    expect(items(simulator, 'calls')[0]).toMatchObject({ deeplink_payload: 'from-website' });
    expect(simulator.call(first)?.outcome).toBe('cancelled');
  });

  it('rejects a second call while one is active, and unknown call ids', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.call();
    await expect(customer.call()).rejects.toSatisfy(isSimulatorUsageError);
    await expect(customer.answer('wacid.nope')).rejects.toThrow(/not a call between/);
    const reply = await callAction(simulator, { call_id: 'wacid.nope', action: 'terminate' });
    expect(graphError(reply)).toMatchObject({ code: 100 });
  });
});

describe('calls the business makes (business-initiated)', () => {
  it('connect → connect webhook with Meta’s answer + RINGING → customer answers → ACCEPTED → terminate', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    const reply = await connect(simulator, customerWaId, { biz_opaque_callback_data: 'ticket-42' });
    expect(reply.status).toBe(200);
    const callId = (reply.body['calls'] as { id: string }[])[0]?.id ?? '';
    expect(reply.body).toEqual({ messaging_product: 'whatsapp', calls: [{ id: callId }] });
    await simulator.flush();
    const callItems = items(simulator, 'calls');
    expect(callItems.at(-1)).toMatchObject({
      id: callId,
      event: 'connect',
      direction: 'BUSINESS_INITIATED',
      from: simulator.businessNumber.displayPhoneNumber,
      to: customerWaId,
      session: { sdp_type: 'answer' },
      biz_opaque_callback_data: 'ticket-42',
    });
    expect(items(simulator, 'statuses').at(-1)).toMatchObject({
      id: callId,
      type: 'call',
      status: 'RINGING',
      recipient_id: customerWaId,
      biz_opaque_callback_data: 'ticket-42',
    });
    await simulator.advanceTime(5_000);
    await customer.answer(callId);
    expect(items(simulator, 'statuses').at(-1)).toMatchObject({ status: 'ACCEPTED' });
    await simulator.advanceTime(30_000);
    await callAction(simulator, { call_id: callId, action: 'terminate' });
    await simulator.flush();
    expect(items(simulator, 'calls').at(-1)).toMatchObject({
      event: 'terminate',
      status: 'COMPLETED',
      duration: 30,
      biz_opaque_callback_data: 'ticket-42',
    });
    expect(customer.snapshot().connectedCallUsage).toMatchObject({ used: 1, max: 100 });
  });

  it('a rejected call sends REJECTED before the terminate', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    const callId = ((await connect(simulator)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await customer.reject(callId);
    const statuses = items(simulator, 'statuses')
      .filter((s) => s['type'] === 'call')
      .map((s) => s['status']);
    expect(statuses).toEqual(['RINGING', 'REJECTED']);
    expect(items(simulator, 'calls').at(-1)).toMatchObject({ event: 'terminate' });
    expect(simulator.call(callId)).toMatchObject({ outcome: 'rejected', endedBy: 'customer' });
    expect(customer.snapshot().consecutiveMissedCalls).toBe(1);
  });

  it('ignore rings out: terminate without timing; an unanswered call also times out on its own', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    const first = ((await connect(simulator)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await customer.ignore(first);
    expect(simulator.call(first)).toMatchObject({ outcome: 'unanswered', endedBy: 'platform' });
    const second = ((await connect(simulator)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await simulator.advanceTime(simulator.limits.outgoingRingTimeoutMs);
    expect(simulator.call(second)).toMatchObject({ state: 'ended', outcome: 'unanswered' });
    expect(customer.snapshot().consecutiveMissedCalls).toBe(2);
  });

  it.each([
    ['business', 138021],
    ['customer', 138022],
  ] as const)(
    'dropCall on the %s side ends FAILED with %i in calls[].errors and value.errors',
    async (side, code) => {
      const simulator = setup();
      const customer = await grantedCustomer(simulator);
      const callId = ((await connect(simulator)).body['calls'] as { id: string }[])[0]?.id ?? '';
      await customer.answer(callId);
      await simulator.advanceTime(12_000);
      await customer.dropCall(callId, { side });
      const value = simulator.webhooks.at(-1)?.payload.entry[0]?.changes[0]?.value ?? {};
      const terminate = (value['calls'] as Record<string, unknown>[])[0];
      expect(terminate).toMatchObject({ status: 'FAILED', duration: 12, errors: [{ code }] });
      expect(value['errors']).toEqual(terminate?.['errors']);
      expect(simulator.call(callId)).toMatchObject({ outcome: 'failed', errorCode: code });
    },
  );

  it('a business hang-up before pickup is a cancelled call, not a missed one', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    const callId = ((await connect(simulator)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await callAction(simulator, { call_id: callId, action: 'terminate' });
    expect(simulator.call(callId)).toMatchObject({ outcome: 'cancelled', endedBy: 'business' });
    expect(customer.snapshot().consecutiveMissedCalls).toBe(0);
    await expect(customer.answer(callId)).rejects.toThrow(/ringing business-initiated/);
  });
});
