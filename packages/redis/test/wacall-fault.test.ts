// createWacall on Redis when Redis goes away in the middle of a webhook batch: ingest must reject (so the
// webhook handler answers 500 and Meta redelivers) and the redelivery must end in the state an
// undisturbed run reaches, with nothing counted twice.
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError } from '@wacall/core';
import type { Store, Wacall } from '@wacall/core';
import {
  createKitWacall,
  haltingStore,
  kitHistory,
  kitTime,
  kitUnansweredCalls,
} from '@wacall/core/testing';
import { RedisStore } from '../src/index';
import { startRedisServer } from './redis-server';
import type { RedisServer } from './redis-server';

function wacallOn(store: Store): Wacall {
  return createKitWacall(store, () => kitTime(700));
}

/** A store that counts its operations and takes Redis away just before the `failAt`-th one. */
function failingAt(store: Store, failAt: number, server?: RedisServer) {
  return haltingStore(store, failAt, async () => void (await server?.halt()));
}

/** The customer's permission, activities and calls. */
async function snapshot(wacall: Wacall) {
  const { customer: view, ...history } = await kitHistory(wacall);
  return { permission: view.permission, ...history };
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
    await undisturbed.ingest(kitUnansweredCalls());
    const operations = counted.counter.calls;
    const expected = await snapshot(undisturbed);
    expect(expected.permission.consecutiveMissed).toBe(2);
    expect(expected.activities.length).toBeGreaterThan(0);

    // Take Redis away before each of the batch’s store operations in turn.
    for (let failAt = 1; failAt <= operations; failAt++) {
      const { server, store } = await redis(true);
      const outage = await wacallOn(failingAt(store, failAt, server).store)
        .ingest(kitUnansweredCalls())
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isStoreError(outage), `outage before operation ${failAt}`).toBe(true);

      await server.restart();
      const recovered = wacallOn(store);
      await recovered.ingest(kitUnansweredCalls());
      expect(await snapshot(recovered), `outage before operation ${failAt}`).toEqual(expected);
    }
  }, 120_000);
});
