import { RawBodyError } from '../errors/raw-body-error';
import { WebhookConfigError } from '../errors/webhook-config-error';
import { parseSignatureHeader, toSignatureHeader } from './signature-header';
import type { HmacBackend, SignaturePayload, VerifySignatureOptions } from './types';

/** Checks the secrets once, at setup: an empty key would let anyone forge a valid signature. */
export function normaliseSecrets(appSecret: unknown): readonly string[] {
  if (typeof appSecret === 'string' && appSecret.length > 0) return [appSecret];
  const secrets = typeof appSecret === 'string' ? [appSecret] : appSecret;
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new WebhookConfigError(
      'appSecret',
      'expected your app secret (a non-empty string) or a non-empty array of them. Find it under App settings → Basic in the Meta app dashboard.',
    );
  }
  secrets.forEach((secret: unknown, i) => {
    if (typeof secret !== 'string' || secret.length === 0) {
      const where = typeof appSecret === 'string' ? 'it' : `entry ${i}`;
      throw new WebhookConfigError(
        'appSecret',
        `${where} is empty or not a string; an app secret is never empty.`,
      );
    }
  });
  return secrets as readonly string[];
}

/** The raw body as the HMAC needs it; anything else means a body parser ran first. */
export function rawPayload(payload: unknown): Uint8Array | string {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  if (ArrayBuffer.isView(payload)) {
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  }
  const kind =
    payload === null
      ? 'null'
      : typeof payload === 'object'
        ? 'a parsed object'
        : `a ${typeof payload}`;
  throw new RawBodyError(
    `The payload is ${kind}, not the raw request body. Meta signs the exact bytes it sent, so pass them as received (a Buffer, Uint8Array, ArrayBuffer or the body text), read before any JSON body parser.`,
  );
}

export async function verifyWith(
  backend: HmacBackend,
  options: VerifySignatureOptions,
  secrets: readonly string[] = normaliseSecrets(options.appSecret),
): Promise<boolean> {
  const payload = rawPayload(options.payload);
  const expected = parseSignatureHeader(options.signature);
  if (!expected) return false;
  for (const secret of secrets) {
    if (await backend.verify(secret, payload, expected)) return true;
  }
  return false;
}

export async function signWith(
  backend: HmacBackend,
  payload: SignaturePayload,
  appSecret: string,
): Promise<string> {
  if (typeof appSecret !== 'string') {
    throw new WebhookConfigError(
      'appSecret',
      'signPayload() signs with one secret: pass a string.',
    );
  }
  normaliseSecrets(appSecret);
  return toSignatureHeader(await backend.sign(appSecret, rawPayload(payload)));
}
