// PostgreSQL going away in the middle of work: commits in flight either land whole or not at all, the
// facade's ingest rejects (so the webhook handler answers 500 and Meta redelivers), and the redelivery
// after the server is back ends in the state an undisturbed run reaches, nothing lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreError } from '@wacall/core';
import type { Store, Wacall } from '@wacall/core';
import {
  createKitWacall,
  haltingStore,
  kitHistory,
  kitTime,
  kitUnansweredCalls,
} from '@wacall/core/testing';
import { PostgresStore } from '../src/index';
import { startPostgresServer } from './postgres-server';
import type { PostgresServer } from './postgres-server';

let server: PostgresServer;
let run = 0;
const opened: PostgresStore[] = [];

// A server of this file's own: taking it away must not disturb the other test files.
beforeAll(async () => {
  server = await startPostgresServer();
}, 60_000);

afterAll(async () => {
  for (const store of opened) await store.close();
  await server.stop();
});

async function freshStore(): Promise<PostgresStore> {
  const store = new PostgresStore({ connectionString: server.url, schema: `outage_${++run}` });
  opened.push(store);
  await store.migrate();
  return store;
}

function wacallOn(store: Store): Wacall {
  return createKitWacall(store, () => kitTime(700));
}

/** A store that counts its operations and takes the server away just before the `failAt`-th one. */
function failingAt(store: Store, failAt: number) {
  return haltingStore(store, failAt, () => server.halt());
}

/** The customer's permission, activities and calls. */
async function snapshot(wacall: Wacall) {
  const { customer: view, ...history } = await kitHistory(wacall);
  return { permission: view.permission, ...history };
}

describe('PostgresStore when the server goes away', () => {
  it('leaves every commit in flight whole or absent, never half-written', async () => {
    const store = await freshStore();
    const commits = Array.from({ length: 200 }, (_, i) =>
      store.commit({
        writes: [
          { type: 'set', key: `call:${i}`, value: { i } },
          { type: 'set', key: `seen:${i}`, value: true },
          {
            type: 'listAdd',
            key: 'calls',
            item: { id: `c${i}`, at: i, value: i },
            maxLength: 1000,
          },
        ],
      }),
    );
    const settled = Promise.allSettled(commits);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await server.halt();
    const outcomes = await settled;
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) {
      expect(isStoreError(outcome.reason) && outcome.reason.code).toBe('unavailable');
    }
    await server.start();

    const page = await store.listPage('calls', { limit: 1000 });
    const listed = new Set(page.items.map((item) => item.id));
    const values = await store.getMany(
      Array.from({ length: 200 }, (_, i) => [`call:${i}`, `seen:${i}`]).flat(),
    );
    for (let i = 0; i < 200; i++) {
      const parts = [
        values[2 * i] !== undefined,
        values[2 * i + 1] !== undefined,
        listed.has(`c${i}`),
      ];
      expect(new Set(parts).size, `commit ${i}: ${JSON.stringify(parts)}`).toBe(1);
      if (outcomes[i]!.status === 'fulfilled') expect(parts[0], `commit ${i} resolved`).toBe(true);
    }
  }, 60_000);

  it('rejects the ingest, and a redelivery after the server is back ends in the undisturbed state', async () => {
    const counted = failingAt(await freshStore(), Number.POSITIVE_INFINITY);
    const undisturbed = wacallOn(counted.store);
    await undisturbed.ingest(kitUnansweredCalls());
    const operations = counted.counter.calls;
    const expected = await snapshot(undisturbed);
    expect(expected.permission.consecutiveMissed).toBe(2);
    expect(expected.activities.length).toBeGreaterThan(0);

    // Take the server away before each of the batch’s store operations in turn.
    for (let failAt = 1; failAt <= operations; failAt++) {
      const store = await freshStore();
      const outage = await wacallOn(failingAt(store, failAt).store)
        .ingest(kitUnansweredCalls())
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isStoreError(outage) && outage.code, `outage before operation ${failAt}`).toBe(
        'unavailable',
      );
      await server.start();
      const recovered = wacallOn(store);
      await recovered.ingest(kitUnansweredCalls());
      expect(await snapshot(recovered), `outage before operation ${failAt}`).toEqual(expected);
    }
  }, 180_000);
});
