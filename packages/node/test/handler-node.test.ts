import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventKey, type WebhookEvent } from '@wacall/core';
import { readFixture } from '../../core/test/fixtures';
import {
  APP_SECRET,
  entries,
  expectedSignature,
  startServer,
  VERIFY_TOKEN,
  type Entry,
} from './support';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(
  entry: Entry,
  overrides: Partial<Parameters<Entry['createWebhookHandler']>[0]> = {},
) {
  const received: WebhookEvent[][] = [];
  const onError = vi.fn();
  const handler = entry.createWebhookHandler({
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    onEvents: (events) => {
      received.push(events);
    },
    onError,
    ...overrides,
  });
  const server = await startServer((req, res) => void handler.node(req, res));
  close = server.close;
  return { url: `${server.url}/webhook`, received, onError };
}

const post = (url: string, body: string, signature: string | null = expectedSignature(body)) =>
  fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
  });

/** Streams a body in chunks without a content-length, the way a proxy might. */
function postChunked(url: string, chunks: string[], signature: string) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { 'x-hub-signature-256': signature, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe.each(entries)('%s: handler.node on a real node:http server', (_, entry) => {
  it('answers the verification GET', async () => {
    const { url } = await serve(entry);
    const ok = await fetch(
      `${url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=8865419`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, '8865419']);
    const bad = await fetch(
      `${url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=8865419`,
    );
    expect(bad.status).toBe(403);
  });

  it('delivers every event of a signed batch exactly once', async () => {
    const { url, received } = await serve(entry);
    const body = readFixture('batch-multi-entry');
    const res = await post(url, body);
    expect(res.status).toBe(200);
    expect(received.flat().map(eventKey)).toHaveLength(6);
  });

  it('answers 401 for a wrong or missing signature, 400 for a bad body', async () => {
    const { url, received } = await serve(entry);
    const body = readFixture('call-status-ringing');
    expect((await post(url, body, null)).status).toBe(401);
    expect((await post(url, body, expectedSignature(`${body} `))).status).toBe(401);
    expect((await post(url, 'not json')).status).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 413 for a declared or a streamed body over the limit, and keeps serving', async () => {
    const { url, received } = await serve(entry, { maxBodyBytes: 4096 });
    const big = `{"object":"whatsapp_business_account","entry":[],"pad":"${'x'.repeat(8000)}"}`;
    expect((await post(url, big)).status).toBe(413);
    const chunks = big.match(/.{1,1000}/g) ?? [];
    expect(await postChunked(url, chunks, expectedSignature(big))).toBe(413);
    expect(received).toEqual([]);
    expect((await post(url, readFixture('call-status-ringing'))).status).toBe(200);
  });

  it('reads a chunked body under the limit', async () => {
    const { url, received } = await serve(entry);
    const body = readFixture('call-connect-incoming');
    const chunks = body.match(/[\s\S]{1,700}/g) ?? [];
    expect(await postChunked(url, chunks, expectedSignature(body))).toBe(200);
    expect(received[0]?.[0]?.type).toBe('call.connect');
  });

  it('answers 500 when onEvents throws', async () => {
    const { url, onError } = await serve(entry, {
      onEvents: () => {
        throw new Error('queue full');
      },
    });
    expect((await post(url, readFixture('message-text'))).status).toBe(500);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'queue full' }));
  });
});
