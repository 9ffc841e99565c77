// createWacall().ingest on PostgresStore with 16 deliveries in flight at once: events per second and
// round trips per event, next to 16 concurrent loops of a plain parameterised INSERT on the same server
// in the same run (one round trip each: the most single-row writes per second this machine gives).
// Then the first page of a customer's call log holding 100 000 calls.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createClient, createWacall } from '@wacall/core';
import { PostgresStore } from '@wacall/postgres';
import { heading } from './harness.mjs';
import { startPostgres } from './postgres-server.mjs';

const concurrency = 16;
const quick = process.env.BENCH_QUICK === '1';
const callsPerWorker = quick ? 5 : 60;
const phoneNumberId = '106540352242922';
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A pool that counts the queries it sends (each one round trip). */
function countingPool(url) {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  // An idle connection dropping (the server stopping at the end) must not crash the run.
  pool.on('error', () => undefined);
  const counter = { queries: 0 };
  const query = pool.query.bind(pool);
  pool.query = (...args) => {
    counter.queries += 1;
    return query(...args);
  };
  return { pool, counter };
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

/** 16 loops of one parameterised INSERT each, for `ms`: rows per second. */
async function insertRate(pool, ms) {
  await pool.query('CREATE TABLE bench_rows (id bigserial PRIMARY KEY, key text, value json)');
  let rows = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() - started < ms) {
        await pool.query('INSERT INTO bench_rows (key, value) VALUES ($1, $2)', [
          `k${worker}:${rows}`,
          JSON.stringify({ worker, rows }),
        ]);
        rows += 1;
      }
    }),
  );
  return (rows / (performance.now() - started)) * 1000;
}

/** The newest 50 of 100 000 calls in one list: milliseconds per page, over a few reads. */
async function firstPage(pool, url) {
  const schema = 'bench_log';
  const store = new PostgresStore({ connectionString: url, schema });
  await store.migrate();
  const key = 'wacall:5511955550100:calls:4915112345678';
  await store.listAdd(key, { id: 'seed', at: 0, value: {} }, { maxLength: 200_000 });
  const total = quick ? 10_000 : 100_000;
  await pool.query(
    `INSERT INTO ${schema}.store_list_items (list_key, id, at, value)
       SELECT $1, 'wacid.' || n, $2::bigint + n::bigint * 60000,
              json_build_object('callId', 'wacid.' || n, 'status', 'completed')
         FROM generate_series(1, $3::integer) AS n`,
    [key, t0, total - 1],
  );
  await pool.query(`ANALYZE ${schema}.store_list_items`);
  const reads = quick ? 5 : 50;
  const started = performance.now();
  for (let i = 0; i < reads; i++) await store.listPage(key, { limit: 50 });
  const perPage = (performance.now() - started) / reads;
  await store.close();
  return { total, perPage };
}

export default async function run() {
  heading('ingest on PostgresStore: 16 deliveries in flight (connect + terminate per call)');
  const postgres = await startPostgres();
  try {
    const { pool, counter } = countingPool(postgres.url);
    const store = new PostgresStore({ pool, schema: 'bench' });
    await store.migrate();
    const client = createClient({
      accessToken: 'bench-token',
      phoneNumberId,
      fetch: () => Promise.reject(new Error('ingest never calls the Cloud API')),
    });
    const wacall = createWacall({ client, businessNumber: '+55 11 95555 0100', store });
    await wacall.sweep(); // subscribes to the change feed before counting
    counter.queries = 0;

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
    const perEvent = counter.queries / events;
    const inserts = await insertRate(pool, quick ? 300 : 2000);
    console.log(
      `  ${events.toLocaleString('en-US')} events in ${elapsed.toFixed(0)} ms: ${Math.round(eventRate).toLocaleString('en-US')} events/s`,
    );
    console.log(
      `  baseline: 16 concurrent loops of one parameterised INSERT: ${Math.round(inserts).toLocaleString('en-US')} rows/s → ` +
        `an event costs the time of ${(inserts / eventRate).toFixed(2)} INSERTs`,
    );
    const verdict = quick ? '' : perEvent <= 4 ? ' (target ≤ 4: met)' : ' (target ≤ 4: MISSED)';
    console.log(`  round trips per event: ${perEvent.toFixed(2)}${verdict}`);
    const page = await firstPage(pool, postgres.url);
    console.log(
      `  first page (50) of a call log with ${page.total.toLocaleString('en-US')} calls: ${page.perPage.toFixed(2)} ms`,
    );
    await wacall.close();
    await store.close();
    await pool.end();
  } finally {
    await postgres.stop();
  }
}
