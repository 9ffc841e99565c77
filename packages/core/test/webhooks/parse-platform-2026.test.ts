// The shapes real traffic and Meta's newer samples send (Meta's "Calling API reference", "SIP",
// "Call recording" and "Call transcription" pages, May–June 2026; Graph API changelog).
import { describe, expect, it } from 'vitest';
import { eventKey, parseWebhook } from '../../src/index';
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

const lucasContact = {
  waId: undefined,
  userId: cast.lucas.userId,
  parentUserId: cast.lucas.parentUserId,
  name: undefined,
  username: cast.lucas.username,
  countryCode: 'BR',
};

describe('permission reply without a message type', () => {
  it('is still a call permission reply, recognised by interactive.type', () => {
    const event = only('permission-reply-automatic-callback-no-type', 'permission.reply');
    expect(event).toMatchObject({
      response: 'accept',
      permanent: false,
      source: 'automatic',
      contextId: cast.calls.incomingAnswered,
      from: cast.ana.waId,
      expiresAt: 1767874006 * 1000,
    });
  });

  it('reports another message without a type as an issue, not an event', () => {
    const body = loadFixture('message-text');
    setAt(body, `${firstValue}.messages.0.type`, undefined);
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'entry[0].changes[0].value.messages[0]',
        message: 'type: missing (and not a call permission reply)',
      }),
    ]);
  });
});

describe('business-scoped user ids on every call webhook', () => {
  it('reads an outgoing connect placed by BSUID to a username-only profile', () => {
    const event = only('call-connect-outgoing-bsuid', 'call.connect');
    expect(event).toMatchObject({
      callId: cast.calls.outgoingBsuidFailed,
      direction: 'business_initiated',
      from: cast.displayPhoneNumber,
      to: undefined,
      toUserId: cast.lucas.userId,
      toParentUserId: cast.lucas.parentUserId,
    });
    expect(event.session.sdpType).toBe('answer');
    expect(event.contact).toEqual(lucasContact);
  });

  it('reads the parent id under the user-id pages spelling, and lowercases a mixed-case status', () => {
    const event = only('call-status-ringing-parent-spelling', 'call.status');
    expect(event).toMatchObject({
      status: 'ringing',
      recipientId: undefined,
      recipientUserId: cast.lucas.userId,
      recipientParentUserId: cast.lucas.parentUserId,
      contact: lucasContact,
    });
  });

  it('reads the parent id under the calling reference spelling, with the contacts of the status', () => {
    const event = only('call-status-accepted-parent-ids', 'call.status');
    expect(event).toMatchObject({
      status: 'accepted',
      recipientParentUserId: cast.lucas.parentUserId,
      contact: lucasContact,
    });
  });

  it('reads from_ and to_ parent ids under both spellings on every call event', () => {
    for (const [key, field] of [
      ['from_parent_user_id', 'fromParentUserId'],
      ['parent_from_user_id', 'fromParentUserId'],
      ['to_parent_user_id', 'toParentUserId'],
      ['parent_to_user_id', 'toParentUserId'],
    ] as const) {
      for (const name of [
        'call-connect-incoming',
        'call-terminate-completed',
        'call-recording-available',
        'call-transcription-available',
      ] as const) {
        const body = loadFixture(name);
        const item = `${firstValue}.calls.0`;
        for (const spelling of ['from_parent_user_id', 'parent_from_user_id'])
          setAt(body, `${item}.${spelling}`, undefined);
        setAt(body, `${item}.${key}`, 'US.ENT.1');
        const [event] = parseWebhook(body).events;
        expect(event, `${name} ${key}`).toMatchObject({ [field]: 'US.ENT.1' });
      }
    }
  });

  it('keeps the country code of a contact and leaves a missing name out', () => {
    const event = only('call-created-sip-outgoing', 'call.created');
    expect(event.contact).toEqual({
      waId: cast.ana.waId,
      userId: cast.ana.userId,
      parentUserId: cast.ana.parentUserId,
      name: cast.ana.name,
      username: undefined,
      countryCode: 'US',
    });
  });

  it('finds the user whichever field holds the business number in an outgoing call', () => {
    // Pages disagree on which side is `from`; the user is the side that is not the business.
    const body = loadFixture('call-connect-outgoing');
    setAt(body, `${firstValue}.calls.0.from`, cast.ana.waId);
    setAt(body, `${firstValue}.calls.0.to`, cast.displayPhoneNumber);
    setAt(body, `${firstValue}.contacts`, [
      { profile: { name: 'Someone else' }, wa_id: '447700900123' },
      { profile: { name: cast.ana.name }, wa_id: cast.ana.waId },
    ]);
    const [event] = parseWebhook(body).events;
    expect(event).toMatchObject({
      type: 'call.connect',
      direction: 'business_initiated',
      contact: { waId: cast.ana.waId, name: cast.ana.name },
    });
  });
});

