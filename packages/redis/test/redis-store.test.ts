import { Redis } from 'ioredis';
import { isStoreError } from '@wacall/core';
import { createPermissionEngine } from '@wacall/core/engine';
import { runStoreConformance } from '@wacall/core/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisStore } from '../src/index';

const url = inject('redisUrl');
let run = 0;
const nextPrefix = () => `test:${process.pid}:${++run}:`;
const opened: Redis[] = [];

function connection(): Redis {
  const client = new Redis(url);
  opened.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(opened.map((client) => client.quit()));
});

const prefixes = new WeakMap<object, string>();
runStoreConformance(
  () => {
    const prefix = nextPrefix();
    const store = new RedisStore({ url, prefix });
    prefixes.set(store, prefix);
    return store;
  },
  {
    describe,
    it,
    clock: 'real',
    // A second store on its own connection over the same keys: a second server instance.
    connectAgain: (store) => new RedisStore({ url, prefix: prefixes.get(store) ?? '' }),
    title: 'RedisStore conformance',
  },
);

describe('RedisStore on a real Redis', () => {
  it('lets exactly one of 16 concurrent reservations through two instances take a 1-per-24h request', async () => {
    const prefix = nextPrefix();
    const stores = [new RedisStore({ url, prefix }), new RedisStore({ url, prefix })];
    const engines = stores.map((store) =>
      createPermissionEngine({ businessNumber: '+44 20 7946 0000', store }),
    );
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        engines[i % 2]!.reserve({ customer: '447700900123', action: 'send_permission_request' }),
      ),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.allowed).map((r) => r.reason))).toEqual(
      new Set(['request_limit_24h']),
    );
    expect((await engines[1]!.state('447700900123')).requests).toHaveLength(1);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('lays keys out under the prefix and gives each an expiry', async () => {
    const prefix = nextPrefix();
    const redis = connection();
    const store = new RedisStore({ client: redis, prefix });
    await store.set('dedupe:wamid.1', true, { ttlMs: 60_000 });
    await store.set('forever', 1);
    await store.listAdd(
      'activities:447700900123',
      { id: 'a', at: 1, value: 1 },
      { maxLength: 50, ttlMs: 60_000 },
    );
    expect((await redis.keys(`${prefix}*`)).sort()).toEqual([
      `${prefix}l:{activities:447700900123}`,
      `${prefix}l:{activities:447700900123}:items`,
      `${prefix}v:dedupe:wamid.1`,
      `${prefix}v:forever`,
    ]);
    const ttl = await redis.pttl(`${prefix}v:dedupe:wamid.1`);
    expect(ttl).toBeGreaterThan(59_000);
    expect(await redis.pttl(`${prefix}l:{activities:447700900123}:items`)).toBeGreaterThan(59_000);
    expect(await redis.pttl(`${prefix}v:forever`)).toBe(-1);
  });

  it('gives permission state an expiry (no unbounded growth), and none to a permanent grant', async () => {
    const prefix = nextPrefix();
    const redis = connection();
    const engine = createPermissionEngine({
      businessNumber: '+44 20 7946 0000',
      store: new RedisStore({ client: redis, prefix }),
    });
    await engine.reserve({ customer: '447700900001', action: 'send_permission_request' });
    const base = { wabaId: 'w', phoneNumberId: 'p', raw: {}, timestamp: Date.now() } as const;
    await engine.apply({
      ...base,
      type: 'permission.reply',
      messageId: 'wamid.x',
      from: '447700900002',
      response: 'accept',
      permanent: true,
      source: 'user_action',
    });
    const day = 24 * 60 * 60 * 1000;
    expect(await redis.pttl(`${prefix}v:permissions:442079460000:447700900001`)).toBeGreaterThan(
      89 * day,
    );
    expect(await redis.pttl(`${prefix}v:permissions:442079460000:447700900002`)).toBe(-1);
  });

  it('does not close a client it was given; closes one it opened', async () => {
    const redis = connection();
    await new RedisStore({ client: redis, prefix: nextPrefix() }).close();
    expect(await redis.ping()).toBe('PONG');
    const own = new RedisStore({ url, prefix: nextPrefix() });
    await own.set('k', 1);
    await own.close();
    await own.close();
    const error = await own.get('k').catch((e: unknown) => e);
    expect(isStoreError(error) && error.code).toBe('unavailable');
  });

  it('reloads its scripts when the server forgot them (restart, failover)', async () => {
    const redis = connection();
    const store = new RedisStore({ client: redis, prefix: nextPrefix() });
    await store.compareAndSet('k', null, 1);
    await redis.script('FLUSH');
    const current = await store.get('k');
    expect(await store.compareAndSet('k', current?.version ?? null, 2)).toBe(true);
    expect((await store.get('k'))?.value).toBe(2);
  });

  it('refuses a key written by something else as corrupt', async () => {
    const prefix = nextPrefix();
    const redis = connection();
    await redis.set(`${prefix}v:foreign`, 'no version here');
    const error = await new RedisStore({ client: redis, prefix })
      .get('foreign')
      .catch((e: unknown) => e);
    expect(isStoreError(error) && error.code).toBe('corrupt');
  });
});
