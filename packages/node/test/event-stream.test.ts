import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent, CallRecord } from '@wacall/core';
import { createEventStream, type EventStreamAccess, type EventStreamOptions } from '../src/index';
import { eventually, fakeWacall, openSse, serveStream, type Flavour } from './event-stream-support';

const ana: Agent = { id: 'agent-ana', name: 'Ana' };
const bob: Agent = { id: 'agent-bob', name: 'Bob' };
const alice = '4915112345678';
const carlos = '5511987654321';

function call(customer: string, callId = `wacid.${customer}`): CallRecord {
  return {
    callId,
    customer: { waId: customer, name: `Customer ${customer}` },
    businessNumber: '5511955550100',
    createdAt: 1_767_600_000_000,
    direction: 'user_initiated',
    status: 'ringing',
    errors: [],
  };
}

/** Ana sees every customer; Bob only Carlos. The agent is picked by a header the test sets. */
const byHeader: EventStreamOptions['authorize'] = (request) => {
  const who = request.headers.get('x-agent');
  if (who === 'ana') return { agent: ana, customers: 'all' } satisfies EventStreamAccess;
  if (who === 'bob') return { agent: bob, customers: [`+${carlos}`] };
  if (who === 'mallory') return false;
  return null;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function setup(flavour: Flavour, options: Partial<EventStreamOptions> = {}) {
  const wacall = fakeWacall();
  const stream = createEventStream(wacall, { authorize: byHeader, ...options });
  const server = await serveStream(stream, flavour);
  cleanups.push(server.close, () => stream.close());
  const open = async (agent: string, query = '', headers: Record<string, string> = {}) => {
    const sse = await openSse(`${server.url}/events${query}`, { 'x-agent': agent, ...headers });
    cleanups.push(sse.close);
    return sse;
  };
  /** Waits until the server holds `count` streams, so an emit is not raced by a connect. */
  const connected = (count: number) => eventually(() => stream.connections === count);
  return { wacall, stream, url: `${server.url}/events`, open, connected };
}

describe.each(['node', 'fetch', 'express'] as const)('createEventStream over %s', (flavour) => {
  it('streams changes to the agents who may see the customer, and offers to the agents rung', async () => {
    const { wacall, open, connected } = await setup(flavour);
    const anaStream = await open('ana');
    const bobStream = await open('bob');
    await connected(2);
    expect(anaStream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    wacall.emit('call.updated', call(alice));
    wacall.emit('permission.updated', { customer: carlos, permission: { status: 'granted' } });
    wacall.emit('call.offered', {
      callId: 'wacid.1',
      customer: { waId: alice },
      agents: [ana],
      expiresAt: 1,
    });
    wacall.emit('presence.updated', { agent: bob, status: 'away', chosen: 'away', since: 1 });
    await anaStream.waitForEvents(4);
    await bobStream.waitForEvents(2);
    expect(anaStream.events().map((event) => event.type)).toEqual([
      'call.updated',
      'permission.updated',
      'call.offered',
      'presence.updated',
    ]);
    expect(bobStream.events().map((event) => event.type)).toEqual([
      'permission.updated',
      'presence.updated',
    ]);
    expect(JSON.stringify(bobStream.blocks)).not.toContain(alice);
  });

  it('narrows to the customers the console asks for with ?customers=', async () => {
    const { wacall, open, connected } = await setup(flavour);
    const narrow = await open('ana', `?customers=${carlos}`);
    await connected(1);
    wacall.emit('call.updated', call(alice));
    wacall.emit('activity.added', { id: 'a1', customer: carlos, at: 1, kind: 'call.unassigned' });
    await narrow.waitForEvents(1);
    expect(narrow.events()).toEqual([
      { type: 'activity.added', data: expect.objectContaining({ customer: carlos }) },
    ]);
  });

  it('answers 401 without an agent, 403 for a refused agent or customer, 405 for POST', async () => {
    const { url } = await setup(flavour);
    const status = async (agent: string | undefined, query = '', method = 'GET') =>
      (
        await fetch(`${url}${query}`, {
          method,
          headers: agent === undefined ? {} : { 'x-agent': agent },
        })
      ).status;
    expect(await status(undefined)).toBe(401);
    expect(await status('mallory')).toBe(403);
    const refused = await fetch(`${url}?customers=${alice}`, { headers: { 'x-agent': 'bob' } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(alice);
    expect(await status('ana', '', 'POST')).toBe(405);
  });

  it('answers 500 and reports when authorize throws or resolves nonsense', async () => {
    const onError = vi.fn();
    let calls = 0;
    const { url } = await setup(flavour, {
      onError,
      authorize: () => {
        calls += 1;
        if (calls === 1) throw new Error('session store down');
        return { agent: ana } as unknown as EventStreamAccess;
      },
    });
    expect((await fetch(url)).status).toBe(500);
    expect((await fetch(url)).status).toBe(500);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(String(onError.mock.calls[1]?.[0])).toMatch(/customers/);
  });

  it('resumes from Last-Event-ID with exactly the events missed', async () => {
    const { wacall, open, connected } = await setup(flavour);
    const first = await open('bob');
    await connected(1);
    wacall.emit('call.updated', call(carlos, 'wacid.one'));
    await first.waitForEvents(1);
    const resumeFrom = first.lastId()!;
    await first.close();
    await connected(0);
    wacall.emit('call.updated', call(carlos, 'wacid.two'));
    wacall.emit('call.updated', call(alice, 'wacid.not-bobs'));
    wacall.emit('call.updated', call(carlos, 'wacid.three'));
    const second = await open('bob', '', { 'last-event-id': resumeFrom });
    await second.waitForEvents(2);
    expect(second.events().map((event) => (event.data as CallRecord).callId)).toEqual([
      'wacid.two',
      'wacid.three',
    ]);
    // The ids count up, and the resume point moves past events Bob may not see.
    const ids = second.blocks.flatMap((block) => (block.id ? [block.id] : []));
    const seqs = ids.map((id) => Number(id.split('-').pop()));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(second.lastId()).toBe(ids.at(-1));
    expect(Number(second.lastId()!.split('-').pop())).toBe(4);
  });

  it('says resync when the missed events are no longer kept, or the id is from another instance', async () => {
    const { wacall, open, connected } = await setup(flavour, { replay: 2 });
    const first = await open('ana');
    await connected(1);
    wacall.emit('call.updated', call(alice, 'wacid.0'));
    await first.waitForEvents(1);
    const resumeFrom = first.lastId()!;
    await first.close();
    for (let i = 1; i <= 3; i += 1) wacall.emit('call.updated', call(alice, `wacid.${i}`));
    const late = await open('ana', '', { 'last-event-id': resumeFrom });
    await late.waitForEvents(1);
    expect(late.events()).toEqual([{ type: 'resync', data: { reason: 'replay_gap' } }]);
    const foreign = await open('ana', '', { 'last-event-id': 'an0therinst4-3' });
    await foreign.waitForEvents(1);
    expect(foreign.events()).toEqual([{ type: 'resync', data: { reason: 'replay_gap' } }]);
    // A resume point inside the kept window still replays, from the query for clients that cannot set headers.
    const kept = late.lastId()!.replace(/-\d+$/, '-2');
    const replayed = await open('ana', `?lastEventId=${kept}`);
    await replayed.waitForEvents(2);
    expect(replayed.events().map((event) => (event.data as CallRecord).callId)).toEqual([
      'wacid.2',
      'wacid.3',
    ]);
  });

  it("forwards the facade's own resync to everyone", async () => {
    const { wacall, open, connected } = await setup(flavour);
    const ana1 = await open('ana');
    const bob1 = await open('bob');
    await connected(2);
    wacall.emit('resync');
    for (const sse of [ana1, bob1]) {
      await sse.waitForEvents(1);
      expect(sse.events()).toEqual([{ type: 'resync', data: { reason: 'feed_restarted' } }]);
    }
  });

  it('sends heartbeats on the interval, with the current position', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { wacall, open, connected } = await setup(flavour, { heartbeatMs: 5_000 });
    const sse = await open('bob');
    await connected(1);
    wacall.emit('call.updated', call(alice));
    expect(sse.blocks.some((block) => block.comment === 'heartbeat')).toBe(false);
    vi.advanceTimersByTime(5_000);
    const [beat] = await sse.waitFor((block) => block.comment === 'heartbeat');
    expect(beat!.id).toMatch(/-1$/);
    vi.advanceTimersByTime(10_000);
    await sse.waitFor((block) => block.comment === 'heartbeat', 3);
    expect(sse.events()).toEqual([]);
  });

  it('opens nothing for a browser that left while authorize was still deciding', async () => {
    let release: () => void = () => {};
    let asked = 0;
    const { stream, url } = await setup(flavour, {
      authorize: async () => {
        asked += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return { agent: ana, customers: 'all' };
      },
    });
    const abort = new AbortController();
    const pending = fetch(url, { signal: abort.signal }).catch(() => undefined);
    await eventually(() => asked === 1);
    abort.abort();
    await pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.connections).toBe(0);
  });

  it('lets go of a browser that leaves, and of the Wacall on close', async () => {
    const { wacall, stream, open, connected, url } = await setup(flavour);
    const listeners = wacall.listenerCount();
    expect(listeners).toBe(10);
    for (let round = 0; round < 20; round += 1) {
      const sse = await open(round % 2 === 0 ? 'ana' : 'bob');
      await connected(1);
      await sse.close();
      await connected(0);
    }
    expect(wacall.listenerCount()).toBe(listeners);
    // Events after everyone left go only to the replay buffer.
    wacall.emit('call.updated', call(alice));
    const open2 = await open('ana');
    await connected(1);
    stream.close();
    await eventually(() => open2.ended());
    expect(stream.connections).toBe(0);
    expect(wacall.listenerCount()).toBe(0);
    expect((await fetch(url, { headers: { 'x-agent': 'ana' } })).status).toBe(503);
  });
});

describe('createEventStream options', () => {
  it('refuses to start without authorize, or with a heartbeat out of range', () => {
    const wacall = fakeWacall();
    expect(() => createEventStream(wacall, {} as EventStreamOptions)).toThrow(/authorize/);
    expect(() => createEventStream(wacall, { authorize: () => null, heartbeatMs: 0 })).toThrow(
      /heartbeatMs/,
    );
  });
});
