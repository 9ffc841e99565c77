// createWacall on Redis when Redis goes away in the middle of a webhook batch: ingest must reject (so the
// webhook handler answers 500 and Meta redelivers) and the redelivery must end in the state an
// undisturbed run reaches, with nothing counted twice.
import { afterEach, describe, expect, it } from 'vitest';
import { createWacall, isStoreError } from '@wacall/core';
import type { JsonValue, ListPageOptions, Store, Wacall, WebhookEvent } from '@wacall/core';
import { RedisStore } from '../src/index';
import { at, base, businessNumber, customer, ingestOnlyClient } from './webhook-events';
import { startRedisServer } from './redis-server';
import type { RedisServer } from './redis-server';

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
    const parties = { from: '5511955550100', to: customer };
    events.push(
      { ...base(start), type: 'call.status', callId, status: 'ringing', recipientId: customer },
      {
        ...base(start + 45),
        type: 'call.terminate',
        callId,
        direction: 'business_initiated',
        ...parties,
        status: 'completed',
        answered: false,
        errors: [],
      },
    );
  }
  return events;
}

function wacallOn(store: Store): Wacall {
  const client = ingestOnlyClient();
  return createWacall({ client, businessNumber, store, now: () => at(700) });
}

/** A store that counts its operations and takes Redis away just before the `failAt`-th one. */
function failingAt(store: Store, failAt: number, server?: RedisServer) {
  const counter = { calls: 0 };
  const before = async () => {
    if (++counter.calls === failAt) await server?.halt();
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

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function redis(persist: boolean) {
  const server = await startRedisServer({ persist });
  const store = new RedisStore({
    url: server.url,
    prefix: `fault-${Math.random().toString(36).slice(2)}:`,
    redisOptions: { maxRetriesPerRequest: 1, retryStrategy: () => 50 },
  });
  cleanup.push(
    () => server.stop(),
    () => store.close(),
  );
  return { server, store };
}

describe('createWacall on RedisStore: Redis stops mid-batch', () => {
  it('rejects the ingest, and a redelivery after Redis is back ends in the undisturbed state', async () => {
    const reference = await redis(false);
    const counted = failingAt(reference.store, Number.POSITIVE_INFINITY);
    const undisturbed = wacallOn(counted.store);
    await undisturbed.ingest(batch());
    const operations = counted.counter.calls;
    const expected = await snapshot(undisturbed);
    expect(expected.permission.consecutiveMissed).toBe(2);
    expect(expected.activities.length).toBeGreaterThan(0);

    // Take Redis away before each of the batch’s store operations in turn.
    for (let failAt = 1; failAt <= operations; failAt++) {
      const { server, store } = await redis(true);
      const outage = await wacallOn(failingAt(store, failAt, server).store)
        .ingest(batch())
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isStoreError(outage), `outage before operation ${failAt}`).toBe(true);

      await server.restart();
      const recovered = wacallOn(store);
      await recovered.ingest(batch());
      expect(await snapshot(recovered), `outage before operation ${failAt}`).toEqual(expected);
    }
  }, 120_000);
});
