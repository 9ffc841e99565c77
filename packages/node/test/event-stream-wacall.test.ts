// The stream on a real Wacall: what an agent's browser receives after real webhooks, and what it must
// never receive (the access token, another agent's customers), plus the bound on a browser that stalls.
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, createWacall, MemoryStore, type WebhookEvent } from '@wacall/core';
import { distinctiveToken } from '../../core/test/token-leaks';
import { createEventStream } from '../src/index';
import { eventually, fakeWacall, openSse, serveStream } from './event-stream-support';

const phoneNumberId = '106540352242922';
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const alice = { waId: '4915112345678', name: 'Alice Private' };
const carlos = { waId: '5511987654321', name: 'Carlos Visible' };

function incomingCall(customer: typeof alice, callId: string, seconds: number): WebhookEvent {
  return {
    wabaId: '102290129340398',
    phoneNumberId,
    displayPhoneNumber: '5511955550100',
    timestamp: t0 + seconds * 1000,
    raw: {},
    type: 'call.connect',
    callId,
    direction: 'user_initiated',
    from: customer.waId,
    to: '5511955550100',
    session: { sdpType: 'offer', sdp: 'v=0\r\n' },
    contact: customer,
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('createEventStream on a real Wacall', () => {
  it('never sends the access token, nor a customer the agent may not see', async () => {
    const token = distinctiveToken();
    const client = createClient({
      accessToken: token,
      phoneNumberId,
      fetch: () => Promise.reject(new Error('ingest must not call the Cloud API')),
    });
    const wacall = createWacall({
      client,
      businessNumber: '+55 11 95555 0100',
      store: new MemoryStore(),
      now: () => t0 + 60_000,
    });
    cleanups.push(() => wacall.close());
    const stream = createEventStream(wacall, {
      authorize: (request) =>
        request.headers.get('authorization') === 'Bearer bob-session'
          ? { agent: { id: 'bob', name: 'Bob' }, customers: [carlos.waId] }
          : null,
    });
    const server = await serveStream(stream, 'node');
    cleanups.push(server.close, () => stream.close());
    const sse = await openSse(`${server.url}/events`, { authorization: 'Bearer bob-session' });
    cleanups.push(sse.close);
    await eventually(() => stream.connections === 1);

    await wacall.ingest([
      incomingCall(alice, 'wacid.alice', 1),
      incomingCall(carlos, 'wacid.carlos', 2),
    ]);
    await sse.waitFor((block) => block.data?.type === 'permission.updated');
    await sse.waitFor((block) => block.data?.type === 'call.updated');
    const everything = sse.blocks.map((block) => block.raw).join('\n');
    expect(everything).toContain('wacid.carlos');
    expect(everything).not.toContain('wacid.alice');
    expect(everything).not.toContain(alice.waId);
    expect(everything).not.toContain(alice.name);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(JSON.stringify(token).slice(1, -1));
  });

  it.each(['node', 'fetch'] as const)(
    'over %s, ends the stream of a browser that stops reading instead of queueing without bound',
    async (flavour) => {
      const wacall = fakeWacall();
      const stream = createEventStream(wacall, {
        authorize: () => ({ agent: { id: 'a', name: 'A' }, customers: 'all' }),
        maxQueuedBytes: 64 * 1024,
      });
      const server = await serveStream(stream, flavour);
      cleanups.push(server.close, () => stream.close());
      // A client that reads the headers and then nothing more.
      const request = httpRequest(`${server.url}/events`, (res) => res.pause());
      request.end();
      cleanups.push(() => void request.destroy());
      await eventually(() => stream.connections === 1);
      const name = 'x'.repeat(16 * 1024);
      for (let i = 0; i < 2_000 && stream.connections > 0; i += 1) {
        wacall.emit('presence.updated', { agent: { id: `a${i}`, name }, status: 'away' });
        if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await eventually(() => stream.connections === 0);
    },
  );
});
