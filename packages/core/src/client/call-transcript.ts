import * as z from 'zod/mini';
import { toEpochMs } from './epoch';
import { issuesFor } from './validate';

/** One word, times in seconds from the start of the call (as Meta sends them). */
export interface TranscriptWord {
  word: string;
  start: number;
  end: number;
  confidence?: number;
  /** The language detected for this word, e.g. `en`. */
  lang?: string;
}

export type TranscriptSpeaker = 'business' | 'customer' | (string & {});

/** One stretch of speech by one side; times in seconds from the start of the call. */
export interface TranscriptSegment {
  id?: string;
  speaker: TranscriptSpeaker;
  /** The audio channel: 0 or 1. */
  channel?: number;
  start: number;
  end: number;
  text: string;
  confidence?: number;
  words: TranscriptWord[];
}

/** A call transcript: the JSON document behind a `call.transcription_available` media id. */
export interface CallTranscript {
  /** Detected; an unsupported language yields an empty transcript. */
  language?: string;
  durationSeconds?: number;
  confidence?: number;
  /** The whole text, e.g. `[Business] Hello … [Customer] Hi …`; `''` when empty. */
  text: string;
  /** When Meta produced it, epoch ms. */
  processedAt?: number;
  segments: TranscriptSegment[];
}

const num = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^-?\d+(\.\d+)?$/))]),
  z.transform(Number),
);
const optionalNum = z.optional(z.nullable(num));
const optionalText = z.optional(z.nullable(z.string()));
const Word = z.looseObject({
  word: z.string(),
  start: num,
  end: num,
  confidence: optionalNum,
  lang: optionalText,
});
const Segment = z.looseObject({
  id: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  speaker: z.string(),
  channel: optionalNum,
  start: num,
  end: num,
  text: optionalText,
  confidence: optionalNum,
  words: z.optional(z.nullable(z.array(Word))),
});
const Document = z.looseObject({
  metadata: z.optional(
    z.nullable(z.looseObject({ processed_at: z.optional(z.union([z.string(), z.number()])) })),
  ),
  transcript: z.optional(
    z.nullable(
      z.looseObject({
        text: optionalText,
        language: optionalText,
        duration: optionalNum,
        confidence: optionalNum,
        segments: z.optional(z.nullable(z.array(Segment))),
      }),
    ),
  ),
});

/**
 * Reads the transcript document of a call (the JSON text or the parsed object). Tolerates missing
 * optional parts and an empty transcript; throws `WacallValidationError` on anything else.
 * @example const transcript = parseCallTranscript(new TextDecoder().decode(download.data));
 */
export function parseCallTranscript(json: string | object): CallTranscript {
  const issues = issuesFor('parseCallTranscript');
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch {
      issues.add('json', 'is not JSON.', 'Pass the downloaded transcript document as text.');
      issues.throwIfAny();
    }
  }
  const parsed = Document.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'document';
      issues.add(
        path,
        'expected' in issue ? `expected ${String(issue.expected)}.` : `${issue.message}.`,
        'Pass the JSON of a call_transcription_available media file (client.media.download).',
      );
    }
    issues.throwIfAny();
  }
  const doc = (parsed.data ?? {}) as z.infer<typeof Document>;
  const t = doc.transcript ?? {};
  const out: CallTranscript = { text: t.text ?? '', segments: (t.segments ?? []).map(toSegment) };
  if (t.language) out.language = t.language;
  if (t.duration != null) out.durationSeconds = t.duration;
  if (t.confidence != null) out.confidence = t.confidence;
  const processedAt = readTime(doc.metadata?.processed_at);
  if (processedAt !== undefined) out.processedAt = processedAt;
  return out;
}

function toSegment(segment: z.infer<typeof Segment>): TranscriptSegment {
  const out: TranscriptSegment = {
    speaker: segment.speaker.toLowerCase(),
    start: segment.start,
    end: segment.end,
    text: segment.text ?? '',
    words: (segment.words ?? []).map((w) => {
      const word: TranscriptWord = { word: w.word, start: w.start, end: w.end };
      if (w.confidence != null) word.confidence = w.confidence;
      if (w.lang) word.lang = w.lang;
      return word;
    }),
  };
  if (segment.id != null) out.id = String(segment.id);
  if (segment.channel != null) out.channel = segment.channel;
  if (segment.confidence != null) out.confidence = segment.confidence;
  return out;
}

/** `processed_at`: Unix seconds, milliseconds, or an ISO date; anything else is left out. */
function readTime(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' || /^\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? toEpochMs(n) : undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
