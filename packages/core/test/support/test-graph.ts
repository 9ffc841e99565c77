// Test helpers: a fake Graph API on msw, and a client pointed at it. Not part of the package.
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEFAULT_API_VERSION, type ClientOptions } from '../../src/client/client-options';
import { createClient } from '../../src/client/create-client';

export const TOKEN = 'EAAGtest-secret-token-9f8e7d';
export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';
export const GRAPH = `https://graph.facebook.com/${DEFAULT_API_VERSION}`;
export const OFFER =
  'v=0\r\no=- 4611 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
export const ANSWER =
  'v=0\r\no=- 7702 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
export const CALL_ID = 'wacid.HBgLMTY1MDM4Nzk0MzkVAgARGCA2RjQ0';

export interface Captured {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

export const server = setupServer();
/** Every request the fake Graph API saw, in order. */
export const seen: Captured[] = [];

/** Starts msw for the file; any request without a handler fails the test. */
export function useGraphServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
}

type Reply = JsonBodyType | Response | (() => Response | JsonBodyType | Promise<Response>);

/** Answers `method path` with `replies` in turn (the last one repeats), recording each request. */
export function graph(method: 'get' | 'post', path: string, ...replies: Reply[]): Captured[] {
  const captured: Captured[] = [];
  server.use(
    http[method](`${GRAPH}/${path}`, async ({ request }) => {
      const text = await request.text();
      const entry = {
        method: request.method,
        url: new URL(request.url),
        headers: Object.fromEntries(request.headers),
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      captured.push(entry);
      seen.push(entry);
      const reply = replies[Math.min(captured.length, replies.length) - 1];
      const value = typeof reply === 'function' ? await reply() : reply;
      // A Response given once may answer several times: hand out copies, keep the original unread.
      return value instanceof Response ? value.clone() : HttpResponse.json(value ?? null);
    }),
  );
  return captured;
}

/** A Graph error envelope as Meta sends it. */
export function graphError(
  status: number,
  code: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json(
    {
      error: {
        message: `(#${code}) Something went wrong`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: `details of ${code}` },
        fbtrace_id: 'AbCdEfGhIjK',
        ...extra,
      },
    },
    { status, headers },
  );
}

/** Waits recorded by the client's retry policy, instead of real time. */
export const waits: number[] = [];

/** A client for the fake Graph API, retrying instantly (delays are recorded in `waits`). */
export function testClient(options: Partial<ClientOptions> = {}) {
  waits.length = 0;
  return createClient({
    accessToken: TOKEN,
    phoneNumberId: PHONE_NUMBER_ID,
    wabaId: WABA_ID,
    retry: {
      jitter: false,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
    ...options,
  });
}

/** Runs `action` and returns what it threw (fails if it did not throw). */
export async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
