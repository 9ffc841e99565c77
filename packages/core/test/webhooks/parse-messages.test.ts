import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../src/index';
import type { WebhookEvent } from '../../src/index';
import {
  fixtureCast as cast,
  firstValue,
  loadFixture,
  readFixture,
  setAt,
  type WebhookFixtureName,
} from '../fixtures';

function only<T extends WebhookEvent['type']>(name: WebhookFixtureName, type: T) {
  const { events, issues } = parseWebhook(readFixture(name));
  expect(issues).toEqual([]);
  expect(events).toHaveLength(1);
  expect(events[0]?.type).toBe(type);
  return events[0] as Extract<WebhookEvent, { type: T }>;
}

const week = 604800 * 1000;

describe('permission.reply', () => {
  it('reads a temporary grant with a string expiry', () => {
    const event = only('permission-reply-temporary', 'permission.reply');
    expect(event).toMatchObject({
      wabaId: cast.wabaId,
      phoneNumberId: cast.phoneNumberId,
      from: cast.ana.waId,
      fromUserId: cast.ana.userId,
      response: 'accept',
      permanent: false,
      source: 'user_action',
      contextId: cast.permissionRequestId,
      contact: expect.objectContaining({ name: cast.ana.name }),
    });
    expect(event.expiresAt).toBe(event.timestamp + week);
    expect(event.messageId.startsWith('wamid.')).toBe(true);
  });

  it('reads the same expiry given as an integer', () => {
    const event = only('permission-reply-temporary-expiry-int', 'permission.reply');
    expect(event.expiresAt).toBe(event.timestamp + week);
  });

  it('reads an expiry given as seconds from now, and defaults a missing source to user_action', () => {
    const event = only('permission-reply-relative-expiry', 'permission.reply');
    expect(event.expiresAt).toBe(event.timestamp + week);
    expect(event.source).toBe('user_action');
  });

  it('reads permanent grants, with and without a request to answer', () => {
    const fromRequest = only('permission-reply-permanent', 'permission.reply');
    expect(fromRequest).toMatchObject({
      permanent: true,
      expiresAt: undefined,
      contextId: cast.permissionRequestId,
    });
    const fromProfile = only('permission-reply-permanent-from-profile', 'permission.reply');
    expect(fromProfile).toMatchObject({
      permanent: true,
      response: 'accept',
      contextId: undefined,
    });
  });

  it('reads a decline', () => {
    expect(only('permission-reply-declined', 'permission.reply')).toMatchObject({
      response: 'reject',
      permanent: false,
      expiresAt: undefined,
      source: 'user_action',
    });
  });

  it('reads an automatic callback grant whose context is the call', () => {
    expect(only('permission-reply-automatic-callback', 'permission.reply')).toMatchObject({
      response: 'accept',
      source: 'automatic',
      contextId: cast.calls.incomingAnswered,
      permanent: false,
    });
  });

  it('reads an automatic revocation', () => {
    expect(only('permission-reply-automatic-revocation', 'permission.reply')).toMatchObject({
      response: 'reject',
      source: 'automatic',
      contextId: undefined,
    });
  });

  it('accepts is_permanent as a string and lowercases the enums', () => {
    const body = loadFixture('permission-reply-permanent');
    const reply = `${firstValue}.messages.0.interactive.call_permission_reply`;
    setAt(body, `${reply}.is_permanent`, 'true');
    setAt(body, `${reply}.response`, 'ACCEPT');
    setAt(body, `${reply}.response_source`, 'USER_ACTION');
    const [event] = parseWebhook(body).events;
    expect(event).toMatchObject({ permanent: true, response: 'accept', source: 'user_action' });
  });

  it('reports a permission reply without a response instead of passing it off as a message', () => {
    const body = loadFixture('permission-reply-declined');
    setAt(body, `${firstValue}.messages.0.interactive.call_permission_reply.response`, undefined);
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues[0]?.message).toContain('response');
  });
});

