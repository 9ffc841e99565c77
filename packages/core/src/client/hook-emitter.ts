import type {
  ClientHooks,
  ErrorEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './client-options';

interface Serialisable {
  toJSON(): Record<string, unknown>;
}

/** The transport's view of the hooks: raw inputs in, redacted events out. */
export interface HookEmitter {
  request(event: Omit<RequestEvent, 'url' | 'headers'> & { request: Request }): void;
  response(event: ResponseEvent): void;
  retry(event: Omit<RetryEvent, 'error'> & { error: Serialisable }): void;
  error(event: Omit<ErrorEvent, 'error'> & { error: Serialisable }): void;
}

/**
 * Wraps the user's hooks so that they never see the token (the authorization header is masked and
 * the token is scrubbed from every string) and a throwing hook never fails a request.
 */
export function createHookEmitter(
  hooks: ClientHooks | undefined,
  redact: (text: string) => string,
): HookEmitter {
  // Through JSON first (events are logged as JSON), then every string and key is redacted on its
  // own: redacting the JSON text instead would miss a token that JSON escapes (a quote, a backslash).
  const scrub = <T>(value: T): T =>
    value === undefined ? value : (redactStrings(JSON.parse(JSON.stringify(value)), redact) as T);
  const call = <E>(hook: ((event: E) => void) | undefined, build: () => E) => {
    if (!hook) return;
    try {
      hook(scrub(build()));
    } catch {
      // Observers must not break the request they observe.
    }
  };
  return {
    request: ({ request, ...rest }) =>
      call(hooks?.onRequest, () => {
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => {
          headers[name] = name === 'authorization' ? 'Bearer [redacted]' : value;
        });
        return { ...rest, url: request.url, headers };
      }),
    response: (event) => call(hooks?.onResponse, () => event),
    retry: ({ error, ...rest }) => call(hooks?.onRetry, () => ({ ...rest, error: error.toJSON() })),
    error: ({ error, ...rest }) => call(hooks?.onError, () => ({ ...rest, error: error.toJSON() })),
  };
}

function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key), redactStrings(item, redact)]),
    );
  }
  return value;
}
