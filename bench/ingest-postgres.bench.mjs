// createWacall().ingest on PostgresStore with 16 deliveries in flight at once: events per second and
// round trips per event, next to 16 concurrent loops of a plain parameterised INSERT on the same server
// in the same run (one round trip each: the most single-row writes per second this machine gives).
// Then the first page of a customer's call log holding 100 000 calls.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PostgresStore } from '@wacall/postgres';
import { heading } from './harness.mjs';
import {
  concurrency,
  ingestInFlight,
  ingestingWacall,
  quick,
  reportAgainstBaseline,
  t0,
} from './ingest-kit.mjs';
import { startPostgres } from './postgres-server.mjs';

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
    const wacall = await ingestingWacall(store);
    counter.queries = 0;

    const { events, eventRate } = await ingestInFlight(wacall);
    const perEvent = counter.queries / events;
    const inserts = await insertRate(pool, quick ? 300 : 2000);
    reportAgainstBaseline({
      eventRate,
      perEvent,
      baselineRate: inserts,
      baseline: '16 concurrent loops of one parameterised INSERT',
      unit: 'rows',
      one: 'INSERTs',
      trips: 'round trips',
    });
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
