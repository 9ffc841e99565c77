import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import {
  PHONE_NUMBER_ID,
  TOKEN,
  failure,
  graph,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();
const path = `${PHONE_NUMBER_ID}/messages`;
const sent = {
  messaging_product: 'whatsapp',
  contacts: [{ input: '14085551234', wa_id: '14085551234', user_id: 'US.13491208655302741918' }],
  messages: [{ id: 'wamid.HBgLMTQwODU1NTEyMzQVAgARGBI' }],
};
const expected = {
  messageId: 'wamid.HBgLMTQwODU1NTEyMzQVAgARGBI',
  contacts: [{ input: '14085551234', waId: '14085551234', userId: 'US.13491208655302741918' }],
};

describe('messages.sendCallPermissionRequest', () => {
  it('sends the free-form interactive call_permission_request', async () => {
    const requests = graph('post', path, sent);
    const result = await testClient().messages.sendCallPermissionRequest({
      to: '14085551234',
      body: 'We would like to call you about order ON-12853.',
    });
    expect(result).toEqual(expected);
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14085551234',
      type: 'interactive',
      interactive: {
        type: 'call_permission_request',
        action: { name: 'call_permission_request' },
        body: { text: 'We would like to call you about order ON-12853.' },
      },
    });
  });

  it('leaves the body out when none is given, and reads a response without contacts', async () => {
    const requests = graph('post', path, { messages: [{ id: 'wamid.A' }] });
    const result = await testClient().messages.sendCallPermissionRequest({ to: '14085551234' });
    expect(result).toEqual({ messageId: 'wamid.A', contacts: [] });
    expect(requests[0]?.body).toMatchObject({
      interactive: { type: 'call_permission_request', action: { name: 'call_permission_request' } },
    });
    expect(requests[0]?.body).not.toHaveProperty('interactive.body');
  });
});

describe('messages.sendCallPermissionRequestTemplate', () => {
  it('sends a template with body parameters', async () => {
    const requests = graph('post', path, sent);
    const result = await testClient().messages.sendCallPermissionRequestTemplate({
      to: '14085551234',
      template: {
        name: 'call_permission_ask',
        language: 'en_US',
        bodyParameters: ['Ana', 'ON-12853'],
      },
    });
    expect(result).toEqual(expected);
    expect(requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14085551234',
      type: 'template',
      template: {
        name: 'call_permission_ask',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: 'ON-12853' },
            ],
          },
        ],
      },
    });
  });

  it('sends no components for a template without parameters', async () => {
    const requests = graph('post', path, sent);
    await testClient().messages.sendCallPermissionRequestTemplate({
      to: '14085551234',
      template: { name: 'call_permission_ask', language: 'en' },
    });
    expect(requests[0]?.body).toMatchObject({
      template: { name: 'call_permission_ask', language: { code: 'en' } },
    });
    expect(requests[0]?.body).not.toHaveProperty('template.components');
  });
});

describe('messages.sendCallInvite', () => {
  it('sends the voice_call interactive with its button parameters', async () => {
    const requests = graph('post', path, sent);
    await testClient().messages.sendCallInvite({
      to: '14085551234',
      body: 'You can call us on WhatsApp now for faster service!',
      displayText: 'Call on WhatsApp',
      ttlMinutes: 100,
      payload: 'payload data',
    });
    expect(requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14085551234',
      type: 'interactive',
      interactive: {
        type: 'voice_call',
        body: { text: 'You can call us on WhatsApp now for faster service!' },
        action: {
          name: 'voice_call',
          parameters: {
            display_text: 'Call on WhatsApp',
            ttl_minutes: 100,
            payload: 'payload data',
          },
        },
      },
    });
  });

  it('refuses a long label, a ttl out of range, a long payload and a missing body', async () => {
    const error = await failure(() =>
      testClient().messages.sendCallInvite({
        to: '14085551234',
        body: '',
        displayText: 'Call us now on WhatsApp',
        ttlMinutes: 43_201,
        payload: 'p'.repeat(513),
      }),
    );
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'body',
      'displayText',
      'ttlMinutes',
      'payload',
    ]);
    expect(seen).toHaveLength(0);
  });
});

describe('messages.sendCallInviteTemplate', () => {
  it('sends the voice_call button component without an index', async () => {
    const requests = graph('post', path, sent);
    await testClient().messages.sendCallInviteTemplate({
      to: '14085551234',
      template: { name: 'call_us', language: 'pt_BR', bodyParameters: ['Ana'] },
      ttlMinutes: 1440,
      payload: 'ticket-42',
    });
    expect(requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '14085551234',
      type: 'template',
      template: {
        name: 'call_us',
        language: { code: 'pt_BR' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
          {
            type: 'button',
            sub_type: 'voice_call',
            parameters: [
              { type: 'ttl_minutes', ttl_minutes: 1440 },
              { type: 'payload', payload: 'ticket-42' },
            ],
          },
        ],
      },
    });
  });

  it('refuses a bad template reference and multi-line parameters', async () => {
    const error = await failure(() =>
      testClient().messages.sendCallInviteTemplate({
        to: '4085551234x',
        template: { name: 'Call Us!', language: 'English', bodyParameters: ['line one\nline two'] },
        ttlMinutes: 0,
      }),
    );
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'to',
      'template.name',
      'template.language',
      'template.bodyParameters[0]',
      'ttlMinutes',
    ]);
    expect(seen).toHaveLength(0);
  });
});
