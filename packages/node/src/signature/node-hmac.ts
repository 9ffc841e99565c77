import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HmacBackend } from './types';

/** HMAC-SHA256 through `node:crypto`: synchronous, native, the cheapest path on Node, Bun and Deno. */
export const nodeHmac: HmacBackend = {
  verify(secret, payload, expectedHex) {
    const digest = createHmac('sha256', secret).update(payload).digest();
    const expected = Buffer.from(expectedHex, 'hex');
    return digest.length === expected.length && timingSafeEqual(digest, expected);
  },
  sign(secret, payload) {
    return createHmac('sha256', secret).update(payload).digest();
  },
};
