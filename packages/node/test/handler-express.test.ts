import express, { type ErrorRequestHandler } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookEvent } from '@wacall/core';
import { readFixture } from '../../core/test/fixtures';
import { isRawBodyError } from '../src/index';
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

const body = readFixture('permission-reply-temporary');

function handlerFor(entry: Entry, received: WebhookEvent[][]) {
  return entry.createWebhookHandler({
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    onEvents: (events) => {
      received.push(events);
    },
  });
}

/** Reports errors Express hands on, so a test can read them. */
const reportErrors: ErrorRequestHandler = (error, _req, res, _next) => {
  res.status(500).json({ rawBodyError: isRawBodyError(error), message: String(error) });
};

async function listen(app: express.Express) {
  app.use(reportErrors);
  const server = await startServer(app);
  close = server.close;
  return server.url;
}

const post = (url: string, payload = body) =>
  fetch(url, {
    method: 'POST',
    body: payload,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': expectedSignature(payload),
    },
  });

describe.each(entries)('%s: handler.express on a real Express app', (_, entry) => {
  it('works behind express.raw({ type: "application/json" })', async () => {
    const received: WebhookEvent[][] = [];
    const handler = handlerFor(entry, received);
    const app = express();
    app.post(
      '/webhook',
      express.raw({ type: 'application/json', limit: '3mb' }),
      handler.express(),
    );
    app.get('/webhook', handler.express());
    const url = await listen(app);
    expect((await post(`${url}/webhook`)).status).toBe(200);
    expect(received[0]?.[0]).toMatchObject({ type: 'permission.reply', response: 'accept' });
    const get = await fetch(
      `${url}/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=42`,
    );
    expect(await get.text()).toBe('42');
  });

  it('reads the stream itself when no body parser ran, and under a mount path', async () => {
    const received: WebhookEvent[][] = [];
    const app = express();
    app.use('/hooks/whatsapp', handlerFor(entry, received).express());
    const url = await listen(app);
    expect((await post(`${url}/hooks/whatsapp`)).status).toBe(200);
    const get = await fetch(
      `${url}/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=7`,
    );
    expect(await get.text()).toBe('7');
    expect(received).toHaveLength(1);
  });

  it('accepts the body text from express.text()', async () => {
    const received: WebhookEvent[][] = [];
    const app = express();
    app.post(
      '/webhook',
      express.text({ type: 'application/json' }),
      handlerFor(entry, received).express(),
    );
    const url = await listen(app);
    expect((await post(`${url}/webhook`)).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('explains how to mount the route when express.json() consumed the body first', async () => {
    const received: WebhookEvent[][] = [];
    const app = express();
    app.use(express.json());
    app.post('/webhook', handlerFor(entry, received).express());
    const url = await listen(app);
    const res = await post(`${url}/webhook`);
    expect(res.status).toBe(500);
    const report = (await res.json()) as { rawBodyError: boolean; message: string };
    expect(report.rawBodyError).toBe(true);
    expect(report.message).toContain('parsed object');
    expect(report.message).toContain("express.raw({ type: 'application/json'");
    expect(received).toEqual([]);
  });

  it('still answers 401 to a forged request behind express.raw()', async () => {
    const received: WebhookEvent[][] = [];
    const app = express();
    app.post(
      '/webhook',
      express.raw({ type: 'application/json' }),
      handlerFor(entry, received).express(),
    );
    const url = await listen(app);
    const res = await fetch(`${url}/webhook`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': expectedSignature(body, 'forged'),
      },
    });
    expect(res.status).toBe(401);
    expect(received).toEqual([]);
  });
});
