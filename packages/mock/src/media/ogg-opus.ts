/**
 * A playable Ogg/Opus file built in code from the simulator's Opus tone frames: what Meta's call
 * recordings are (`audio/ogg; codecs=opus`), without shipping or downloading a binary.
 */
import { toneFrames } from './tone-frames';

const SAMPLES_PER_FRAME = 960; // 20 ms at 48 kHz
const PRE_SKIP = 312; // the encoder delay opusenc declares
const FRAMES_PER_PAGE = 50;

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32: polynomial 0x04c11db7, no reflection, over the page with its CRC field zeroed. */
function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes)
    crc = ((crc << 8) ^ (crcTable[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

interface PageInput {
  packets: Uint8Array[];
  granule: number;
  serial: number;
  sequence: number;
  flags: number;
}

function page({ packets, granule, serial, sequence, flags }: PageInput): Uint8Array {
  const lacing: number[] = [];
  for (const packet of packets) {
    for (let left = packet.length; ; left -= 255) {
      lacing.push(Math.min(left, 255));
      if (left < 255) break;
    }
  }
  const bodyLength = packets.reduce((sum, p) => sum + p.length, 0);
  const bytes = new Uint8Array(27 + lacing.length + bodyLength);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4f, 0x67, 0x67, 0x53], 0); // "OggS"
  view.setUint8(5, flags);
  view.setBigUint64(6, BigInt(granule), true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  view.setUint8(26, lacing.length);
  bytes.set(lacing, 27);
  let at = 27 + lacing.length;
  for (const packet of packets) {
    bytes.set(packet, at);
    at += packet.length;
  }
  view.setUint32(22, oggCrc(bytes), true);
  return bytes;
}

function opusHead(): Uint8Array {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(new TextEncoder().encode('OpusHead'), 0);
  view.setUint8(8, 1); // version
  view.setUint8(9, 1); // mono
  view.setUint16(10, PRE_SKIP, true);
  view.setUint32(12, 48_000, true);
  return head;
}

function opusTags(): Uint8Array {
  const vendor = new TextEncoder().encode('@wacall/mock');
  const tags = new Uint8Array(8 + 4 + vendor.length + 4);
  const view = new DataView(tags.buffer);
  tags.set(new TextEncoder().encode('OpusTags'), 0);
  view.setUint32(8, vendor.length, true);
  tags.set(vendor, 12);
  view.setUint32(12 + vendor.length, 0, true);
  return tags;
}

/**
 * An Ogg/Opus file of `seconds` (1–60) of the simulator's 440 Hz tone, mono 48 kHz.
 * `serial` tells streams apart; the same inputs always give the same bytes.
 */
export function oggOpusTone(seconds: number, serial: number): Uint8Array {
  const frames = toneFrames.map(decodeBase64);
  const total = Math.max(1, Math.min(60, Math.round(seconds))) * 50;
  const pages = [
    page({ packets: [opusHead()], granule: 0, serial, sequence: 0, flags: 0x02 }),
    page({ packets: [opusTags()], granule: 0, serial, sequence: 1, flags: 0 }),
  ];
  for (let first = 0; first < total; first += FRAMES_PER_PAGE) {
    const count = Math.min(FRAMES_PER_PAGE, total - first);
    const packets = Array.from(
      { length: count },
      (_, i) => frames[(first + i) % frames.length] as Uint8Array,
    );
    const last = first + count >= total;
    pages.push(
      page({
        packets,
        granule: (first + count) * SAMPLES_PER_FRAME,
        serial,
        sequence: pages.length,
        flags: last ? 0x04 : 0,
      }),
    );
  }
  const out = new Uint8Array(pages.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of pages) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
