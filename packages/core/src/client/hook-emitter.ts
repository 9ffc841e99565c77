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
  const scrub = <T>(value: T): T =>
    value === undefined ? value : (JSON.parse(redact(JSON.stringify(value))) as T);
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
