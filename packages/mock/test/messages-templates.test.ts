import { describe, expect, it } from 'vitest';
import { createCloudApiSimulator, type CloudApiSimulatorOptions } from '../src/index';
import { appSecret, customerWaId, graph, graphError, items, sendMessage } from './helpers';

const start = Date.UTC(2026, 4, 4, 8, 0, 0);
const day = 24 * 3_600_000;

function setup(options: Partial<CloudApiSimulatorOptions> = {}) {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 5, ...options });
}

function templates(simulator: ReturnType<typeof setup>) {
  return `${simulator.businessNumber.wabaId}/message_templates`;
}

const permissionTemplate = {
  name: 'call_permission_order',
  language: 'en_US',
  category: 'MARKETING',
  components: [
    { type: 'BODY', text: 'Can we call you about your order?' },
    { type: 'call_permission_request' },
  ],
};

const inviteTemplate = {
  name: 'call_us_now',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Tap to call our support team.' },
    { type: 'BUTTONS', buttons: [{ type: 'voice_call', text: 'Call Now', ttl_minutes: 1440 }] },
  ],
};

describe('POST /messages', () => {
  it('sends text inside the window with sent and delivered statuses', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('Hello?');
    const reply = await sendMessage(simulator, {
      to: `+${customerWaId}`,
      type: 'text',
      text: { body: 'Hi Ana!' },
    });
    const messageId = (reply.body['messages'] as { id: string }[])[0]?.id;
    expect(reply.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: customerWaId, wa_id: customerWaId }],
      messages: [{ id: messageId }],
    });
    await simulator.flush();
    const statuses = items(simulator, 'statuses');
    expect(statuses.map((s) => [s['id'], s['status']])).toEqual([
      [messageId, 'sent'],
      [messageId, 'delivered'],
    ]);
    expect(statuses[0]?.['pricing']).toMatchObject({ billable: false, category: 'service' });
    expect(customer.snapshot().inbox).toEqual([
      { messageId, kind: 'text', sentAt: start, text: 'Hi Ana!' },
    ]);
  });

  it('with outsideWindow "fail_status", accepts then fails the message with 131047 by webhook', async () => {
    const simulator = setup({ outsideWindow: 'fail_status' });
    const reply = await sendMessage(simulator, {
      to: customerWaId,
      type: 'text',
      text: { body: 'Hi' },
    });
    expect(reply.status).toBe(200);
    await simulator.flush();
    expect(items(simulator, 'statuses')).toEqual([
      expect.objectContaining({
        status: 'failed',
        errors: [expect.objectContaining({ code: 131047, title: 'Re-engagement message' })],
      }),
    ]);
    expect(simulator.customer(customerWaId).snapshot().inbox).toEqual([]);
  });

  it('a call invite carries its payload to the call the customer makes from it', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('Can you help?');
    const reply = await sendMessage(simulator, {
      to: customerWaId,
      type: 'interactive',
      interactive: {
        type: 'voice_call',
        body: { text: 'Call us now' },
        action: {
          name: 'voice_call',
          parameters: { display_text: 'Call support', ttl_minutes: 60, payload: 'ticket-9' },
        },
      },
    });
    const inviteId = (reply.body['messages'] as { id: string }[])[0]?.id ?? '';
    expect(customer.snapshot().inbox.at(-1)).toMatchObject({
      kind: 'call_invite',
      buttonText: 'Call support',
      payload: 'ticket-9',
      expiresAt: start + 3_600_000,
    });
    const callId = await customer.call({ fromInvite: inviteId });
    expect(items(simulator, 'calls').at(-1)).toMatchObject({ id: callId, cta_payload: 'ticket-9' });
    await customer.hangUp(callId);
    await simulator.advanceTime(3_600_000);
    await expect(customer.call({ fromInvite: inviteId })).rejects.toThrow(/expired/);
  });

  it('validates call invites: display_text ≤ 20, ttl 1–43200, a body text', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId).sendMessage('hi');
    const base = {
      type: 'voice_call',
      body: { text: 'Call us' },
      action: { name: 'voice_call', parameters: {} },
    };
    for (const parameters of [
      { display_text: 'x'.repeat(21) },
      { ttl_minutes: 0 },
      { ttl_minutes: 43201 },
      { payload: 'p'.repeat(513) },
    ]) {
      const reply = await sendMessage(simulator, {
        to: customerWaId,
        type: 'interactive',
        interactive: { ...base, action: { name: 'voice_call', parameters } },
      });
      expect(graphError(reply)['code']).toBe(100);
    }
    const noBody = await sendMessage(simulator, {
      to: customerWaId,
      type: 'interactive',
      interactive: { type: 'voice_call', action: { name: 'voice_call' } },
    });
    expect(graphError(noBody)['code']).toBe(100);
    const image = await sendMessage(simulator, {
      to: customerWaId,
      type: 'image',
      image: { id: '1' },
    });
    expect(graphError(image)['code']).toBe(100);
  });
});

