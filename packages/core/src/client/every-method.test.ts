import type { JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import type { WhatsAppClient } from './create-client';
import {
  ANSWER,
  CALL_ID,
  GRAPH,
  OFFER,
  PHONE_NUMBER_ID,
  TOKEN,
  WABA_ID,
  graph,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();

const sent = { messages: [{ id: 'wamid.A' }] };
const template = { name: 'call_us', language: 'en_US' };
const created = { id: '1', status: 'PENDING' };
const draft = {
  name: 'call_us',
  language: 'en_US',
  category: 'utility',
  body: 'Call us.',
} as const;

const methods: [
  string,
  'GET' | 'POST',
  string,
  JsonBodyType,
  (wa: WhatsAppClient) => Promise<unknown>,
][] = [
  [
    'calls.connect',
    'POST',
    `${PHONE_NUMBER_ID}/calls`,
    { calls: [{ id: CALL_ID }] },
    (wa) => wa.calls.connect({ to: '14085551234', sdp: OFFER }),
  ],
  [
    'calls.preAccept',
    'POST',
    `${PHONE_NUMBER_ID}/calls`,
    { success: true },
    (wa) => wa.calls.preAccept({ callId: CALL_ID, sdp: ANSWER }),
  ],
  [
    'calls.accept',
    'POST',
    `${PHONE_NUMBER_ID}/calls`,
    { success: true },
    (wa) => wa.calls.accept({ callId: CALL_ID, sdp: ANSWER }),
  ],
  [
    'calls.reject',
    'POST',
    `${PHONE_NUMBER_ID}/calls`,
    { success: true },
    (wa) => wa.calls.reject({ callId: CALL_ID }),
  ],
  [
    'calls.terminate',
    'POST',
    `${PHONE_NUMBER_ID}/calls`,
    { success: true },
    (wa) => wa.calls.terminate({ callId: CALL_ID }),
  ],
  [
    'permissions.get',
    'GET',
    `${PHONE_NUMBER_ID}/call_permissions`,
    { permission: { status: 'no_permission' } },
    (wa) => wa.permissions.get({ userWaId: '14085551234' }),
  ],
  [
    'settings.get',
    'GET',
    `${PHONE_NUMBER_ID}/settings`,
    { calling: {} },
    (wa) => wa.settings.get(),
  ],
  [
    'settings.update',
    'POST',
    `${PHONE_NUMBER_ID}/settings`,
    { success: true },
    (wa) => wa.settings.update({ status: 'disabled' }),
  ],
  [
    'messages.sendCallPermissionRequest',
    'POST',
    `${PHONE_NUMBER_ID}/messages`,
    sent,
    (wa) => wa.messages.sendCallPermissionRequest({ to: '14085551234' }),
  ],
  [
    'messages.sendCallPermissionRequestTemplate',
    'POST',
    `${PHONE_NUMBER_ID}/messages`,
    sent,
    (wa) => wa.messages.sendCallPermissionRequestTemplate({ to: '14085551234', template }),
  ],
  [
    'messages.sendCallInvite',
    'POST',
    `${PHONE_NUMBER_ID}/messages`,
    sent,
    (wa) => wa.messages.sendCallInvite({ to: '14085551234', body: 'Call us.' }),
  ],
  [
    'messages.sendCallInviteTemplate',
    'POST',
    `${PHONE_NUMBER_ID}/messages`,
    sent,
    (wa) => wa.messages.sendCallInviteTemplate({ to: '14085551234', template }),
  ],
  [
    'templates.createCallPermissionRequest',
    'POST',
    `${WABA_ID}/message_templates`,
    created,
    (wa) => wa.templates.createCallPermissionRequest(draft),
  ],
  [
    'templates.createCallInvite',
    'POST',
    `${WABA_ID}/message_templates`,
    created,
    (wa) => wa.templates.createCallInvite(draft),
  ],
  [
    'templates.list',
    'GET',
    `${WABA_ID}/message_templates`,
    { data: [] },
    (wa) => wa.templates.list(),
  ],
  [
    'health.get',
    'GET',
    PHONE_NUMBER_ID,
    { health_status: { can_send_message: 'AVAILABLE', entities: [] } },
    (wa) => wa.health.get(),
  ],
  [
    'analytics.calls',
    'GET',
    WABA_ID,
    { call_analytics: { granularity: 'DAILY', data_points: [] } },
    (wa) => wa.analytics.calls({ start: 0, end: 86_400_000, granularity: 'daily' }),
  ],
  [
    'media.get',
    'GET',
    '1290384756102938',
    { url: 'https://lookaside.fbsbx.com/x', mime_type: 'audio/ogg', sha256: 'h', file_size: 1 },
    (wa) => wa.media.get('1290384756102938'),
  ],
];

describe('every client method', () => {
  it.each(methods)(
    '%s sends %s to /{version}/%s with the bearer token',
    async (_name, method, path, reply, invoke) => {
      graph(method === 'GET' ? 'get' : 'post', path, reply);
      await invoke(testClient());
      expect(seen).toHaveLength(1);
      const [request] = seen;
      expect(request?.method).toBe(method);
      expect(`${request?.url.origin}${request?.url.pathname}`).toBe(`${GRAPH}/${path}`);
      expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request?.headers.accept).toBe('application/json');
      if (method === 'POST') {
        expect(request?.headers['content-type']).toBe('application/json');
        expect(request?.body).toEqual(expect.any(Object));
      } else {
        expect(request?.body).toBeUndefined();
      }
    },
  );
});
