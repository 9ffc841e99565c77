import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../src/index';
import type { WebhookEvent } from '../../src/index';
import {
  fixtureCast as cast,
  firstValue,
  getAt,
  loadFixture,
  readFixture,
  setAt,
  type WebhookFixtureName,
} from '../fixtures';

const t0 = cast.t0 * 1000;

function only<T extends WebhookEvent['type']>(name: WebhookFixtureName, type: T) {
  const { events, issues } = parseWebhook(readFixture(name));
  expect(issues).toEqual([]);
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event?.type).toBe(type);
  return event as Extract<WebhookEvent, { type: T }>;
}

const business = {
  wabaId: cast.wabaId,
  phoneNumberId: cast.phoneNumberId,
  displayPhoneNumber: cast.displayPhoneNumber,
};
const anaContact = {
  waId: cast.ana.waId,
  userId: cast.ana.userId,
  parentUserId: cast.ana.parentUserId,
  name: cast.ana.name,
};

describe('call.connect', () => {
  it('reads an incoming call with the SDP offer byte-exact', () => {
    const event = only('call-connect-incoming', 'call.connect');
    const rawItem = getAt(loadFixture('call-connect-incoming'), `${firstValue}.calls.0`);
    expect(event).toMatchObject({
      ...business,
      timestamp: t0,
      callId: cast.calls.incomingAnswered,
      direction: 'user_initiated',
      from: cast.ana.waId,
      to: cast.displayPhoneNumber,
      fromUserId: cast.ana.userId,
      ctaPayload: 'ticket-48213-billing',
      contact: anaContact,
    });
    expect(event.session.sdpType).toBe('offer');
    expect(event.session.sdp).toBe(getAt(rawItem, 'session.sdp'));
    expect(event.session.sdp.startsWith('v=0\r\no=- ')).toBe(true);
    expect(event.session.sdp.endsWith('\r\n')).toBe(true);
    expect(event.session.sdp).toContain('a=ice-lite\r\n');
    expect(event.raw).toEqual(rawItem);
  });

  it('infers the direction of an incoming call from the offer when Meta omits it', () => {
    const event = only('call-connect-incoming-no-direction', 'call.connect');
    expect(event.direction).toBe('user_initiated');
    expect(event.deeplinkPayload).toBe('order-99120');
    expect(event.callId).toBe(cast.calls.incomingMissed);
  });

  it('turns the empty phone of a username-only caller into undefined and keeps the BSUID', () => {
    const event = only('call-connect-incoming-username-only', 'call.connect');
    expect(event.from).toBeUndefined();
    expect(event.fromUserId).toBe(cast.lucas.userId);
    expect(event.contact).toEqual({
      waId: undefined,
      userId: cast.lucas.userId,
      parentUserId: undefined,
      name: cast.lucas.name,
      username: cast.lucas.username,
    });
  });

  it('reads an outgoing call with the SDP answer and the echoed callback data', () => {
    const event = only('call-connect-outgoing', 'call.connect');
    expect(event).toMatchObject({
      direction: 'business_initiated',
      from: cast.displayPhoneNumber,
      to: cast.ana.waId,
      toUserId: cast.ana.userId,
      bizOpaqueCallbackData: 'ticket:48213;agent:7',
      contact: anaContact,
      session: { sdpType: 'answer' },
    });
    expect(event.session.sdp).toContain('a=setup:passive\r\n');
  });

  it('reads the legacy connection.webrtc.sdp JSON string when session is missing', () => {
    const event = only('call-connect-outgoing-legacy-connection', 'call.connect');
    const outgoing = only('call-connect-outgoing', 'call.connect');
    expect(event.session).toEqual({ sdpType: 'answer', sdp: outgoing.session.sdp });
    expect(event.callId).toBe(cast.calls.outgoingRejected);
  });

  it('accepts a bare SDP string in the legacy field and infers its type from the direction', () => {
    const body = loadFixture('call-connect-outgoing-legacy-connection');
    const legacyPath = `${firstValue}.calls.0.connection.webrtc.sdp`;
    const sdp = getAt(JSON.parse(String(getAt(body, legacyPath))), 'sdp');
    setAt(body, legacyPath, sdp);
    const [event] = parseWebhook(body).events;
    expect(event).toMatchObject({ type: 'call.connect', session: { sdpType: 'answer', sdp } });
  });

  it('reports a connect without any SDP as an issue, not an event', () => {
    const body = loadFixture('call-connect-incoming');
    setAt(body, `${firstValue}.calls.0.session`, undefined);
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'entry[0].changes[0].value.calls[0]',
        message: expect.stringContaining('session'),
      }),
    ]);
  });

  it('reports an SDP type other than offer or answer', () => {
    const body = loadFixture('call-connect-incoming');
    setAt(body, `${firstValue}.calls.0.session.sdp_type`, 'pranswer');
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues[0]?.message).toBe('session.sdp_type: expected offer or answer');
  });

  it('infers the direction from the business number when both direction and sdp_type are missing', () => {
    const body = loadFixture('call-connect-outgoing');
    setAt(body, `${firstValue}.calls.0.direction`, undefined);
    setAt(body, `${firstValue}.calls.0.session.sdp_type`, undefined);
    const [event] = parseWebhook(body).events;
    expect(event).toMatchObject({
      direction: 'business_initiated',
      session: { sdpType: 'answer' },
    });
  });
});

