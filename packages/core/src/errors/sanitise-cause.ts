import { ErrorCause } from './error-cause';
import { maskCredentials } from './mask-credentials';

/** Links kept of a cause chain; deeper ones are dropped (a chain this long is a loop in disguise). */
export const MAX_CAUSE_DEPTH = 8;
/** Longest message kept of one link: a proxy's HTML page is no message. */
const MAX_MESSAGE_LENGTH = 500;

/**
 * Copies a foreign error (and its cause chain) into `ErrorCause`s that keep only names, messages,
 * codes and stacks, each passed through `redact`. Request and response objects, headers and any
 * other property stay behind. Loops end at the first repeat and chains at {@link MAX_CAUSE_DEPTH}
 * links; a getter that throws reads as missing. Returns `undefined` for `undefined`.
 *
 * @example new MyError('upload failed', { cause: sanitiseCause(error) })
 */
export function sanitiseCause(
  cause: unknown,
  redact: (text: string) => string = maskCredentials,
): ErrorCause | undefined {
  const links: unknown[] = [];
  for (let link = cause; link !== undefined && links.length < MAX_CAUSE_DEPTH;) {
    if (links.includes(link)) break;
    links.push(link);
    link = isObject(link) ? read(link, 'cause') : undefined;
  }
  let sanitised: ErrorCause | undefined;
  for (const link of links.reverse()) sanitised = copy(link, redact, sanitised);
  return sanitised;
}

function copy(
  link: unknown,
  redact: (text: string) => string,
  cause: ErrorCause | undefined,
): ErrorCause {
  if (!isObject(link)) {
    const text = typeof link === 'string' ? link : String(link);
    return new ErrorCause({ name: 'Error', message: clip(redact(text)), cause });
  }
  const rawName = read(link, 'name');
  const rawMessage = read(link, 'message');
  const code = read(link, 'code');
  const name = typeof rawName === 'string' && rawName !== '' ? clip(redact(rawName)) : 'Error';
  const message =
    typeof rawMessage === 'string' ? clip(redact(rawMessage)) : `a thrown ${typeof link}`;
  return new ErrorCause({
    name,
    message,
    code:
      typeof code === 'string' ? clip(redact(code)) : typeof code === 'number' ? code : undefined,
    stack: [`${name}: ${message}`, ...frames(read(link, 'stack'), redact)].join('\n'),
    cause,
  });
}

// Only the "at …" lines: the header is rebuilt from the clipped message, so a huge one stays out.
function frames(stack: unknown, redact: (text: string) => string): string[] {
  if (typeof stack !== 'string') return [];
  return redact(stack)
    .split('\n')
    .filter((line) => /^\s+at /.test(line));
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

// A hostile or exotic object (a Proxy, a throwing getter) must not turn error handling into a crash.
function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}
