import { describe, expect, it, vi } from 'vitest';
import type { WebhookEvent } from '@wacall/core';
import { readFixture } from '../../core/test/fixtures';
import { APP_SECRET, entries, expectedSignature, VERIFY_TOKEN, type Entry } from './support';

const URL_BASE = 'https://helpdesk.example/api/whatsapp/webhook';
const body = readFixture('batch-text-with-calls');

function setup(
  entry: Entry,
  overrides: Partial<Parameters<Entry['createWebhookHandler']>[0]> = {},
) {
  const received: { events: WebhookEvent[]; issues: unknown[] }[] = [];
  const onError = vi.fn();
  const handler = entry.createWebhookHandler({
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    onEvents: (events, { issues }) => {
      received.push({ events, issues });
    },
    onError,
    ...overrides,
  });
  return { handler, received, onError };
}

/** A signed POST; `signature: null` sends none. */
function post(
  payload: string,
  signature: string | null = expectedSignature(payload),
  init: RequestInit = {},
) {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (signature !== null) headers.set('x-hub-signature-256', signature);
  return new Request(URL_BASE, { method: 'POST', body: payload, headers, ...init });
}

function challenge(query: Record<string, string>) {
  return new Request(`${URL_BASE}?${new URLSearchParams(query)}`);
}

describe.each(entries)('%s: handler.fetch', (_, entry) => {
  it('answers the subscription challenge when the token matches', async () => {
    const { handler } = setup(entry);
    const res = await handler.fetch(
      challenge({
        'hub.mode': 'subscribe',
        'hub.verify_token': VERIFY_TOKEN,
        'hub.challenge': '1158201444',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
    expect(res.headers.get('content-type')).toContain('text/plain');
  });

  it.each([
    [
      'a wrong token',
      { 'hub.mode': 'subscribe', 'hub.verify_token': `${VERIFY_TOKEN}x`, 'hub.challenge': '1' },
    ],
    [
      'a token prefix',
      {
        'hub.mode': 'subscribe',
        'hub.verify_token': VERIFY_TOKEN.slice(0, -1),
        'hub.challenge': '1',
      },
    ],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
    [
      'another mode',
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' },
    ],
  ])('refuses the challenge with 403 for %s', async (_, query) => {
    const res = await setup(entry).handler.fetch(challenge(query));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('1');
  });

  it('answers 400 when the challenge itself is missing', async () => {
    const res = await setup(entry).handler.fetch(
      challenge({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN }),
    );
    expect(res.status).toBe(400);
  });

  it('delivers the parsed events of a signed POST and answers 200', async () => {
    const { handler, received } = setup(entry);
    const res = await handler.fetch(post(body));
    expect(res.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]?.events.map((e) => e.type)).toEqual(['message', 'call.connect']);
    expect(received[0]?.issues).toEqual([]);
  });

  it('passes the issues of a partly broken body along with its good events', async () => {
    const { handler, received } = setup(entry);
    const res = await handler.fetch(post(readFixture('batch-with-invalid-items')));
    expect(res.status).toBe(200);
    expect(received[0]?.events).toHaveLength(2);
    expect(received[0]?.issues).toHaveLength(3);
  });

  it('answers a missing and a wrong signature the same way, 401, without calling onEvents', async () => {
    const { handler, received } = setup(entry);
    const missing = await handler.fetch(post(body, null));
    const wrong = await handler.fetch(post(body, expectedSignature(body, 'not-the-secret')));
    const tampered = await handler.fetch(
      post(body.replace('Calling you now', 'Calling you later'), expectedSignature(body)),
    );
    for (const res of [missing, wrong, tampered]) expect(res.status).toBe(401);
    expect(await missing.text()).toBe(await wrong.text());
    expect(received).toEqual([]);
  });

  it('answers 400 for a signed body that is not a WhatsApp webhook', async () => {
    const { handler, received } = setup(entry);
    expect((await handler.fetch(post('{"object":'))).status).toBe(400);
    const res = await handler.fetch(post(readFixture('envelope-wrong-object')));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_envelope');
    expect(received).toEqual([]);
  });

  it('answers 413 over the size limit, whether the length is declared or streamed', async () => {
    const { handler, received } = setup(entry, { maxBodyBytes: 1024 });
    const big = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [],
      pad: 'x'.repeat(2000),
    });
    expect(
      (
        await handler.fetch(
          post(big, expectedSignature(big), { headers: { 'content-length': String(big.length) } }),
        )
      ).status,
    ).toBe(413);
    const chunks = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks.length; i += 256) controller.enqueue(chunks.slice(i, i + 256));
        controller.close();
      },
    });
    const streamed = new Request(URL_BASE, {
      method: 'POST',
      body: stream,
      headers: { 'x-hub-signature-256': expectedSignature(big) },
      duplex: 'half',
    } as RequestInit);
    const res = await handler.fetch(streamed);
    expect(res.status).toBe(413);
    expect(received).toEqual([]);
    expect((await handler.fetch(post(readFixture('call-status-ringing')))).status).toBe(200);
  });

  it('answers 500 when onEvents throws, so Meta redelivers, and reports the error', async () => {
    const failure = new Error('database down');
    const { handler, onError } = setup(entry, { onEvents: async () => Promise.reject(failure) });
    const res = await handler.fetch(post(body));
    expect(res.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('waits for onEvents to settle before answering', async () => {
    let settled = false;
    const { handler } = setup(entry, {
      onEvents: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        settled = true;
      },
    });
    await handler.fetch(post(body));
    expect(settled).toBe(true);
  });

  it('answers 405 to other methods', async () => {
    const res = await setup(entry).handler.fetch(
      new Request(URL_BASE, { method: 'PUT', body: '{}' }),
    );
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('works when fetch is taken off the handler (export const POST = handler.fetch)', async () => {
    const { fetch } = setup(entry).handler;
    expect((await fetch(post(body))).status).toBe(200);
  });

  it.each([
    ['an empty app secret', { appSecret: '' }, 'appSecret'],
    ['an empty verify token', { verifyToken: '' }, 'verifyToken'],
    ['no onEvents', { onEvents: undefined }, 'onEvents'],
    ['a zero size limit', { maxBodyBytes: 0 }, 'maxBodyBytes'],
  ])('refuses %s at setup, naming the option', (_, overrides, option) => {
    expect(() => setup(entry, overrides as never)).toThrow(
      expect.objectContaining({ name: 'WebhookConfigError', option }),
    );
  });

  it('never puts the secret or the token in a config error', () => {
    const secret = 'top-secret-value';
    try {
      entry.createWebhookHandler({
        appSecret: [secret, ''],
        verifyToken: VERIFY_TOKEN,
        onEvents: () => undefined,
      });
      throw new Error('accepted');
    } catch (error) {
      expect(String(error)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });
});
