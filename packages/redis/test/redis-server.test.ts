import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startRedisServer } from './redis-server';

describe('startRedisServer', () => {
  it('fails with an install hint when redis-server is missing', async () => {
    await expect(
      startRedisServer({ command: 'redis-server-that-is-not-installed' }),
    ).rejects.toThrow('apt-get install redis-server');
  });

  it('starts, restarts with empty data on the same port, and stops', async () => {
    const server = await startRedisServer();
    const client = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    client.on('error', () => undefined); // the outage below is intended
    try {
      await client.set('k', 'v');
      await server.restart();
      expect(await client.get('k')).toBeNull();
      await server.stop();
      await expect(client.get('k')).rejects.toThrow();
    } finally {
      client.disconnect();
      await server.stop();
    }
  });
});
