import { parseWebhook, type WebhookEvent } from '@wacall/core';
import { describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  type CloudApiSimulator,
  type DeliveryOptions,
} from '../src/index';
import {
  answer,
  appSecret,
  callAction,
  connect,
  customerWaId,
  graph,
  sendMessage,
  sendPermissionRequest,
} from './helpers';

const start = Date.UTC(2026, 7, 3, 14, 0, 0);

function callIdOf(reply: { body: Record<string, unknown> }): string {
  return (reply.body['calls'] as { id: string }[] | undefined)?.[0]?.id ?? '';
}

/** Drives every kind of webhook the simulator can emit: messages, statuses, replies, both call directions, drops, auto-revoke. */
async function everyKindOfWebhook(simulator: CloudApiSimulator): Promise<void> {
  const pnid = simulator.businessNumber.phoneNumberId;
  const customer = simulator.customer(customerWaId, {
    name: 'Zoë',
    userId: 'US.13491208655302741918',
  });
  await graph(simulator, 'POST', `${pnid}/settings`, {
    calling: { callback_permission_status: 'ENABLED' },
  });
  await customer.sendMessage('Hello, I need help');
  await sendMessage(simulator, { to: customerWaId, type: 'text', text: { body: 'Sure!' } });
  await sendMessage(simulator, {
    to: customerWaId,
    type: 'interactive',
    interactive: {
      type: 'voice_call',
      body: { text: 'Call us' },
      action: { name: 'voice_call', parameters: { payload: 'ticket-1' } },
    },
  });
  const inviteId = customer.snapshot().inbox.at(-1)?.messageId;
  const incoming = await customer.call(inviteId === undefined ? {} : { fromInvite: inviteId });
  await callAction(simulator, {
    call_id: incoming,
    action: 'pre_accept',
    session: { sdp_type: 'answer', sdp: answer },
  });
  await callAction(simulator, {
    call_id: incoming,
    action: 'accept',
    session: { sdp_type: 'answer', sdp: answer },
    biz_opaque_callback_data: 'uic',
  });
  await simulator.advanceTime(20_000);
  await customer.hangUp(incoming);
  const missed = await customer.call({ deeplinkPayload: 'site' });
  await simulator.advanceTime(simulator.limits.incomingAnswerWindowMs);
  expect(simulator.call(missed)?.state).toBe('ended');
  await customer.acceptCallbackPermission();
  await customer.revokePermission();
  await customer.sendMessage('ok, ask me again');
  await sendPermissionRequest(simulator);
  await customer.declinePermission();
  await customer.acceptPermission();
  const answered = callIdOf(
    await connect(simulator, customerWaId, { biz_opaque_callback_data: 'bic' }),
  );
  await customer.answer(answered);
  await simulator.advanceTime(5_000);
  await customer.dropCall(answered, { side: 'customer' });
  for (const ending of ['reject', 'ignore', 'reject', 'ignore'] as const) {
    await customer[ending](callIdOf(await connect(simulator)));
  }
  await simulator.flush();
}

function parseAll(simulator: CloudApiSimulator): WebhookEvent[] {
  return simulator.webhooks.flatMap((delivery) => {
    const parsed = parseWebhook(delivery.body);
    expect(parsed.issues, delivery.body.slice(0, 300)).toEqual([]);
    return parsed.events;
  });
}

describe.each<[string, DeliveryOptions]>([
  ['one envelope per update', {}],
  ['batched', { batch: true }],
  ['batched, duplicated and shuffled', { batch: true, duplicate: 0.5, reorder: true }],
])('every payload parses with parseWebhook without issues (%s)', (_label, delivery) => {
  it('and means what the simulator did', async () => {
    const simulator = createCloudApiSimulator({
      appSecret,
      now: () => start,
      seed: 17,
      delivery: { ...delivery, subscribedFields: ['calls', 'messages', 'account_settings_update'] },
    });
    await everyKindOfWebhook(simulator);
    const events = parseAll(simulator);
    const types = new Set(events.map((event) => event.type));
    for (const type of [
      'message',
      'message.status',
      'call.connect',
      'call.status',
      'call.terminate',
      'permission.reply',
      'unknown',
    ]) {
      expect(types).toContain(type);
    }
    for (const event of events) {
      expect(event.wabaId).toBe(simulator.businessNumber.wabaId);
      if (event.type !== 'unknown')
        expect(event.phoneNumberId).toBe(simulator.businessNumber.phoneNumberId);
    }
    const terminates = events.filter((e) => e.type === 'call.terminate');
    for (const snapshot of simulator.calls()) {
      const terminate = terminates.find((e) => e.callId === snapshot.callId);
      expect(terminate, snapshot.callId).toBeDefined();
      expect(terminate?.answered).toBe(snapshot.answeredAt !== undefined);
      expect(terminate?.direction).toBe(snapshot.direction);
      expect(terminate?.durationSeconds).toBe(snapshot.durationSeconds);
      if (snapshot.errorCode !== undefined)
        expect(terminate?.errors.map((e) => e.code)).toEqual([snapshot.errorCode]);
      else expect(terminate?.errors).toEqual([]);
    }
    const connects = events.filter((e) => e.type === 'call.connect');
    expect(connects.find((e) => e.direction === 'user_initiated')).toMatchObject({
      session: { sdpType: 'offer' },
      ctaPayload: 'ticket-1',
      from: customerWaId,
      fromUserId: 'US.13491208655302741918',
      contact: { waId: customerWaId, name: 'Zoë' },
    });
    expect(connects.find((e) => e.direction === 'business_initiated')).toMatchObject({
      session: { sdpType: 'answer' },
      bizOpaqueCallbackData: 'bic',
    });
    const replies = events.filter((e) => e.type === 'permission.reply');
    const unique = [...new Map(replies.map((r) => [r.messageId, r])).values()].sort(
      (a, b) => a.timestamp - b.timestamp,
    );
    expect(unique.map((r) => [r.response, r.source, r.permanent])).toEqual(
      expect.arrayContaining([
        ['accept', 'automatic', false],
        ['reject', 'user_action', false],
        ['accept', 'user_action', false],
        ['reject', 'automatic', false],
      ]),
    );
    const callStatuses = events.filter((e) => e.type === 'call.status').map((e) => e.status);
    expect(new Set(callStatuses)).toEqual(new Set(['ringing', 'accepted', 'rejected']));
  });
});

describe('parseWebhook reads the simulator’s numbers back exactly', () => {
  it('timestamps, expiry and SDP bytes', async () => {
    const simulator = createCloudApiSimulator({ appSecret, now: () => start, seed: 2 });
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hi');
    await sendPermissionRequest(simulator);
    await customer.acceptPermission();
    const callId = await customer.call();
    const events = parseAll(simulator);
    expect(events.find((e) => e.type === 'permission.reply')).toMatchObject({
      expiresAt: start + 7 * 24 * 3_600_000,
      timestamp: start,
    });
    const connectEvent = events.find((e) => e.type === 'call.connect');
    const raw = simulator.webhooks.at(-1)?.payload.entry[0]?.changes[0]?.value['calls'] as {
      session: { sdp: string };
    }[];
    expect(connectEvent).toMatchObject({ callId, session: { sdp: raw[0]?.session.sdp } });
  });
});