describe('call.status', () => {
  it.each([
    ['call-status-ringing', 'ringing'],
    ['call-status-accepted', 'accepted'],
    ['call-status-rejected', 'rejected'],
  ] as const)('reads %s as a lowercase status', (name, status) => {
    const event = only(name, 'call.status');
    expect(event.status).toBe(status);
    expect(event.recipientId).toBe(cast.ana.waId);
    expect(event.wabaId).toBe(cast.wabaId);
  });

  it('keeps the callback data on status updates', () => {
    expect(only('call-status-ringing', 'call.status')).toMatchObject({
      callId: cast.calls.outgoingDropped,
      bizOpaqueCallbackData: 'ticket:48213;agent:7',
      timestamp: (cast.t0 + 86401) * 1000,
    });
  });

  it('turns an empty recipient_id into undefined and keeps recipient_user_id', () => {
    const event = only('call-status-ringing-username-only', 'call.status');
    expect(event.recipientId).toBeUndefined();
    expect(event.recipientUserId).toBe(cast.lucas.userId);
  });

  it('keeps a status value the docs do not list, lowercased', () => {
    expect(only('call-status-unknown-value', 'call.status').status).toBe('queued');
  });
});

describe('call.terminate', () => {
  it('reads an answered call: times in ms, duration in seconds, answered', () => {
    const event = only('call-terminate-completed', 'call.terminate');
    expect(event).toMatchObject({
      callId: cast.calls.incomingAnswered,
      direction: 'user_initiated',
      status: 'completed',
      startTime: (cast.t0 + 12) * 1000,
      endTime: (cast.t0 + 260) * 1000,
      durationSeconds: 248,
      answered: true,
      errors: [],
      ctaPayload: 'ticket-48213-billing',
      contact: anaContact,
    });
  });

  it('derives "not answered" from the missing timing fields, whatever the status says', () => {
    const missed = only('call-terminate-unanswered', 'call.terminate');
    expect(missed).toMatchObject({ status: 'completed', answered: false, startTime: undefined });
    const declined = only('call-terminate-outgoing-rejected', 'call.terminate');
    expect(declined).toMatchObject({
      status: 'completed',
      answered: false,
      direction: 'business_initiated',
    });
  });

  it('merges the error Meta repeats in calls[].errors and value.errors into one', () => {
    const event = only('call-terminate-failed-both-errors', 'call.terminate');
    expect(event.status).toBe('failed');
    expect(event.answered).toBe(true);
    expect(event.errors).toEqual([
      {
        code: 138021,
        title: 'Call ended due to no media',
        message: 'Call ended due to no media',
        details: 'The client did not receive media for an extended period of time.',
        href: undefined,
      },
    ]);
  });

  it('reads errors that only sit at value.errors, with their href', () => {
    const event = only('call-terminate-failed-value-errors', 'call.terminate');
    expect(event.errors).toEqual([
      expect.objectContaining({
        code: 138019,
        details: 'The WhatsApp client could not set up the call.',
        href: expect.stringContaining('/calling/troubleshooting'),
      }),
    ]);
    expect(event.answered).toBe(false);
  });

  it('keeps different errors of one call apart and fills missing fields from the twin', () => {
    const body = loadFixture('call-terminate-failed-both-errors');
    setAt(body, `${firstValue}.errors.0.href`, 'https://example.test/138021');
    setAt(body, `${firstValue}.errors.1`, { code: 138022, message: 'Client sent no media' });
    const [event] = parseWebhook(body).events;
    expect(event?.type === 'call.terminate' && event.errors.map((e) => [e.code, e.href])).toEqual([
      [138021, 'https://example.test/138021'],
      [138022, undefined],
    ]);
  });

  it('keeps an undocumented terminate status and an empty callee phone', () => {
    const event = only('call-terminate-status-rejected', 'call.terminate');
    expect(event).toMatchObject({ status: 'rejected', to: undefined, toUserId: cast.lucas.userId });
    expect(event.contact?.username).toBe(cast.lucas.username);
  });

  it('reports a malformed error but keeps the terminate', () => {
    const body = loadFixture('call-terminate-failed-value-errors');
    setAt(body, `${firstValue}.calls.0.errors`, [{ title: 'no code' }]);
    const { events, issues } = parseWebhook(body);
    expect(events[0]?.type).toBe('call.terminate');
    expect(issues).toEqual([
      expect.objectContaining({ path: 'entry[0].changes[0].value.calls[0].errors[0]' }),
    ]);
  });
});

