/**
 * Rewrites every line end as `\r\n` and ends the text with one, as the platform requires. Safe to
 * call on an SDP that is already correct.
 */
export function normalizeSdpLineEndings(sdp: string): string {
  const lines = sdp.split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\r\n')}\r\n`;
}
