// PostgreSQL going away in the middle of work: commits in flight either land whole or not at all, the
// facade's ingest rejects (so the webhook handler answers 500 and Meta redelivers), and the redelivery
// after the server is back ends in the state an undisturbed run reaches, nothing lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createWacall, isStoreError } from '@wacall/core';
import type { JsonValue, ListPageOptions, Store, Wacall, WebhookEvent } from '@wacall/core';
import { PostgresStore } from '../src/index';
import { startPostgresServer } from './postgres-server';
import type { PostgresServer } from './postgres-server';

const phoneNumberId = '106540352242922';
const customer = '4915112345678';
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const at = (seconds: number) => t0 + seconds * 1000;
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

const base = (seconds: number) => ({
  wabaId: '102290129340398',
  phoneNumberId,
  displayPhoneNumber: '5511955550100',
  timestamp: at(seconds),
  raw: {},
});

/** A granted permission, then two business calls the customer never picks up. */
function batch(): WebhookEvent[] {
  const events: WebhookEvent[] = [
    {
      ...base(0),
      type: 'permission.reply',
      messageId: 'wamid.reply-1',
      from: customer,
      response: 'accept',
      permanent: true,
      source: 'user_action',
    },
  ];
  for (const [i, start] of [
    [1, 60],
    [2, 600],
  ] as const) {
    const callId = `wacid.unanswered-${i}`;
    events.push(
      { ...base(start), type: 'call.status', callId, status: 'ringing', recipientId: customer },
      {
        ...base(start + 45),
        type: 'call.terminate',
        callId,
        direction: 'business_initiated',
        from: '5511955550100',
        to: customer,
        status: 'completed',
        answered: false,
        errors: [],
      },
    );
  }
  return events;
}

function wacallOn(store: Store): Wacall {
  const client = createClient({
    accessToken: 'test-token',
    phoneNumberId,
    fetch: () => Promise.reject(new Error('ingest must not call the Cloud API')),
  });
  return createWacall({ client, businessNumber: '+55 11 95555 0100', store, now: () => at(700) });
}

/** A store that counts its operations and takes the server away just before the `failAt`-th one. */
function failingAt(store: Store, failAt: number) {
  const counter = { calls: 0 };
  const before = async () => {
    if (++counter.calls === failAt) await server.halt();
  };
  const wrapped: Store = {
    get: async <T extends JsonValue = JsonValue>(key: string) => (
      await before(),
      store.get<T>(key)
    ),
    set: async (...args) => (await before(), store.set(...args)),
    setIfAbsent: async (...args) => (await before(), store.setIfAbsent(...args)),
    compareAndSet: async (...args) => (await before(), store.compareAndSet(...args)),
    delete: async (key) => (await before(), store.delete(key)),
    listAdd: async (...args) => (await before(), store.listAdd(...args)),
    listPage: async <T extends JsonValue = JsonValue>(key: string, options: ListPageOptions) => (
      await before(),
      store.listPage<T>(key, options)
    ),
    getMany: async (keys) => (await before(), store.getMany(keys)),
    commit: async (commit) => (await before(), store.commit(commit)),
    subscribe: async (listener) => (await before(), store.subscribe(listener)),
    close: () => store.close(),
  };
  return { store: wrapped, counter };
}

async function snapshot(wacall: Wacall) {
  const view = await wacall.getCustomer(customer);
  return {
    permission: view.permission,
    activities: await wacall.listActivities(customer),
    calls: await wacall.listCalls(customer),
  };
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
    await undisturbed.ingest(batch());
    const operations = counted.counter.calls;
    const expected = await snapshot(undisturbed);
    expect(expected.permission.consecutiveMissed).toBe(2);
    expect(expected.activities.length).toBeGreaterThan(0);

    // Take the server away before each of the batch’s store operations in turn.
    for (let failAt = 1; failAt <= operations; failAt++) {
      const store = await freshStore();
      const outage = await wacallOn(failingAt(store, failAt).store)
        .ingest(batch())
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isStoreError(outage) && outage.code, `outage before operation ${failAt}`).toBe(
        'unavailable',
      );
      await server.start();
      const recovered = wacallOn(store);
      await recovered.ingest(batch());
      expect(await snapshot(recovered), `outage before operation ${failAt}`).toEqual(expected);
    }
  }, 180_000);
});
