// One helpdesk on two instances, each with its own RedisStore connection: the change feed reaches
// both, a broken subscription says resync, and shuffled, repeated, concurrent deliveries to both end
// in the history one instance reaches on its own.
import { Redis } from 'ioredis';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createWacall, MemoryStore } from '@wacall/core';
import type { Activity, JsonValue, Store, Wacall, WebhookEvent } from '@wacall/core';
import { RedisStore } from '../src/index';
import { at, base, businessNumber, customer, ingestOnlyClient } from './webhook-events';

const url = inject('redisUrl');
const now = () => at(5_000);
let run = 0;
const prefix = () => `fleet:${process.pid}:${++run}:`;

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
});

function terminate(callId: string, seconds: number, answered = false): WebhookEvent {
  return {
    ...base(seconds),
    type: 'call.terminate',
    callId,
    direction: 'business_initiated',
    from: '5511955550100',
    to: customer,
    status: 'completed',
    answered,
    errors: [],
    ...(answered ? { startTime: at(seconds - 30), endTime: at(seconds), durationSeconds: 30 } : {}),
  };
}

function reply(seconds: number, response: 'accept' | 'reject', permanent = false): WebhookEvent {
  return {
    ...base(seconds),
    type: 'permission.reply',
    messageId: `wamid.reply-${seconds}`,
    from: customer,
    response,
    permanent,
    source: 'user_action',
    ...(response === 'accept' && !permanent ? { expiresAt: at(seconds) + 7 * 86_400_000 } : {}),
  };
}

function story(): WebhookEvent[] {
  return [
    {
      ...base(0),
      type: 'message',
      messageId: 'wamid.in-0',
      from: customer,
      messageType: 'text',
      text: 'Hi',
    },
    reply(10, 'accept'),
    {
      ...base(100),
      type: 'call.status',
      callId: 'wacid.a',
      status: 'ringing',
      recipientId: customer,
    },
    terminate('wacid.a', 140),
    reply(300, 'reject'),
    reply(400, 'accept', true),
    terminate('wacid.b', 600, true),
    terminate('wacid.c', 700),
  ];
}

function instance(store: Store): { wacall: Wacall; heard: string[]; shown: Map<string, Activity> } {
  const client = ingestOnlyClient();
  const wacall = createWacall({ client, businessNumber, store, now });
  opened.push(wacall);
  const heard: string[] = [];
  const shown = new Map<string, Activity>();
  wacall.on('activity.added', (a) => void (shown.set(a.id, a), heard.push(`added ${a.id}`)));
  wacall.on('activity.updated', (a) => void (shown.set(a.id, a), heard.push(`updated ${a.id}`)));
  wacall.on('activity.removed', (a) => void (shown.delete(a.id), heard.push(`removed ${a.id}`)));
  wacall.on('call.updated', (call) => void heard.push(`call ${call.callId} ${call.status}`));
  return { wacall, heard, shown };
}

/** Kills the feed connection of the stores under `storePrefix`, as a network blip would. */
async function breakFeed(admin: Redis, storePrefix: string): Promise<void> {
  const list = (await admin.client('LIST')) as string;
  const ids = list
    .split('\n')
    .filter((line) => line.includes(`name=${storePrefix}feed`))
    .map((line) => /id=(\d+)/.exec(line)?.[1]);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) await admin.client('KILL', 'ID', id as string);
}

async function snapshot(wacall: Wacall) {
  return {
    customer: await wacall.getCustomer(customer),
    activities: await wacall.listActivities(customer),
    calls: await wacall.listCalls(customer),
  };
}

function redisStore(storePrefix: string): RedisStore {
  const store = new RedisStore({ url, prefix: storePrefix });
  opened.push(store);
  return store;
}

/** Pub/sub delivers after the commit returns: waits (bounded) until `done` holds, then lets it be judged. */
async function eventually(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 15_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('one helpdesk on two instances over Redis', () => {
  it('shuffled, repeated, concurrent deliveries to both: same history, every change heard by both', async () => {
    const reference = instance(new MemoryStore({ now }));
    await reference.wacall.ingest(story());
    const expected = await snapshot(reference.wacall);
    const events = story();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(events.length - 1), { maxLength: 8 }),
        fc.nat(),
        async (extra, seed) => {
          const shared = prefix();
          const fleet = [instance(redisStore(shared)), instance(redisStore(shared))];
          // Each instance listens from its start; sweep() resolves once it does. Changes made before an
          // instance listened are not announced to it: it reads them when it starts.
          await Promise.all(fleet.map((member) => member.wacall.sweep()));
          const order = [...events.keys(), ...extra]
            .map((index, position) => ({ index, key: (position * 7919 + seed) % 104_729 }))
            .sort((a, b) => a.key - b.key)
            .map(({ index }) => events[index]!);
          const results = await Promise.all(
            order.map((event, i) => fleet[i % 2]!.wacall.ingest([event])),
          );
          expect(results.reduce((sum, result) => sum + result.applied, 0)).toBe(events.length);
          const ids = JSON.stringify(expected.activities.map((a) => a.id).sort());
          const shows = (member: (typeof fleet)[number]) =>
            JSON.stringify([...member.shown.keys()].sort()) === ids;
          await eventually(
            () => fleet.every(shows) && fleet[0]!.heard.length === fleet[1]!.heard.length,
          );
          for (const member of fleet) {
            expect(await snapshot(member.wacall)).toEqual(expected);
            expect(new Set(member.shown.keys())).toEqual(
              new Set(expected.activities.map((a) => a.id)),
            );
          }
          expect(fleet[1]!.heard).toEqual(fleet[0]!.heard);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it('says resync after the feed connection broke, and keeps delivering afterwards', async () => {
    const storePrefix = prefix();
    const store = redisStore(storePrefix);
    const admin = new Redis(url);
    opened.push({ close: async () => void (await admin.quit()) });
    const heard: JsonValue[] = [];
    let resyncs = 0;
    await store.subscribe({ message: (m) => void heard.push(m), resync: () => void resyncs++ });
    await breakFeed(admin, storePrefix);
    for (let waited = 0; resyncs === 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(resyncs).toBe(1);
    await store.commit({ writes: [], publish: ['after the break'] });
    for (let waited = 0; heard.length === 0 && waited < 3_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(heard).toEqual(['after the break']);
  });

  it('turns a resync into the facade’s resync event', async () => {
    const shared = prefix();
    const { wacall } = instance(redisStore(shared));
    let resyncs = 0;
    wacall.on('resync', () => void resyncs++);
    await wacall.ingest([story()[0]!]);
    const admin = new Redis(url);
    opened.push({ close: async () => void (await admin.quit()) });
    await breakFeed(admin, shared);
    for (let waited = 0; resyncs === 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(resyncs).toBe(1);
  });
});
