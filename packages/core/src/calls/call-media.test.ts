// Recordings, transcripts and SIP calls in the lifecycle, from the shared webhook fixtures.
import { describe, expect, it } from 'vitest';
import { fixtureCast as cast, readFixture } from '../../test/fixtures/index';
import type { WebhookFixtureName } from '../../test/fixtures/index';
import { parseWebhook } from '../webhooks/parse-webhook';
import type { CallRecordingAvailableEvent } from '../webhooks/events';
import { applyCallEvent, hasDirection, isCallEvent, type CallEvent } from './apply-call-event';
import { stableKey } from './call-facts';
import { deriveCallActivities } from './derive-call-activities';
import { deriveCallRecord } from './derive-call-record';
import { factsOf, story } from '../../test/support/test-events';

function eventsOf(...names: WebhookFixtureName[]): CallEvent[] {
  return names.flatMap((name) => parseWebhook(readFixture(name)).events.filter(isCallEvent));
}

const recorded = eventsOf(
  'call-connect-incoming',
  'call-terminate-completed',
  'call-recording-available',
  'call-transcription-available',
);
const callId = cast.calls.incomingAnswered;

describe('recordings and transcripts', () => {
  it('keeps them on the record and adds one activity each, after the call ended', () => {
    const { record, activities } = story(recorded);
    expect(record.recording).toEqual({
      mediaId: '1290384756102938',
      mimeType: 'audio/ogg; codecs=opus',
    });
    expect(record.transcript).toEqual({ mediaId: '8837261540091827' });
    expect(activities.slice(-2)).toEqual([
      expect.objectContaining({
        id: `${callId}:recording:1290384756102938`,
        kind: 'call.recording_available',
        params: { mediaId: '1290384756102938', mimeType: 'audio/ogg; codecs=opus' },
        text: 'Call recording available',
        callId,
        customer: cast.ana.waId,
      }),
      expect.objectContaining({
        id: `${callId}:transcript:8837261540091827`,
        kind: 'call.transcript_available',
        params: { mediaId: '8837261540091827' },
        text: 'Call transcript available',
      }),
    ]);
  });

  it('gives the same record and activities in any order, delivered twice', () => {
    const expected = stableKey(story(recorded));
    const [connect, terminate, recording, transcript] = recorded;
    const orders = [
      [terminate, transcript, recording, connect],
      [connect, recording, terminate, transcript],
      [...recorded, ...recorded],
      [terminate, transcript, transcript, recording, connect],
    ];
    for (const order of orders) {
      const steps = order.filter((e): e is CallEvent => e !== undefined);
      expect(stableKey(story(steps))).toBe(expected);
      expect(deriveCallRecord(factsOf(steps)).recording?.mediaId).toBe('1290384756102938');
    }
  });

  it('keeps a file of a call not seen yet, to be shown once the call tells its direction', () => {
    const [connected, ended, recording] = recorded;
    if (!connected || !ended || !recording) throw new Error('fixtures changed');
    const early = applyCallEvent(undefined, recording);
    expect(hasDirection(early)).toBe(false);
    const late = applyCallEvent(applyCallEvent(early, connected), ended);
    const inOrder = applyCallEvent(
      applyCallEvent(applyCallEvent(undefined, connected), ended),
      recording,
    );
    expect(late).toEqual(inOrder);
    expect(hasDirection(late)).toBe(true);
  });

  it('keeps each of several recordings, the record pointing at the latest', () => {
    const first = recorded[2] as CallRecordingAvailableEvent;
    const second: CallRecordingAvailableEvent = {
      ...first,
      timestamp: first.timestamp + 60_000,
      media: { ...first.media, id: '1290384756109999' },
    };
    const facts = factsOf([...recorded, second, first]);
    expect(deriveCallRecord(facts).recording?.mediaId).toBe('1290384756109999');
    const ids = deriveCallActivities(facts)
      .filter((a) => a.kind === 'call.recording_available')
      .map((a) => a.id);
    expect(ids).toEqual([
      `${callId}:recording:1290384756102938`,
      `${callId}:recording:1290384756109999`,
    ]);
  });

  it('leaves facts without media exactly as they were', () => {
    const facts = factsOf(recorded.slice(0, 2));
    expect('media' in facts).toBe(false);
    expect(deriveCallRecord(facts)).not.toHaveProperty('recording');
  });
});

describe('SIP calls', () => {
  it('treats call_created like a connect without SDP: ringing, then the terminate ends it', () => {
    const [created, terminate] = eventsOf(
      'call-created-sip-outgoing',
      'call-terminate-sip-outgoing',
    );
    if (!created || !terminate) throw new Error('fixtures changed');
    const ringing = deriveCallRecord(applyCallEvent(undefined, created));
    expect(ringing).toMatchObject({
      callId: cast.calls.sipOutgoing,
      direction: 'business_initiated',
      createdAt: created.timestamp,
      customer: { waId: cast.ana.waId, userId: cast.ana.userId, name: cast.ana.name },
      bizOpaqueCallbackData: 'ticket:48290;agent:7',
    });
    expect(ringing.endedAt).toBeUndefined();
    const { record } = story([terminate, created]);
    expect(record).toMatchObject({
      status: 'completed',
      durationSeconds: 92,
      outcome: 'completed',
    });
  });

  it('reads an incoming SIP call as user-initiated, with the caller as customer', () => {
    const [created] = eventsOf('call-created-sip');
    if (!created) throw new Error('fixture changed');
    expect(deriveCallRecord(applyCallEvent(undefined, created))).toMatchObject({
      direction: 'user_initiated',
      status: 'ringing',
      customer: { waId: cast.ana.waId, userId: cast.ana.userId },
    });
  });
});
