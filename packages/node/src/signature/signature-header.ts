const PREFIX = 'sha256=';
const HEX_DIGEST = /^[0-9a-f]{64}$/i;

/**
 * The digest in an `X-Hub-Signature-256` header, or `undefined` for anything that is not exactly
 * `sha256=` and 64 hex digits (missing, `sha1=` only, truncated, not hex, several values joined).
 */
export function parseSignatureHeader(header: unknown): Uint8Array | undefined {
  if (typeof header !== 'string') return undefined;
  const value = header.trim();
  if (value.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return undefined;
  const hex = value.slice(PREFIX.length);
  if (!HEX_DIGEST.test(hex)) return undefined;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function toSignatureHeader(digest: Uint8Array): string {
  return `${PREFIX}${toHex(digest)}`;
}
