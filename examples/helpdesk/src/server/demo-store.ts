import { MemoryStore, type Store } from '@wacall/core';
import { RedisStore } from '@wacall/redis';
import { redisLocation, type RedisConfig } from './demo-config';

/**
 * The Store of one helpdesk instance: in memory by default; with Redis, a connection of the instance's
 * own, as a separate process would open it. Checks Redis answers before the instance starts, so a
 * wrong `REDIS_URL` stops the demo with where it looked instead of failing the first webhook.
 */
export async function openStore(redis: RedisConfig | undefined): Promise<Store> {
  if (!redis) return new MemoryStore();
  const store = new RedisStore({ url: redis.url, prefix: redis.prefix });
  try {
    await store.get('helpdesk:reachable');
  } catch (error) {
    await store.close();
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new Error(
      `Redis at ${redisLocation(redis.url)} did not answer (${reason}). Start redis-server there, or point REDIS_URL at a running one.`,
    );
  }
  return store;
}
