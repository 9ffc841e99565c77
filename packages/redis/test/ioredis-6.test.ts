// The peer range admits ioredis 6; this runs the conformance suite with a client of that major.
import { runStoreConformance } from '@wacall/core/testing';
import { Redis } from 'ioredis-6';
import { afterAll, describe, inject, it } from 'vitest';
import { RedisStore } from '../src/index';

type RedisClient = NonNullable<ConstructorParameters<typeof RedisStore>[0]>['client'];

const url = inject('redisUrl');
let run = 0;
const opened: Redis[] = [];
const prefixes = new WeakMap<object, string>();

function storeOn(prefix: string): RedisStore {
  const client = new Redis(url);
  opened.push(client);
  // Only this repository holds ioredis 5 and 6 side by side, so their class types differ here; an
  // app has one copy, and the consumer test type-checks RedisStore against ioredis 6 alone.
  const store = new RedisStore({ client: client as unknown as RedisClient, prefix });
  prefixes.set(store, prefix);
  return store;
}

afterAll(async () => {
  await Promise.all(opened.map((client) => client.quit()));
});

runStoreConformance(() => storeOn(`test6:${process.pid}:${++run}:`), {
  describe,
  it,
  clock: 'real',
  connectAgain: (store) => storeOn(prefixes.get(store) ?? ''),
  title: 'RedisStore conformance with ioredis 6',
});