describe('terminate errors in several shapes', () => {
  it('reads errors with only code and title, merged with their href twin, from a "Failed" call', () => {
    const event = only('call-terminate-failed-code-title-only', 'call.terminate');
    expect(event).toMatchObject({
      status: 'failed',
      answered: true,
      durationSeconds: 65,
      toUserId: cast.lucas.userId,
      toParentUserId: cast.lucas.parentUserId,
      contact: lucasContact,
    });
    expect(event.errors).toEqual([
      {
        code: 138021,
        title: 'Call ended due to no media',
        message: undefined,
        details: undefined,
        href: expect.stringContaining('/calling/troubleshooting'),
      },
    ]);
  });

  it('keeps an error that carries only its code', () => {
    const body = loadFixture('call-terminate-failed-code-title-only');
    setAt(body, `${firstValue}.errors`, undefined);
    setAt(body, `${firstValue}.calls.0.errors`, [{ code: '138002' }]);
    const [event] = parseWebhook(body).events;
    expect(event).toMatchObject({ type: 'call.terminate', errors: [{ code: 138002 }] });
  });
});

describe('call.created (SIP)', () => {
  it('is a typed event: ids, parties, direction and time, without SDP', () => {
    const event = only('call-created-sip', 'call.created');
    expect(event).toMatchObject({
      wabaId: cast.wabaId,
      phoneNumberId: cast.phoneNumberId,
      callId: cast.calls.sipIncoming,
      direction: 'user_initiated',
      from: cast.ana.waId,
      to: cast.displayPhoneNumber,
      fromUserId: cast.ana.userId,
      fromParentUserId: cast.ana.parentUserId,
      timestamp: (cast.t0 + 200000) * 1000,
      contact: { waId: cast.ana.waId, countryCode: 'US' },
    });
    expect('session' in event).toBe(false);
    expect(eventKey(event)).toBe(`call:${cast.calls.sipIncoming}:created`);
  });

  it('reads an outgoing one with its callback data and the parent id spelled parent_to_user_id', () => {
    const event = only('call-created-sip-outgoing', 'call.created');
    expect(event).toMatchObject({
      callId: cast.calls.sipOutgoing,
      direction: 'business_initiated',
      toUserId: cast.ana.userId,
      toParentUserId: cast.ana.parentUserId,
      bizOpaqueCallbackData: 'ticket:48290;agent:7',
    });
  });

  it('infers a missing direction from the business number, and reports one it cannot infer', () => {
    const body = loadFixture('call-created-sip-outgoing');
    setAt(body, `${firstValue}.calls.0.direction`, undefined);
    expect(parseWebhook(body).events[0]).toMatchObject({ direction: 'business_initiated' });
    setAt(body, `${firstValue}.calls.0.from`, '');
    setAt(body, `${firstValue}.calls.0.to`, '');
    setAt(body, `${firstValue}.calls.0.to_user_id`, undefined);
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues[0]?.message).toMatch(/^direction: expected USER_INITIATED or BUSINESS_INITIATED/);
  });
});
