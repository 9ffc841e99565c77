// One helpdesk on two instances, each with its own RedisStore connection: the change feed reaches
// both, a broken subscription says resync, and shuffled, repeated, concurrent deliveries to both end
// in the history one instance reaches on its own.
import { Redis } from 'ioredis';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MemoryStore } from '@wacall/core';
import type { JsonValue, Store } from '@wacall/core';
import {
  deliverAcross,
  kitCustomerDay,
  kitHistory,
  kitTime,
  shuffledDeliveries,
  waitForFleet,
  watchedKitWacall,
} from '@wacall/core/testing';
import { RedisStore } from '../src/index';

const url = inject('redisUrl');
const now = () => kitTime(5_000);
let run = 0;
const prefix = () => `fleet:${process.pid}:${++run}:`;

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
});

function instance(store: Store) {
  const watched = watchedKitWacall(store, now);
  opened.push(watched.wacall);
  return watched;
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

function redisStore(storePrefix: string): RedisStore {
  const store = new RedisStore({ url, prefix: storePrefix });
  opened.push(store);
  return store;
}

describe('one helpdesk on two instances over Redis', () => {
  it('shuffled, repeated, concurrent deliveries to both: same history, every change heard by both', async () => {
    const reference = instance(new MemoryStore({ now }));
    await reference.wacall.ingest(kitCustomerDay());
    const expected = await kitHistory(reference.wacall);
    const events = kitCustomerDay();
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
          const order = shuffledDeliveries(events, extra, seed);
          expect(await deliverAcross(fleet, order)).toBe(events.length);
          // Pub/sub delivers after the commit returns.
          await waitForFleet(
            fleet,
            expected.activities.map((a) => a.id),
          );
          for (const member of fleet) {
            expect(await kitHistory(member.wacall)).toEqual(expected);
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
    await wacall.ingest([kitCustomerDay()[0]!]);
    const admin = new Redis(url);
    opened.push({ close: async () => void (await admin.quit()) });
    await breakFeed(admin, shared);
    for (let waited = 0; resyncs === 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(resyncs).toBe(1);
  });
});
