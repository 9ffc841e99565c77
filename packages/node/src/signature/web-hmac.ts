import { hexToBytes } from './signature-header';
import type { HmacBackend } from './types';

// Importing a key costs more than the HMAC itself; keep a few, since apps use one or two secrets.
const MAX_CACHED_KEYS = 8;
const keys = new Map<string, Promise<CryptoKey>>();
const encoder = new TextEncoder();

function keyFor(secret: string): Promise<CryptoKey> {
  const cached = keys.get(secret);
  if (cached) return cached;
  const key = globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string);
  keys.set(secret, key);
  key.catch(() => keys.delete(secret));
  return key;
}

function bytesOf(payload: Uint8Array | string): Uint8Array<ArrayBuffer> {
  if (typeof payload === 'string') return encoder.encode(payload);
  // Web Crypto takes only ArrayBuffer-backed views; copy the rare SharedArrayBuffer-backed one.
  return payload.buffer instanceof ArrayBuffer
    ? (payload as Uint8Array<ArrayBuffer>)
    : new Uint8Array(payload);
}

/** HMAC-SHA256 through Web Crypto, for runtimes without `node:crypto` (workers, edge, browsers). */
export const webHmac: HmacBackend = {
  async verify(secret, payload, expectedHex) {
    // `subtle.verify` compares in constant time.
    return globalThis.crypto.subtle.verify(
      'HMAC',
      await keyFor(secret),
      hexToBytes(expectedHex),
      bytesOf(payload),
    );
  },
  async sign(secret, payload) {
    const digest = await globalThis.crypto.subtle.sign(
      'HMAC',
      await keyFor(secret),
      bytesOf(payload),
    );
    return new Uint8Array(digest);
  },
};
