// createWacall().ingest on RedisStore with 16 deliveries in flight at once: events per second and Redis
// commands per event (each command is one round trip), next to 16 concurrent PING loops on the same
// server in the same run — the most round trips per second this machine's loopback Redis can give.
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createClient, createWacall } from '@wacall/core';
import { RedisStore } from '@wacall/redis';
import { heading } from './harness.mjs';
import { startRedis } from './redis-server.mjs';

const concurrency = 16;
const quick = process.env.BENCH_QUICK === '1';
const callsPerWorker = quick ? 5 : 60;
const phoneNumberId = '106540352242922';
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);

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

/** A call's connect and terminate, as Meta sends them for an answered incoming call. */
function callEvents(worker, index) {
  const callId = `wacid.bench-${worker}-${index}`;
  const customer = `4915112${String(worker).padStart(2, '0')}${String(index).padStart(4, '0')}`;
  const start = t0 + index * 60_000;
  const base = { wabaId: 'w', phoneNumberId, displayPhoneNumber: '5511955550100', raw: {} };
  const parties = { direction: 'user_initiated', from: customer, to: '5511955550100' };
  return [
    {
      ...base,
      ...parties,
      type: 'call.connect',
      timestamp: start,
      callId,
      session: { sdpType: 'offer', sdp: 'v=0\r\n' },
    },
    {
      ...base,
      ...parties,
      type: 'call.terminate',
      timestamp: start + 40_000,
      callId,
      status: 'completed',
      answered: true,
      startTime: start + 5_000,
      endTime: start + 40_000,
      durationSeconds: 35,
      errors: [],
    },
  ];
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
    const client = createClient({
      accessToken: 'bench-token',
      phoneNumberId,
      fetch: () => Promise.reject(new Error('ingest never calls the Cloud API')),
    });
    const wacall = createWacall({ client, businessNumber: '+55 11 95555 0100', store });
    await wacall.sweep(); // subscribes to the change feed before counting
    counter.commands = 0;

    let events = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let index = 0; index < callsPerWorker; index++) {
          for (const event of callEvents(worker, index)) {
            const result = await wacall.ingest([event]);
            events += result.applied;
          }
        }
      }),
    );
    const elapsed = performance.now() - started;
    const eventRate = (events / elapsed) * 1000;
    const perEvent = counter.commands / events;
    const pings = await pingRate(redis.url, quick ? 200 : 1000);
    console.log(
      `  ${events.toLocaleString('en-US')} events in ${elapsed.toFixed(0)} ms: ${Math.round(eventRate).toLocaleString('en-US')} events/s`,
    );
    console.log(
      `  baseline: 16 concurrent PING loops: ${Math.round(pings).toLocaleString('en-US')} round trips/s → ` +
        `an event costs the time of ${(pings / eventRate).toFixed(2)} PINGs`,
    );
    const verdict = quick ? '' : perEvent <= 4 ? ' (target ≤ 4: met)' : ' (target ≤ 4: MISSED)';
    console.log(`  Redis commands per event: ${perEvent.toFixed(2)}${verdict}`);
    await wacall.close();
    await store.close();
    await connection.quit();
  } finally {
    await redis.stop();
  }
}