describe('call media and events this version does not model', () => {
  it('names the user of a recording and finds the contact by either side', () => {
    const body = loadFixture('call-recording-available');
    setAt(body, `${firstValue}.contacts`, [
      { profile: { name: cast.ana.name, country_code: 'US' }, wa_id: cast.ana.waId },
      { profile: { name: 'Someone else' }, wa_id: '447700900123' },
    ]);
    const [event] = parseWebhook(body).events;
    expect(event).toMatchObject({
      type: 'call.recording_available',
      from: cast.ana.waId,
      fromUserId: cast.ana.userId,
      contact: { waId: cast.ana.waId, countryCode: 'US' },
    });
  });

  it('reads a recording', () => {
    const event = only('call-recording-available', 'call.recording_available');
    expect(event.callId).toBe(cast.calls.incomingAnswered);
    expect(event.media).toEqual({
      id: '1290384756102938',
      sha256: 'q1w8sYkP0pZ3mF2tB9rX7cVnJ4hL6eD5gA0uK8iO3yE=',
      mimeType: 'audio/ogg; codecs=opus',
      url: expect.stringContaining('mid=1290384756102938'),
    });
  });

  it('reads a transcription', () => {
    const event = only('call-transcription-available', 'call.transcription_available');
    expect(event.media).toMatchObject({ id: '8837261540091827', mimeType: 'application/json' });
  });

  it('keeps a calls[] event this version does not model as unknown, with the item as its value', () => {
    const body = loadFixture('call-recording-available');
    setAt(body, `${firstValue}.calls.0.event`, 'call_hold_started');
    const { events, issues } = parseWebhook(body);
    expect(issues).toEqual([]);
    expect(events[0]).toMatchObject({
      type: 'unknown',
      field: 'calls',
      value: getAt(body, `${firstValue}.calls.0`),
      phoneNumberId: cast.phoneNumberId,
      timestamp: 1767269110 * 1000,
    });
  });

  it('keeps a change that carries only value.errors as unknown', () => {
    const event = only('call-errors-only', 'unknown');
    expect(event.field).toBe('calls');
    expect(event.value).toMatchObject({ errors: [expect.objectContaining({ code: 131044 })] });
  });
});