describe('message', () => {
  it('reads a text message with its body', () => {
    expect(only('message-text', 'message')).toMatchObject({
      from: cast.ana.waId,
      messageType: 'text',
      text: 'Hi, can someone call me about my invoice?',
      voicemailCallId: undefined,
      timestamp: (cast.t0 - 600) * 1000,
    });
  });

  it('decodes \\u escapes in a text message', () => {
    expect(only('message-text-unicode', 'message').text).toBe(
      'Olá! Pode me ligar às 15h? \u{1F4DE} Obrigada — Ana',
    );
  });

  it('recognises a voicemail by its wacid id', () => {
    const event = only('message-voicemail', 'message');
    expect(event).toMatchObject({
      messageType: 'audio',
      voicemailCallId: cast.calls.incomingMissed,
    });
  });

  it('passes any other message type through', () => {
    const event = only('message-image', 'message');
    expect(event).toMatchObject({
      messageType: 'image',
      text: undefined,
      voicemailCallId: undefined,
    });
    expect(event.raw).toMatchObject({ image: { caption: 'Screenshot of the error' } });
  });
});

describe('message.status', () => {
  it('reads the delivery status of a message we sent', () => {
    expect(only('message-status-delivered', 'message.status')).toMatchObject({
      messageId: cast.permissionRequestId,
      status: 'delivered',
      recipientId: cast.ana.waId,
      recipientUserId: cast.ana.userId,
      errors: [],
    });
  });

  it('reads a failed status with its errors', () => {
    const event = only('message-status-failed', 'message.status');
    expect(event.status).toBe('failed');
    expect(event.errors).toEqual([
      expect.objectContaining({ code: 131047, title: 'Re-engagement message' }),
    ]);
  });

  it('never confuses a call status with a message status', () => {
    const body = loadFixture('call-status-ringing');
    setAt(body, 'entry.0.changes.0.field', 'messages');
    const [event] = parseWebhook(body).events;
    expect(event).toMatchObject({
      type: 'call.status',
      status: 'ringing',
      callId: cast.calls.outgoingDropped,
    });
  });
});

describe('account.update', () => {
  it('reads a calling quality warning', () => {
    const event = only('account-update-calling-violation', 'account.update');
    expect(event).toMatchObject({
      wabaId: cast.wabaId,
      displayPhoneNumber: cast.displayPhoneNumber,
      event: 'account_violation',
      violationType: 'low_user_initiated_calling_quality',
      restrictions: [],
      timestamp: (cast.t0 + 300000) * 1000,
    });
    // account_update never names the phone number's Graph id.
    expect(event.phoneNumberId).toBeUndefined();
  });

  it('reads calling restrictions and their expiry', () => {
    const event = only('account-update-calling-restriction', 'account.update');
    const expiresAt = (cast.t0 + 400000 + 604800) * 1000;
    expect(event.restrictions).toEqual([
      { type: 'restricted_business_initiated_calling', expiresAt },
      { type: 'restricted_user_initiated_calling_call_button_hidden', expiresAt },
    ]);
  });

  it('keeps account events that are not about calling', () => {
    const body = loadFixture('account-update-calling-violation');
    setAt(body, `${firstValue}`, { event: 'ACCOUNT_OFFBOARDED' });
    expect(parseWebhook(body).events[0]).toMatchObject({
      type: 'account.update',
      event: 'account_offboarded',
    });
  });
});

describe('fields this version does not model', () => {
  it('keeps account_settings_update as an unknown event with its value', () => {
    const event = only('account-settings-update', 'unknown');
    expect(event).toMatchObject({
      field: 'account_settings_update',
      wabaId: cast.wabaId,
      timestamp: (cast.t0 + 500000) * 1000,
      value: { phone_number_settings: { calling: { status: 'ENABLED' } } },
    });
  });

  it('keeps a known field that carries none of the arrays it is read from', () => {
    const body = loadFixture('message-text');
    setAt(body, `${firstValue}.messages`, undefined);
    setAt(body, `${firstValue}.reactions`, [{ emoji: 'x' }]);
    expect(parseWebhook(body).events).toEqual([
      expect.objectContaining({
        type: 'unknown',
        field: 'messages',
        phoneNumberId: cast.phoneNumberId,
      }),
    ]);
  });
});