describe('templates', () => {
  it('creates, lists with paging, and sends a permission-request template outside the window', async () => {
    const simulator = setup();
    const created = await graph(simulator, 'POST', templates(simulator), permissionTemplate);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      status: 'PENDING',
      category: 'MARKETING',
    });
    await graph(simulator, 'POST', templates(simulator), inviteTemplate);
    const first = await graph(simulator, 'GET', `${templates(simulator)}?limit=1`);
    expect((first.body['data'] as { name: string }[]).map((t) => t.name)).toEqual([
      'call_permission_order',
    ]);
    const paging = first.body['paging'] as { next: string; cursors: { after: string } };
    expect(paging.next).toContain(`after=${paging.cursors.after}`);
    const second = await graph(
      simulator,
      'GET',
      `${templates(simulator)}?limit=1&after=${paging.cursors.after}`,
    );
    expect(second.body['data']).toEqual([
      expect.objectContaining({ name: 'call_us_now', components: inviteTemplate.components }),
    ]);
    expect(second.body['paging']).not.toHaveProperty('next');

    const sent = await sendMessage(simulator, {
      to: customerWaId,
      type: 'template',
      template: { name: 'call_permission_order', language: { code: 'en_US' } },
    });
    expect(sent.status).toBe(200);
    const snapshot = simulator.customer(customerWaId).snapshot();
    expect(snapshot.pendingPermissionRequest?.messageId).toBe(
      (sent.body['messages'] as { id: string }[])[0]?.id,
    );
    expect(snapshot.inbox.at(-1)).toMatchObject({
      kind: 'call_permission_request_template',
      templateName: 'call_permission_order',
      text: 'Can we call you about your order?',
    });
    await simulator.flush();
    expect(items(simulator, 'statuses').at(-1)?.['pricing']).toMatchObject({
      billable: true,
      category: 'marketing',
    });
  });

  it('a call-invite template takes ttl and payload from the send', async () => {
    const simulator = setup();
    await graph(simulator, 'POST', templates(simulator), inviteTemplate);
    await sendMessage(simulator, {
      to: customerWaId,
      type: 'template',
      template: {
        name: 'call_us_now',
        language: { code: 'en_US' },
        components: [
          {
            type: 'button',
            sub_type: 'voice_call',
            parameters: [
              { type: 'ttl_minutes', ttl_minutes: 100 },
              { type: 'payload', payload: 'from-template' },
            ],
          },
        ],
      },
    });
    expect(simulator.customer(customerWaId).snapshot().inbox.at(-1)).toMatchObject({
      kind: 'call_invite_template',
      payload: 'from-template',
      expiresAt: start + 100 * 60_000,
    });
  });

  it('refuses bad templates, duplicates, and sends of unknown or unapproved ones', async () => {
    const simulator = setup({ templateReview: 'manual' });
    const path = templates(simulator);
    for (const bad of [
      { ...permissionTemplate, name: 'Has Spaces' },
      { ...permissionTemplate, category: 'PROMO' },
      { ...permissionTemplate, components: [{ type: 'call_permission_request' }] },
      {
        ...inviteTemplate,
        components: [
          { type: 'BUTTONS', buttons: [{ type: 'VOICE_CALL', text: 'Call', ttl_minutes: 100 }] },
        ],
      },
    ]) {
      expect(graphError(await graph(simulator, 'POST', path, bad))['code']).toBe(100);
    }
    expect((await graph(simulator, 'POST', path, permissionTemplate)).body['status']).toBe(
      'PENDING',
    );
    const duplicate = await graph(simulator, 'POST', path, permissionTemplate);
    expect(graphError(duplicate)).toMatchObject({ code: 100, error_subcode: 2388024 });
    const send = {
      to: customerWaId,
      type: 'template',
      template: { name: 'call_permission_order', language: { code: 'en_US' } },
    };
    const pending = await sendMessage(simulator, send);
    expect([pending.status, graphError(pending)['code']]).toEqual([404, 132001]);
    await simulator.templates.review('call_permission_order', 'approved');
    expect((await sendMessage(simulator, send)).status).toBe(200);
    const unknown = await sendMessage(simulator, {
      ...send,
      template: { name: 'nope', language: { code: 'en_US' } },
    });
    expect(graphError(unknown)['code']).toBe(132001);
  });

  it('answers an unknown id or edge with GraphMethodException 100/33', async () => {
    const simulator = setup();
    const reply = await graph(simulator, 'POST', '999/calls', { messaging_product: 'whatsapp' });
    expect(reply.status).toBe(400);
    expect(graphError(reply)).toMatchObject({
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
    const edge = await graph(simulator, 'GET', `${simulator.businessNumber.phoneNumberId}/calls`);
    expect(graphError(edge)['error_subcode']).toBe(33);
  });

  it('the window closes 24 h after the last inbound message', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hi');
    await simulator.advanceTime(day - 1);
    expect(customer.snapshot().windowOpen).toBe(true);
    await simulator.advanceTime(1);
    expect(customer.snapshot()).toMatchObject({ windowOpen: false, windowOpenUntil: start + day });
  });
});
