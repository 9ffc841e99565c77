// One helpdesk on two instances over one database, each with its own PostgresStore and pool: a
// customer's webhooks delivered shuffled, repeated and concurrently to both end in the history one
// instance reaches on its own, and every change reaches both through LISTEN/NOTIFY.
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { MemoryStore } from '@wacall/core';
import type { Store } from '@wacall/core';
import {
  deliverAcross,
  kitCustomerDay,
  kitHistory,
  kitTime,
  shuffledDeliveries,
  waitForFleet,
  watchedKitWacall,
} from '@wacall/core/testing';
import { PostgresStore } from '../src/index';

const url = inject('postgresUrl');
const now = () => kitTime(5_000);
let run = 0;

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
});

function instance(store: Store) {
  const watched = watchedKitWacall(store, now);
  opened.push(watched.wacall);
  return watched;
}

describe('one helpdesk on two instances over PostgreSQL', () => {
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
          const schema = `fleet_${process.pid}_${++run}`;
          const stores = [0, 1].map(() => new PostgresStore({ connectionString: url, schema }));
          opened.push(...stores);
          await Promise.all(stores.map((store) => store.migrate()));
          const fleet = stores.map(instance);
          // Each instance listens from its start; sweep() resolves once it does.
          await Promise.all(fleet.map((member) => member.wacall.sweep()));
          const order = shuffledDeliveries(events, extra, seed);
          expect(await deliverAcross(fleet, order)).toBe(events.length);
          // NOTIFY delivers after the commit returns.
          await waitForFleet(
            fleet,
            expected.activities.map((a) => a.id),
          );
          for (const member of fleet) {
            expect(await kitHistory(member.wacall)).toEqual(expected);
          }
          expect(fleet[1]!.heard).toEqual(fleet[0]!.heard);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
