// Test helpers: every way the client can fail, each arranged so that the failure echoes the access
// token wherever a server, a proxy or a custom fetch could put it. Shared by the token tables of
// @wacall/core and @wacall/node. Not part of the package.
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { createClient, type ClientHooks, type WhatsAppClient } from '../src/index';

const PHONE_NUMBER_ID = '106540352242922';
const CALL_ID = 'wacid.HBgLMTY1MDM4Nzk0MzkVAgARGCA2RjQ0';
const OFFER =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';

/**
 * A token no text contains by chance, with the characters that break naive redaction: regex
 * specials, a quote and a backslash (JSON escapes them), `%` and `&` (URLs encode them).
 */
export function distinctiveToken(): string {
  return `wa.${randomBytes(12).toString('hex')}.(+*?)[^$]{|}\\"'%&=`;
}

/** A Meta-shaped token (`EAA…`), for code that cannot know the token and masks by shape. */
export function metaShapedToken(): string {
  return `EAA${randomBytes(30).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** What a custom fetch receives, so a case can echo the request back like ky's `HTTPError`. */
type Fetch = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

export interface LeakCase {
  /** The failure, e.g. `401 Graph error echoing the token`. */
  name: string;
  /** The error class the client throws. */
  expected: string;
  fetch: (token: string) => Fetch;
  run: (client: WhatsAppClient, token: string) => Promise<unknown>;
  timeoutMs?: number;
}

const headersOf = (input: Request | URL | string, init?: RequestInit) =>
  input instanceof Request ? input.headers : new Headers(init?.headers);

/** A Graph error envelope with the token in every text field Meta fills in. */
function echoingGraphError(token: string, status: number, code: number): Response {
  return Response.json(
    {
      error: {
        message: `(#${code}) Invalid OAuth access token - Cannot parse access token: ${token}`,
        type: `OAuthException ${token}`,
        code,
        error_data: { details: `token ${token} was refused`, messaging_product: 'whatsapp' },
        error_user_title: `Bad token ${token}`,
        error_user_msg: `The token ${token} is not valid`,
        fbtrace_id: `Trace-${token}`,
      },
    },
    { status, headers: { 'x-fb-trace-id': token, 'retry-after': '0' } },
  );
}

/** An error the way an HTTP library builds it: the request (and its headers) hang off it. */
function httpLibraryError(name: string, message: string, request: Request): Error {
  const error = new Error(message);
  error.name = name;
  Object.assign(error, {
    request,
    options: { headers: { authorization: request.headers.get('authorization') } },
    response: new Response(null, { status: 599, headers: { 'x-echo': message } }),
  });
  return error;
}

const requestOf = (input: Request | URL | string, init?: RequestInit) =>
  new Request(input instanceof Request ? input.url : input, {
    headers: headersOf(input, init),
  });

