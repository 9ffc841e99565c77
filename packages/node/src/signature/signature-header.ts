const PREFIX = 'sha256=';
const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/**
 * The hex digest in an `X-Hub-Signature-256` header, or `undefined` for anything that is not exactly
 * `sha256=` and 64 hex digits (missing, `sha1=` only, truncated, not hex, several values joined).
 */
export function parseSignatureHeader(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const value = header.trim();
  if (value.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return undefined;
  const hex = value.slice(PREFIX.length);
  return HEX_DIGEST.test(hex) ? hex : undefined;
}

/** Decodes hex already checked by `parseSignatureHeader`. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function toSignatureHeader(digest: Uint8Array): string {
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return `${PREFIX}${hex}`;
}
