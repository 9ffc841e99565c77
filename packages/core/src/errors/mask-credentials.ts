// Shapes a credential takes in text that nobody meant to log: an HTTP auth header, a Graph query
// parameter, and Meta's own access tokens (which start with EAA and run to hundreds of characters).
const patterns: readonly [RegExp, string][] = [
  [/\bBearer\s+[^\s'",;]+/gi, 'Bearer [redacted]'],
  [/\b(access_token|appsecret_proof|client_secret)=[^&\s'",;]+/gi, '$1=[redacted]'],
  [/\bEAA[A-Za-z0-9]{30,}/g, '[redacted]'],
];

/**
 * Masks credentials in text when the exact token is not known: `Bearer …` values,
 * `access_token=` query parameters and Meta-style `EAA…` tokens become `[redacted]`.
 *
 * @example maskCredentials('authorization: Bearer EAAG…') // 'authorization: Bearer [redacted]'
 */
export function maskCredentials(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of patterns) masked = masked.replace(pattern, replacement);
  return masked;
}
