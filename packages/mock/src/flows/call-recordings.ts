/**
 * Recordings and transcripts of calls placed or accepted with them on: made when the call ends,
 * announced by webhook, kept for `GET /{media-id}` and the download of its bytes (Meta "Call recording" page, 2026-05-31).
 */
import { createHash } from 'node:crypto';
import { oggOpusTone } from '../media/ogg-opus';
import type { CallState, StoredMedia } from '../world/state';
import type { World } from '../world/world';
import { callMediaUpdate, type WebhookUpdate } from '../webhooks/payloads';

/** Where recordings are kept, and what naming and dating them reads. */
export type RecordingContext = Pick<World, 'mediaFiles' | 'random' | 'clock'>;

// The longest recording the simulator makes: enough to play back, small enough to keep in memory.
const MAX_RECORDING_SECONDS = 10;

/**
 * The media webhooks of a call that just ended; only calls someone picked up have anything to
 * record. Meta sends them within a minute of the hang-up; the simulator sends them right after the
 * terminate. Their `url` is Meta-shaped, like Meta's short-lived; `GET /{media-id}` gives a served one.
 */
export function callMediaUpdates(context: RecordingContext, call: CallState): WebhookUpdate[] {
  if (call.answeredAt === undefined || call.endedAt === undefined) return [];
  const seconds = Math.max(1, Math.round((call.endedAt - call.answeredAt) / 1000));
  const updates: WebhookUpdate[] = [];
  if (call.recording) {
    const bytes = oggOpusTone(
      Math.min(seconds, MAX_RECORDING_SECONDS),
      context.mediaFiles.size + 1,
    );
    const file = store(context, call, 'audio/ogg; codecs=opus', bytes);
    updates.push(callMediaUpdate(call, 'recording', describe(file), call.endedAt));
  }
  if (call.transcription) {
    const document = transcriptDocument(call, seconds, call.transcription.language);
    const bytes = new TextEncoder().encode(JSON.stringify(document));
    const file = store(context, call, 'application/json', bytes);
    updates.push(callMediaUpdate(call, 'transcription', describe(file), call.endedAt));
  }
  return updates;
}

function store(
  context: RecordingContext,
  call: CallState,
  mimeType: string,
  bytes: Uint8Array,
): StoredMedia {
  const file: StoredMedia = {
    id: context.random.digits(16),
    callId: call.id,
    mimeType,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('base64'),
    createdAt: call.endedAt ?? context.clock.now(),
  };
  context.mediaFiles.set(file.id, file);
  return file;
}

function describe(file: StoredMedia) {
  return {
    id: file.id,
    sha256: file.sha256,
    mimeType: file.mimeType,
    url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${file.id}&source=wacall-mock`,
  };
}

/** What a transcript of this simulated call says: a short, scripted exchange in Meta's document shape. */
function transcriptDocument(call: CallState, seconds: number, language: string) {
  const incoming = call.direction === 'USER_INITIATED';
  const lines: ['Business' | 'Customer', string][] = incoming
    ? [
        ['Customer', 'Hi, I have a question about my order.'],
        ['Business', 'Of course, I can help with that.'],
      ]
    : [
        ['Business', 'Hello, this is a callback about your request.'],
        ['Customer', 'Thanks for calling back.'],
      ];
  const slot = seconds / lines.length;
  const segments = lines.map(([speaker, text], index) => {
    const start = round(index * slot);
    const end = round((index + 1) * slot);
    const words = text.split(' ');
    const step = (end - start) / words.length;
    return {
      id: index,
      speaker,
      channel: speaker === 'Business' ? 0 : 1,
      start,
      end,
      text,
      confidence: 0.94,
      words: words.map((word, i) => ({
        word,
        start: round(start + i * step),
        end: round(start + (i + 1) * step),
        confidence: 0.94,
        lang: language.split('_')[0],
      })),
    };
  });
  return {
    metadata: {
      processed_at: String(Math.floor((call.endedAt ?? 0) / 1000)),
      audio: { duration: seconds, sample_rate: 16000, channels: 2, audio_format: 'ogg' },
    },
    transcript: {
      text: lines.map(([speaker, text]) => `[${speaker}] ${text}`).join(' '),
      language,
      duration: seconds,
      confidence: 0.94,
      segments,
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
