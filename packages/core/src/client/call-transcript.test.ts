import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { parseCallTranscript } from './call-transcript';

const document = {
  metadata: {
    processed_at: '1767269170',
    audio: { duration: 248.4, sample_rate: 16000, channels: 2, audio_format: 'ogg' },
  },
  transcript: {
    text: '[Business] Hello, this is Priya. [Customer] Hi, my invoice is wrong.',
    language: 'en_US',
    duration: 248.4,
    confidence: 0.93,
    segments: [
      {
        id: 0,
        speaker: 'Business',
        channel: 0,
        start: 0.4,
        end: 2.1,
        text: 'Hello, this is Priya.',
        confidence: 0.97,
        words: [
          { word: 'Hello,', start: 0.4, end: 0.8, confidence: 0.99, lang: 'en' },
          { word: 'this', start: 0.9, end: 1.1, confidence: 0.98, lang: 'en' },
        ],
      },
      {
        id: 1,
        speaker: 'Customer',
        channel: 1,
        start: 2.6,
        end: 4.9,
        text: 'Hi, my invoice is wrong.',
        confidence: 0.89,
      },
    ],
  },
};

describe('parseCallTranscript', () => {
  it('reads speakers, channels, times in seconds from the call start, and words', () => {
    const transcript = parseCallTranscript(JSON.stringify(document));
    expect(transcript).toEqual({
      language: 'en_US',
      durationSeconds: 248.4,
      confidence: 0.93,
      text: document.transcript.text,
      processedAt: 1767269170000,
      segments: [
        {
          id: '0',
          speaker: 'business',
          channel: 0,
          start: 0.4,
          end: 2.1,
          text: 'Hello, this is Priya.',
          confidence: 0.97,
          words: [
            { word: 'Hello,', start: 0.4, end: 0.8, confidence: 0.99, lang: 'en' },
            { word: 'this', start: 0.9, end: 1.1, confidence: 0.98, lang: 'en' },
          ],
        },
        {
          id: '1',
          speaker: 'customer',
          channel: 1,
          start: 2.6,
          end: 4.9,
          text: 'Hi, my invoice is wrong.',
          confidence: 0.89,
          words: [],
        },
      ],
    });
  });

  it('takes a parsed object just the same', () => {
    expect(parseCallTranscript(document)).toEqual(parseCallTranscript(JSON.stringify(document)));
  });

  it.each([
    [
      'an empty transcript (unsupported language)',
      { metadata: {}, transcript: { text: '', segments: [] } },
    ],
    ['no transcript at all', { metadata: { processed_at: 'not a date' } }],
    ['an empty object', {}],
  ])('reads %s as no text and no segments', (_, value) => {
    expect(parseCallTranscript(value)).toEqual({ text: '', segments: [] });
  });

  it('refuses text that is not JSON, saying what to pass', () => {
    let error: unknown;
    try {
      parseCallTranscript('<html>expired</html>');
    } catch (caught) {
      error = caught;
    }
    expect(isWacallValidationError(error) && error.issues[0]).toMatchObject({
      path: 'json',
      fix: 'Pass the downloaded transcript document as text.',
    });
  });

  it('refuses a segment without its times, naming where', () => {
    const broken = { transcript: { segments: [{ speaker: 'Business', text: 'Hi' }] } };
    let error: unknown;
    try {
      parseCallTranscript(broken);
    } catch (caught) {
      error = caught;
    }
    expect(isWacallValidationError(error)).toBe(true);
    if (!isWacallValidationError(error)) return;
    expect(error.issues.map((i) => i.path)).toEqual([
      'transcript.segments.0.start',
      'transcript.segments.0.end',
    ]);
  });
});
