// The call log: the first page of findCalls (and a filtered page, and a chip's count) with 100 000 calls
// in the store, next to reading the same 50 calls by id in the same run, on MemoryStore, RedisStore and
// PostgresStore (where the same filter is also read through the `calls` view, as a report would). The calls are written by
// seedCalls, which plans each call's writes (log indexes and counts included) with the same code ingest
// uses, 200 calls a commit, so filling the store takes seconds instead of 100 000 webhooks.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createClient, createWacall, MemoryStore } from '@wacall/core';
import { seedCalls } from '@wacall/core/testing';
import { PostgresStore } from '@wacall/postgres';
import { RedisStore } from '@wacall/redis';
import { heading, quick } from './harness.mjs';
import { startPostgres } from './postgres-server.mjs';
import { startRedis } from './redis-server.mjs';

const total = quick ? 2_000 : 100_000;
const reads = quick ? 3 : 40;
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const phoneNumberId = '106540352242922';
const business = '5511955550100';
const customers = Array.from({ length: 20_000 }, (_, i) => `49151${String(i).padStart(8, '0')}`);

/** One call's webhook events, as the parser hands them over: incoming and outgoing, half of them ended. */
function callEvents(index) {
  const direction = index % 3 === 0 ? 'business_initiated' : 'user_initiated';
  const customer = customers[index % customers.length];
  const base = {
    wabaId: '102290129340398',
    phoneNumberId,
    displayPhoneNumber: business,
    raw: {},
    callId: `wacid.bench-${index}`,
    direction,
    ...(direction === 'user_initiated'
      ? { from: customer, to: business }
      : { from: business, to: customer }),
  };
  const events = [
    {
      ...base,
      timestamp: t0 + index * 1000,
      type: 'call.connect',
      session: { sdpType: direction === 'user_initiated' ? 'offer' : 'answer', sdp: 'v=0\r\n' },
    },
  ];
  if (index % 2 === 0) {
    const answered = index % 4 === 0;
    events.push({
      ...base,
      timestamp: t0 + index * 1000 + 30_000,
      type: 'call.terminate',
      status: 'completed',
      answered,
      errors: [],
      ...(answered
        ? {
            startTime: t0 + index * 1000 + 5_000,
            endTime: t0 + index * 1000 + 30_000,
            durationSeconds: 25,
          }
        : {}),
    });
  }
  return events;
}

const events = Array.from({ length: total }, (_, index) => callEvents(index)).flat();

/** Mean milliseconds of `fn` over `reads` runs, after one warm-up run. */
async function timeOf(fn) {
  await fn();
  const started = performance.now();
  for (let i = 0; i < reads; i++) await fn();
  return (performance.now() - started) / reads;
}

async function measureLog(label, store, afterSeeding = async () => undefined) {
  const wacall = createWacall({
    client: createClient({ accessToken: 'bench-token', phoneNumberId }),
    businessNumber: `+${business}`,
    store,
    now: () => t0 + total * 1000,
  });
  const seeding = performance.now();
  await seedCalls(store, { businessNumber: `+${business}`, events });
  const seeded = performance.now() - seeding;
  const first = await wacall.findCalls();
  const ids = first.calls.map((call) => call.callId);
  if (ids.length !== 50 || ids[0] !== `wacid.bench-${total - 1}`) {
    throw new Error(`the first page is wrong: ${ids.length} calls, newest ${ids[0]}`);
  }
  if ((await wacall.countCalls()) !== total)
    throw new Error('countCalls() is not the number placed');
  const page = await timeOf(() => wacall.findCalls());
  const byId = await timeOf(() => Promise.all(ids.map((id) => wacall.getCall(id))));
  const filtered = await timeOf(() =>
    wacall.findCalls({ direction: 'outgoing', status: 'calling' }),
  );
  const combined = await timeOf(() =>
    wacall.findCalls({ direction: 'incoming', customer: customers[7], since: t0 }),
  );
  const chips = await timeOf(() =>
    Promise.all([
      wacall.countCalls(),
      wacall.countCalls({ direction: 'incoming', status: 'missed' }),
      wacall.countCalls({ direction: 'outgoing', status: 'calling' }),
    ]),
  );
  console.log(
    `  ${label}: ${total.toLocaleString('en-US')} calls written in ${(seeded / 1000).toFixed(1)} s`,
  );
  console.log(
    `    findCalls() first page (50): ${page.toFixed(2)} ms vs getCall ×50 by id ${byId.toFixed(2)} ms → ${(page / byId).toFixed(2)}×`,
  );
  console.log(
    `    filtered page (outgoing, calling): ${filtered.toFixed(2)} ms; incoming + customer + since: ${combined.toFixed(2)} ms; three chip counts: ${chips.toFixed(2)} ms`,
  );
  await afterSeeding();
  await wacall.close();
  await store.close();
}

export default async function run() {
  heading('call log (findCalls / countCalls)');
  await measureLog('MemoryStore', new MemoryStore());
  const redis = await startRedis();
  try {
    await measureLog('RedisStore', new RedisStore({ url: redis.url, prefix: 'bench-log:' }));
  } finally {
    await redis.stop();
  }
  const postgres = await startPostgres();
  try {
    const schema = 'bench_log';
    const store = new PostgresStore({ connectionString: postgres.url, schema });
    await store.migrate();
    await measureLog('PostgresStore', store, () => measureView(postgres.url, schema));
  } finally {
    await postgres.stop();
  }
}

/** The combined filter as SQL on the `calls` view: the newest 50 of a customer's incoming calls. */
async function measureView(url, schema) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  try {
    await pool.query(`ANALYZE ${schema}.store_list_items`);
    const query = `SELECT call_id, status, created_at, ended_at, duration_seconds FROM ${schema}.calls
      WHERE customer = $1 AND direction = 'incoming' AND created_at >= to_timestamp($2::double precision / 1000)
      ORDER BY created_at DESC LIMIT 50`;
    // A named statement, as a report or an app would prepare it: planned once, then only executed.
    const prepared = { name: 'calls-view', text: query, values: [customers[7], t0] };
    const { rows } = await pool.query(prepared);
    if (rows.length === 0) throw new Error('the calls view shows none of the customer’s calls');
    const view = await timeOf(() => pool.query(prepared));
    console.log(
      `    SQL on the calls view, prepared (incoming + customer + since, ${rows.length} rows): ${view.toFixed(2)} ms`,
    );
  } finally {
    await pool.end();
  }
}
