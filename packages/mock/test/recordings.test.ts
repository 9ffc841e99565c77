import { parseWebhook } from '@wacall/core';
import { describe, expect, it } from 'vitest';
import { createCloudApiSimulator } from '../src/index';
import { oggOpusTone } from '../src/media/ogg-opus';
import {
  answer,
  appSecret,
  callAction,
  connect,
  customerWaId,
  graph,
  graphError,
  grantedCustomer,
  items,
  token,
} from './helpers';

const start = Date.UTC(2026, 0, 5, 12, 0, 0);
const optIn = { status: 'ENABLED', purpose: 'Quality assurance', announcement_language: 'en_US' };

function setup() {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 11 });
}

/** An outgoing call placed with `extra` opt-ins, answered, talked for `seconds`, hung up. */
async function recordedCall(extra: Record<string, unknown>, seconds = 42) {
  const simulator = setup();
  const customer = await grantedCustomer(simulator);
  const placed = await connect(simulator, customerWaId, extra);
  const callId = (placed.body['calls'] as { id: string }[])[0]?.id ?? '';
  await customer.answer(callId);
  await simulator.advanceTime(seconds * 1000);
  await customer.hangUp(callId);
  return { simulator, callId };
}

/** GET the bytes a media id's fresh url points at, as `client.media.download` does. */
async function download(simulator: ReturnType<typeof setup>, mediaId: string) {
  const info = await graph(simulator, 'GET', mediaId);
  const response = await simulator.fetch(String(info.body['url']), {
    headers: { authorization: `Bearer ${token}` },
  });
  return { info: info.body, response };
}

describe('recordings and transcripts', () => {
  it('announces a recording after the terminate, and serves its OGG/Opus bytes', async () => {
    const { simulator, callId } = await recordedCall({ recording: optIn });
    const calls = items(simulator, 'calls');
    expect(calls.map((c) => c['event'])).toEqual([
      'connect',
      'terminate',
      'call_recording_available',
    ]);
    const item = calls[2] as { call_recording: { audio: Record<string, string> } };
    expect(item).toMatchObject({ id: callId, from: customerWaId });
    const audio = item.call_recording.audio;
    expect(audio['mime_type']).toBe('audio/ogg; codecs=opus');

    const { info, response } = await download(simulator, audio['id'] ?? '');
    expect(info).toMatchObject({
      id: audio['id'],
      mime_type: 'audio/ogg; codecs=opus',
      sha256: audio['sha256'],
    });
    expect(String(info['url'])).toBe(`https://graph.facebook.com/v23.0/${audio['id']}/content`);
    expect(response.headers.get('content-type')).toBe('audio/ogg; codecs=opus');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(info['file_size']);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('OggS');
    expect(new TextDecoder().decode(bytes.slice(28, 36))).toBe('OpusHead');
  });

  it('writes a transcript document the core parser reads, in the announced language', async () => {
    const { simulator } = await recordedCall({
      recording: optIn,
      transcription: { ...optIn, announcement_language: 'es' },
    });
    const { events, issues } = parseWebhook(simulator.webhooks.at(-1)?.body ?? '');
    expect(issues).toEqual([]);
    const media = events.flatMap((e) =>
      e.type === 'call.transcription_available' ? [e.media] : [],
    )[0];
    expect(media?.mimeType).toBe('application/json');
    const { response } = await download(simulator, media?.id ?? '');
    const document = (await response.json()) as {
      transcript: {
        language: string;
        duration: number;
        segments: { speaker: string; start: number; end: number }[];
      };
    };
    expect(document.transcript.language).toBe('es');
    expect(document.transcript.duration).toBe(42);
    expect(document.transcript.segments.map((s) => s.speaker)).toEqual(['Business', 'Customer']);
    expect(document.transcript.segments.at(-1)?.end).toBe(42);
  });

  it('makes nothing for calls without opt-in, or never answered', async () => {
    const plain = await recordedCall({});
    expect(items(plain.simulator, 'calls').map((c) => c['event'])).toEqual([
      'connect',
      'terminate',
    ]);
    const simulator = setup();
    await grantedCustomer(simulator);
    const placed = await connect(simulator, customerWaId, { recording: optIn });
    const callId = (placed.body['calls'] as { id: string }[])[0]?.id;
    await callAction(simulator, { call_id: callId, action: 'terminate' });
    expect(items(simulator, 'calls').map((c) => c['event'])).toEqual(['connect', 'terminate']);
  });

  it('records an incoming call accepted with recording on', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    const callId = await customer.call();
    const session = { sdp_type: 'answer', sdp: answer };
    await callAction(simulator, { call_id: callId, action: 'accept', session, recording: optIn });
    await simulator.advanceTime(5000);
    await customer.hangUp(callId);
    expect(items(simulator, 'calls').at(-1)).toMatchObject({ event: 'call_recording_available' });
  });

  it('refuses an announcement language Meta does not support', async () => {
    const simulator = setup();
    await grantedCustomer(simulator);
    const reply = await connect(simulator, customerWaId, {
      recording: { ...optIn, announcement_language: 'xx_XX' },
    });
    expect(reply.status).toBe(400);
    expect(String((graphError(reply)['error_data'] as { details: string }).details)).toContain(
      'announcement_language "xx_XX" is not supported',
    );
  });

  it('answers an unknown media id, or one past its 7 days, with Graph’s does-not-exist error', async () => {
    const { simulator, callId } = await recordedCall({ recording: optIn });
    expect(callId).toMatch(/^wacid\./);
    expect((await graph(simulator, 'GET', '999999999')).status).toBe(400);
    const item = items(simulator, 'calls').at(-1) as { call_recording: { audio: { id: string } } };
    await simulator.advanceTime(8 * 24 * 60 * 60 * 1000);
    const reply = await graph(simulator, 'GET', item.call_recording.audio.id);
    expect(graphError(reply)['code']).toBe(100);
  });
});

describe('oggOpusTone', () => {
  it('builds Ogg pages with valid CRCs, a BOS and an EOS page, and the right duration', () => {
    const bytes = oggOpusTone(3, 7);
    const pages: { flags: number; granule: bigint }[] = [];
    const view = new DataView(bytes.buffer);
    for (let at = 0; at < bytes.length;) {
      expect(new TextDecoder().decode(bytes.slice(at, at + 4))).toBe('OggS');
      const segments = bytes[at + 26] ?? 0;
      const bodyLength = [...bytes.slice(at + 27, at + 27 + segments)].reduce((a, b) => a + b, 0);
      const length = 27 + segments + bodyLength;
      const page = bytes.slice(at, at + length);
      const stored = view.getUint32(at + 22, true);
      new DataView(page.buffer).setUint32(22, 0, true);
      expect(crc(page)).toBe(stored);
      pages.push({ flags: bytes[at + 5] ?? 0, granule: view.getBigUint64(at + 6, true) });
      at += length;
    }
    expect(pages[0]?.flags).toBe(2);
    expect(pages.at(-1)?.flags).toBe(4);
    expect(pages.at(-1)?.granule).toBe(BigInt(3 * 48_000));
    expect(oggOpusTone(3, 7)).toEqual(bytes);
  });
});

/** An independent bitwise Ogg CRC, to check the table-driven one. */
function crc(bytes: Uint8Array): number {
  let value = 0;
  for (const byte of bytes) {
    value ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) {
      value = value & 0x80000000 ? (value << 1) ^ 0x04c11db7 : value << 1;
    }
    value >>>= 0;
  }
  return value;
}
