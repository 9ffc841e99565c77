// createWacall().ingest on RedisStore with 16 deliveries in flight at once: events per second and Redis
// commands per event (each command is one round trip), next to 16 concurrent PING loops on the same
// server in the same run — the most round trips per second this machine's loopback Redis can give.
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { RedisStore } from '@wacall/redis';
import { heading } from './harness.mjs';
import {
  concurrency,
  ingestInFlight,
  ingestingWacall,
  quick,
  reportAgainstBaseline,
} from './ingest-kit.mjs';
import { startRedis } from './redis-server.mjs';

/** A Redis connection that counts the commands it sends. */
function countingConnection(url) {
  const client = new Redis(url);
  const counter = { commands: 0 };
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command, stream) => {
    counter.commands += 1;
    return send(command, stream);
  };
  return { client, counter };
}

async function pingRate(url, ms) {
  const clients = Array.from({ length: concurrency }, () => new Redis(url));
  let pings = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() - started < ms) {
        await client.ping();
        pings += 1;
      }
    }),
  );
  const rate = (pings / (performance.now() - started)) * 1000;
  await Promise.all(clients.map((client) => client.quit()));
  return rate;
}

export default async function run() {
  heading('ingest on RedisStore: 16 deliveries in flight (connect + terminate per call)');
  const redis = await startRedis();
  try {
    const { client: connection, counter } = countingConnection(redis.url);
    const store = new RedisStore({ client: connection, prefix: `bench:${Date.now()}:` });
    const wacall = await ingestingWacall(store);
    counter.commands = 0;

    const { events, eventRate } = await ingestInFlight(wacall);
    const perEvent = counter.commands / events;
    const pings = await pingRate(redis.url, quick ? 200 : 1000);
    reportAgainstBaseline({
      eventRate,
      perEvent,
      baselineRate: pings,
      baseline: '16 concurrent PING loops',
      unit: 'round trips',
      one: 'PINGs',
      trips: 'Redis commands',
    });
    await wacall.close();
    await store.close();
    await connection.quit();
  } finally {
    await redis.stop();
  }
}
