import { createClient, isWhatsAppApiError, parseWebhook, type WebhookEvent } from '@wacall/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  startSimulatorServer,
  type CloudApiSimulator,
} from '../src/index';
import { cloudApiHandlers } from '../src/msw';
import { answer, appSecret, customerWaId, offer } from './helpers';

const start = Date.UTC(2026, 8, 7, 13, 0, 0);
const accessToken = 'EAAG-story-token';

/** The events the helpdesk received since the last call, parsed as a webhook handler would. */
function received(simulator: CloudApiSimulator): WebhookEvent[] {
  return simulator.drain().flatMap((delivery) => {
    const parsed = parseWebhook(delivery.body);
    expect(parsed.issues).toEqual([]);
    return parsed.events;
  });
}

/** Permission → call, both directions, through the real client. `baseUrl` is undefined for msw. */
async function permissionThenCallStory(simulator: CloudApiSimulator, baseUrl?: string) {
  const { phoneNumberId, wabaId } = simulator.businessNumber;
  const client = createClient({
    accessToken,
    phoneNumberId,
    wabaId,
    retry: false,
    ...(baseUrl === undefined ? {} : { baseUrl }),
  });
  const customer = simulator.customer(customerWaId, { name: 'Ana' });

  await customer.sendMessage('Can someone call me about my refund?');
  expect(received(simulator)).toMatchObject([
    { type: 'message', text: 'Can someone call me about my refund?' },
  ]);

  const before = await client.permissions.get({ userWaId: customerWaId });
  expect(before).toMatchObject({
    status: 'no_permission',
    actions: { startCall: { canPerform: false }, sendCallPermissionRequest: { canPerform: true } },
  });
  const refused = await client.calls
    .connect({ to: customerWaId, sdp: offer })
    .catch((error: unknown) => error);
  expect(
    isWhatsAppApiError(refused) && [refused.code, refused.httpStatus, refused.category],
  ).toEqual([138006, 401, 'permission']);

  const { messageId } = await client.messages.sendCallPermissionRequest({
    to: customerWaId,
    body: 'May we call you about your refund?',
  });
  const again = await client.messages
    .sendCallPermissionRequest({ to: customerWaId })
    .catch((error: unknown) => error);
  expect(isWhatsAppApiError(again) && again.code).toBe(138009);

  await customer.acceptPermission();
  await simulator.flush();
  const reply = received(simulator).find((event) => event.type === 'permission.reply');
  expect(reply).toMatchObject({
    response: 'accept',
    permanent: false,
    contextId: messageId,
    expiresAt: start + 7 * 24 * 3_600_000,
  });

  const granted = await client.permissions.get({ userWaId: customerWaId });
  expect(granted).toMatchObject({
    status: 'temporary',
    expiresAt: start + 7 * 24 * 3_600_000,
    actions: { startCall: { canPerform: true } },
  });

  const { callId } = await client.calls.connect({
    to: customerWaId,
    sdp: offer,
    bizOpaqueCallbackData: 'ticket-42',
  });
  await simulator.flush();
  const ringing = received(simulator);
  expect(ringing).toMatchObject([
    {
      type: 'call.connect',
      callId,
      direction: 'business_initiated',
      session: { sdpType: 'answer' },
    },
    { type: 'call.status', callId, status: 'ringing', bizOpaqueCallbackData: 'ticket-42' },
  ]);
  await simulator.advanceTime(4_000);
  await customer.answer(callId);
  await simulator.advanceTime(95_000);
  await client.calls.terminate({ callId });
  await simulator.flush();
  expect(received(simulator)).toMatchObject([
    { type: 'call.status', status: 'accepted' },
    {
      type: 'call.terminate',
      callId,
      answered: true,
      durationSeconds: 95,
      status: 'completed',
      bizOpaqueCallbackData: 'ticket-42',
    },
  ]);

  const incoming = await customer.call();
  const [offerEvent] = received(simulator);
  expect(offerEvent).toMatchObject({
    type: 'call.connect',
    callId: incoming,
    direction: 'user_initiated',
    session: { sdpType: 'offer' },
  });
  await client.calls.preAccept({ callId: incoming, sdp: answer });
  await client.calls.accept({ callId: incoming, sdp: answer });
  await simulator.advanceTime(10_000);
  await customer.hangUp(incoming);
  expect(received(simulator)).toMatchObject([
    { type: 'call.terminate', callId: incoming, answered: true, durationSeconds: 10 },
  ]);

  const template = await client.templates.createCallPermissionRequest({
    name: 'ask_to_call',
    language: 'en_US',
    category: 'utility',
    body: 'May we call you?',
  });
  // Meta reviews every new template; the simulator's default review approves it straight after.
  expect(template.status).toBe('pending');
  const page = await client.templates.list();
  expect(page.templates).toMatchObject([
    {
      name: 'ask_to_call',
      status: 'approved',
      kind: 'call_permission_request',
      bodyText: 'May we call you?',
    },
  ]);
  await simulator.flush();
  expect(received(simulator)).toMatchObject([
    { type: 'template.status', templateId: template.id, name: 'ask_to_call', status: 'approved' },
  ]);
  expect(simulator.customer(customerWaId).snapshot()).toMatchObject({
    permission: 'temporary',
    connectedCallUsage: { used: 1 },
  });
}

describe('a permission → call story through createClient and msw', () => {
  const simulator = createCloudApiSimulator({ appSecret, now: () => start, seed: 31 });
  const server = setupServer(...cloudApiHandlers(simulator));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('runs end to end', async () => {
    await permissionThenCallStory(simulator);
  });
});

describe('a permission → call story through createClient and the HTTP server', () => {
  it('runs end to end on 127.0.0.1', async () => {
    const simulator = createCloudApiSimulator({
      appSecret,
      now: () => start,
      seed: 32,
      accessTokens: [accessToken],
    });
    const server = await startSimulatorServer({ port: 0, simulator });
    try {
      await permissionThenCallStory(simulator, server.url);
      const wrongToken = createClient({
        accessToken: 'not-the-token',
        phoneNumberId: simulator.businessNumber.phoneNumberId,
        baseUrl: server.url,
        retry: false,
      });
      const denied = await wrongToken.settings.get().catch((error: unknown) => error);
      expect(isWhatsAppApiError(denied) && [denied.httpStatus, denied.code, denied.type]).toEqual([
        401,
        190,
        'OAuthException',
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('a permission → call story through createClient with simulator.fetch', () => {
  it('runs end to end without msw or a server', async () => {
    const simulator = createCloudApiSimulator({ appSecret, now: () => start, seed: 33 });
    const { phoneNumberId } = simulator.businessNumber;
    const client = createClient({
      accessToken,
      phoneNumberId,
      retry: false,
      fetch: simulator.fetch,
    });
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hi');
    await client.messages.sendCallPermissionRequest({ to: customerWaId });
    await customer.acceptPermission({ permanent: true });
    const { callId } = await client.calls.connect({ to: customerWaId, sdp: offer });
    await customer.answer(callId);
    expect(simulator.call(callId)).toMatchObject({
      state: 'ongoing',
      direction: 'business_initiated',
    });
    expect(await client.permissions.get({ userWaId: customerWaId })).toMatchObject({
      status: 'permanent',
    });
  });
});
