import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { isCallLifecycleError } from '../calls/call-lifecycle-error';
import { connect, terminate } from '../../test/support/test-events';
import { failure, graph, server, useGraphServer } from '../../test/support/test-graph';
import type { CallMedia, CallRecordingAvailableEvent, WebhookEvent } from '../webhooks/events';
import { at, harness } from '../../test/support/facade-test-kit';

useGraphServer();

const CALL = 'wacid.media-1';
const FILE_HOST = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/';

function mediaEvent(
  type: 'call.recording_available' | 'call.transcription_available',
  media: CallMedia,
  seconds: number,
): WebhookEvent {
  const event: CallRecordingAvailableEvent = {
    type: 'call.recording_available',
    wabaId: '102290129340398',
    phoneNumberId: '106540352242922',
    timestamp: at(seconds),
    raw: {},
    callId: CALL,
    media,
  };
  return type === 'call.recording_available' ? event : { ...event, type };
}

/** Graph answers the media id with a fresh url, and the url with `body`. */
function serveMedia(id: string, mimeType: string, body: BodyInit): void {
  graph('get', id, {
    url: `${FILE_HOST}?mid=${id}`,
    mime_type: mimeType,
    sha256: 'h',
    file_size: 3,
  });
  server.use(
    http.get(FILE_HOST, ({ request }) =>
      new URL(request.url).searchParams.get('mid') === id
        ? new HttpResponse(body, { headers: { 'content-type': mimeType } })
        : new HttpResponse(null, { status: 404 }),
    ),
  );
}

const recording: CallMedia = {
  id: '5550001',
  sha256: 'h',
  mimeType: 'audio/ogg; codecs=opus',
  url: 'x',
};
const transcriptMedia: CallMedia = {
  id: '5550002',
  sha256: 'h',
  mimeType: 'application/json',
  url: 'x',
};

describe('getRecording / getTranscript', () => {
  it('download the files the call record points at', async () => {
    const { wacall, emitted } = harness();
    await wacall.ingest([
      connect(CALL, 'user_initiated', 0),
      terminate(CALL, 'user_initiated', 90, { start: 5 }),
      mediaEvent('call.recording_available', recording, 130),
      mediaEvent('call.transcription_available', transcriptMedia, 140),
    ]);
    expect(emitted.activities.map((a) => a.kind).slice(-2)).toEqual([
      'call.recording_available',
      'call.transcript_available',
    ]);
    serveMedia(recording.id, recording.mimeType, new Uint8Array([0x4f, 0x67, 0x67]));
    const file = await wacall.getRecording(CALL);
    expect(file.mediaId).toBe(recording.id);
    expect(file.mimeType).toBe('audio/ogg; codecs=opus');
    expect([...new Uint8Array(file.data)]).toEqual([0x4f, 0x67, 0x67]);

    serveMedia(
      transcriptMedia.id,
      'application/json',
      JSON.stringify({ transcript: { text: '[Customer] Hi', segments: [] } }),
    );
    expect(await wacall.getTranscript(CALL)).toEqual({ text: '[Customer] Hi', segments: [] });
  });

  it('keep a recording that arrives before its call, and show it once the call is known', async () => {
    const { wacall } = harness();
    const early = mediaEvent('call.recording_available', recording, 130);
    expect(await wacall.ingest([early])).toEqual({ applied: 1, duplicates: 0, ignored: 0 });
    expect(await wacall.getCall(CALL)).toBeUndefined();
    await wacall.ingest([
      connect(CALL, 'user_initiated', 0),
      terminate(CALL, 'user_initiated', 90, { start: 5 }),
    ]);
    expect((await wacall.getCall(CALL))?.recording?.mediaId).toBe(recording.id);
    expect(await wacall.ingest([early])).toEqual({ applied: 0, duplicates: 1, ignored: 0 });
  });

  it('say when a call has no recording yet, and how to get one', async () => {
    const { wacall } = harness();
    await wacall.ingest([connect(CALL, 'user_initiated', 0)]);
    const error = await failure(() => wacall.getRecording(CALL));
    expect(isCallLifecycleError(error) && error.code).toBe('media_not_available');
    expect(String(error)).toContain('recording enabled');
    const unknown = await failure(() => wacall.getTranscript('wacid.never-seen'));
    expect(isCallLifecycleError(unknown) && unknown.code).toBe('unknown_call');
  });
});
