import { maskCredentials } from './mask-credentials';
import { sanitiseCause } from './sanitise-cause';

/** Longest summary returned: one log line, not a dump. */
const MAX_SUMMARY_LENGTH = 2000;

/**
 * One log line for any thrown value: name, code, message, Meta's `fbtraceId` and the cause chain's
 * names and messages, whitespace collapsed and passed through `redact` (by default
 * {@link maskCredentials}, as the exact token is unknown here). Request objects, headers and any
 * other property are never read, so the line is safe for an operator's console.
 *
 * @example console.error(`payment sync failed: ${summariseError(error)}`)
 */
export function summariseError(
  error: unknown,
  redact: (text: string) => string = maskCredentials,
): string {
  const parts: string[] = [];
  for (let link = sanitiseCause(error, redact); link !== undefined;) {
    const code = link.code === undefined ? '' : ` [${String(link.code)}]`;
    parts.push(`${link.name}${code}: ${link.message}`);
    link = link.cause as typeof link | undefined;
  }
  const trace = fbtraceIdOf(error);
  const traced = trace === undefined ? '' : ` (fbtraceId ${redact(trace)})`;
  const line = `${parts[0] ?? 'undefined'}${traced}${parts
    .slice(1)
    .map((part) => ` <- caused by ${part}`)
    .join('')}`.replace(/\s+/g, ' ');
  return line.length > MAX_SUMMARY_LENGTH ? `${line.slice(0, MAX_SUMMARY_LENGTH)}…` : line;
}

function fbtraceIdOf(error: unknown): string | undefined {
  try {
    const trace = (error as { fbtraceId?: unknown } | null)?.fbtraceId;
    return typeof trace === 'string' && trace !== '' ? trace : undefined;
  } catch {
    return undefined;
  }
}