/** Every failure path of the client, each echoing the token. */
export const leakCases: readonly LeakCase[] = [
  {
    name: '401 Graph error echoing the token in every field and header',
    expected: 'WhatsAppApiError',
    fetch: (token) => async () => echoingGraphError(token, 401, 190),
    run: (client) => client.permissions.get({ userWaId: '14085551234' }),
  },
  {
    name: '500 Graph error echoing the token, retried then failed',
    expected: 'WhatsAppApiError',
    fetch: (token) => async () => echoingGraphError(token, 500, 2),
    run: (client) => client.calls.terminate({ callId: CALL_ID }),
  },
  {
    name: '502 HTML page from a proxy quoting the authorization header',
    expected: 'WhatsAppApiError',
    fetch: (token) => async () =>
      new Response(`<html><pre>Authorization: Bearer ${token}</pre></html>`, {
        status: 502,
        headers: { 'content-type': 'text/html', 'x-fb-trace-id': token },
      }),
    run: (client) => client.calls.connect({ to: '14085551234', sdp: OFFER }),
  },
  {
    name: '400 plain-text body echoing the token',
    expected: 'WhatsAppApiError',
    fetch: (token) => async () => new Response(`bad token ${token}`, { status: 400 }),
    run: (client) => client.messages.sendCallPermissionRequest({ to: '14085551234' }),
  },
  {
    name: '200 with an unreadable body and a trace header echoing the token',
    expected: 'WacallResponseError',
    fetch: (token) => async () =>
      new Response(`<html>${token}</html>`, { status: 200, headers: { 'x-fb-trace-id': token } }),
    run: (client) => client.calls.connect({ to: '14085551234', sdp: OFFER }),
  },
  {
    name: '200 JSON of the wrong shape, keyed and traced by the token',
    expected: 'WacallResponseError',
    fetch: (token) => async () =>
      Response.json(
        { permission: { status: 7, [token]: token }, actions: { [token]: { action_name: 7 } } },
        { headers: { 'x-fb-trace-id': token } },
      ),
    run: (client) => client.permissions.get({ userWaId: '14085551234' }),
  },
  {
    name: 'custom fetch throwing an HTTP library error that carries the Request',
    expected: 'WacallNetworkError',
    // Like ky's HTTPError: a clean message, the token only in the request hanging off the error.
    fetch: () => async (input, init) => {
      const request = requestOf(input, init);
      throw httpLibraryError('HTTPError', `Request failed: POST ${request.url}`, request);
    },
    run: (client) => client.calls.connect({ to: '14085551234', sdp: OFFER }),
  },
  {
    name: 'custom fetch throwing a TypeError whose cause has a code and quotes a URL',
    expected: 'WacallNetworkError',
    fetch: (token) => async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(
          new Error(`connect ECONNREFUSED ?access_token=${encodeURIComponent(token)}`),
          { code: 'ECONNREFUSED', config: { token } },
        ),
      });
    },
    run: (client) => client.permissions.get({ userWaId: '14085551234' }),
  },
  {
    name: 'custom fetch throwing a cyclic cause chain',
    expected: 'WacallNetworkError',
    fetch: (token) => async (input, init) => {
      const first = httpLibraryError('FirstError', 'first', requestOf(input, init));
      const second = httpLibraryError('SecondError', `second ${token}`, requestOf(input, init));
      Object.assign(first, { cause: second });
      Object.assign(second, { cause: first });
      throw first;
    },
    run: (client) => client.calls.terminate({ callId: CALL_ID }),
  },
  {
    name: 'custom fetch throwing a 200-deep cause chain',
    expected: 'WacallNetworkError',
    fetch: (token) => async (input, init) => {
      let error: Error = httpLibraryError('Deepest', `bottom ${token}`, requestOf(input, init));
      for (let depth = 0; depth < 200; depth++) {
        error = new Error(depth % 2 ? `level ${depth}` : `level ${depth} ${token}`, {
          cause: error,
        });
      }
      error.message = 'top level';
      throw error;
    },
    run: (client) => client.calls.terminate({ callId: CALL_ID }),
  },
  {
    name: 'custom fetch throwing a non-error object and hostile getters',
    expected: 'WacallNetworkError',
    fetch: (token) => async (input, init) => {
      const hostile = {
        request: requestOf(input, init),
        get message(): string {
          throw new Error(token);
        },
        cause: `a thrown string with ${token}`,
      };
      throw hostile;
    },
    run: (client) => client.calls.terminate({ callId: CALL_ID }),
  },
  {
    name: 'timeout while the custom fetch hangs',
    expected: 'WacallTimeoutError',
    timeoutMs: 20,
    fetch: () => (input) =>
      new Promise<Response>((_, reject) => {
        const signal = input instanceof Request ? input.signal : undefined;
        signal?.addEventListener('abort', () => reject(signal.reason));
      }),
    run: (client) => client.settings.get(),
  },
  {
    name: 'input refused before sending, with the token as a value',
    expected: 'WacallValidationError',
    fetch: () => async () => Response.json({ success: true }),
    run: (client, token) => client.calls.connect({ to: token, sdp: token }),
  },
];

/** Runs `leakCase` against a client holding `token`; returns the error and every hook event. */
export async function provoke(
  leakCase: LeakCase,
  token: string,
): Promise<{ error: unknown; events: unknown[] }> {
  const events: unknown[] = [];
  const record = (event: unknown) => void events.push(event);
  const hooks: ClientHooks = {
    onRequest: record,
    onResponse: record,
    onRetry: record,
    onError: record,
  };
  try {
    // Inside the try: a token the client refuses fails here, and that error must not leak it either.
    const client = createClient({
      accessToken: token,
      phoneNumberId: PHONE_NUMBER_ID,
      fetch: leakCase.fetch(token) as typeof globalThis.fetch,
      timeoutMs: leakCase.timeoutMs,
      retry: { limit: 1, sleep: async () => {} },
      hooks,
    });
    await leakCase.run(client, token);
  } catch (error) {
    return { error, events };
  }
  throw new Error(`${leakCase.name}: expected the call to fail, but it succeeded`);
}

/**
 * Whether `text` shows `token`, whole or in part. Output escapes characters (inspect quotes a `'`,
 * JSON a `"`), so the token's first 12 characters, random in every token the tables use, count too.
 */
export function exposes(text: string, token: string): boolean {
  return text.includes(token) || text.includes(token.slice(0, 12));
}

/** Every way an error reaches a log: the views the token table checks, by name. */
export function views(error: unknown): Record<string, string> {
  const err = error as Error;
  return {
    message: err.message,
    String: String(err),
    JSON: JSON.stringify(err),
    stack: String(err.stack),
    inspect: inspect(err, { depth: 10 }),
  };
}
