// The views of migration 3 after a real day of webhooks through createWacall, on PGlite and on a
// PostgreSQL server: the rows and columns a person reads, expiry, the indexes a filtered query uses, an
// upgrade from version 2 with data in place, and two schemas side by side.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrations, PostgresStore } from '../src/index';
import {
  ana,
  ben,
  businessDigits,
  dayCalls,
  dayTime,
  dayWacall,
  leo,
  mia,
  playDay,
} from './helpdesk-day';
import { activityRows, callRows, expectedActivity, expectedCall, ms, records } from './view-rows';
import type { Row } from './view-rows';

interface Backend {
  name: string;
  store(schema: string, now?: () => number): PostgresStore;
  sql(text: string): Promise<Row[]>;
  /** Runs statements without results (a migration's SQL). */
  script(text: string): Promise<void>;
  /** The plan of `query` with sequential scans discouraged, one line per row. */
  explain(query: string): Promise<string>;
}

let pglite: PGlite;
let admin: pg.Pool;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  pglite = await PGlite.create();
  admin = new pg.Pool({ connectionString: inject('postgresUrl'), max: 4 });
  admin.on('error', () => undefined);
});

afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
  await pglite.close();
  await admin.end();
});

const planOf = (rows: Row[]) => rows.map((row) => String(row['QUERY PLAN'])).join('\n');

const backends: Backend[] = [
  {
    name: 'PGlite',
    store: (schema, now) => new PostgresStore({ pglite, schema, ...(now ? { now } : {}) }),
    sql: async (text) => (await pglite.query<Row>(text)).rows,
    script: async (text) => void (await pglite.exec(text)),
    explain: async (query) => {
      await pglite.exec('SET enable_seqscan = off');
      try {
        return planOf((await pglite.query<Row>(`EXPLAIN ${query}`)).rows);
      } finally {
        await pglite.exec('RESET enable_seqscan');
      }
    },
  },
  {
    name: 'PostgreSQL server',
    store: (schema, now) =>
      new PostgresStore({
        connectionString: inject('postgresUrl'),
        schema,
        ...(now ? { now } : {}),
      }),
    sql: async (text) => (await admin.query<Row>(text)).rows,
    script: async (text) => void (await admin.query(text)),
    explain: async (query) => {
      const client = await admin.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL enable_seqscan = off');
        return planOf((await client.query<Row>(`EXPLAIN ${query}`)).rows);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    },
  },
];

let run = 0;
const nextSchema = (label: string) => `views_${label}_${process.pid}_${++run}`;

/** A migrated store and an ingest-only facade on it, closed after the file. */
async function open(
  backend: Backend,
  schema: string,
  options: { now?: () => number; retentionMs?: number } = {},
) {
  const store = backend.store(schema, options.now);
  await store.migrate();
  const wacall = dayWacall(store, options.retentionMs ? { retentionMs: options.retentionMs } : {});
  opened.push(store, wacall);
  return { store, wacall };
}

describe.each(backends)('the readable views on $name', (backend) => {
  it('show every call with the columns of its record: incoming and outgoing, ended and live', async () => {
    const schema = nextSchema('calls');
    const { wacall } = await open(backend, schema);
    await playDay(wacall);
    const rows = await callRows(backend.sql, schema);
    const expected = await records(wacall);
    expect(expected.map((call) => call.callId).sort()).toEqual(Object.keys(dayCalls).sort());
    expect(rows).toEqual(expected.map(expectedCall));
    expect(Object.fromEntries(rows.map((row) => [row.call_id, row.status]))).toEqual(dayCalls);
    // Spelled out for two calls, so the comparison above cannot pass on two equally wrong readings.
    expect(rows.find((row) => row.call_id === 'wacid.in1')).toMatchObject({
      direction: 'incoming',
      customer: mia.waId,
      customer_name: mia.name,
      agent_id: ana.id,
      agent_name: ana.name,
      created_at: dayTime(100),
      answered_at: dayTime(105),
      ended_at: dayTime(170),
      duration_seconds: 65,
    });
    expect(rows.find((row) => row.call_id === 'wacid.out1')).toMatchObject({
      direction: 'outgoing',
      status: 'ringing',
      agent_id: ben.id,
      agent_name: ben.name,
      created_at: dayTime(300),
      ringing_at: dayTime(302),
      ended_at: null,
      duration_seconds: null,
    });
    expect(rows.find((row) => row.call_id === 'wacid.in4')).toMatchObject({
      status: 'declined',
      agent_id: ben.id,
      ended_at: dayTime(805),
    });
  });

  it('show calls the clock closed (no closing webhook) as the records do, with their end', async () => {
    const schema = nextSchema('swept');
    const { wacall } = await open(backend, schema);
    await playDay(wacall);
    await wacall.sweep();
    const rows = await callRows(backend.sql, schema);
    expect(rows).toEqual((await records(wacall)).map(expectedCall));
    const closed = rows.filter(
      (row) => row.call_id === 'wacid.in2' || row.call_id === 'wacid.out1',
    );
    expect(closed.map((row) => row.status)).toEqual(['disconnected', 'disconnected']);
    expect(closed.every((row) => typeof row.ended_at === 'number')).toBe(true);
  });

  it('show each customer’s activities as the timeline lists them, and one row per permission fact', async () => {
    const schema = nextSchema('facts');
    const { wacall } = await open(backend, schema);
    await playDay(wacall);
    for (const customer of [mia, leo]) {
      const timeline = await wacall.listActivities(customer.waId);
      expect(timeline.length).toBeGreaterThan(0);
      expect(await activityRows(backend.sql, schema, customer.waId)).toEqual(
        timeline.map((activity) => expectedActivity(activity, customer.waId)),
      );
    }
    const facts = await backend.sql(
      `SELECT business_number, customer, status, at, source, permanent, expires_at, revoked_reason
         FROM ${schema}.permission_facts ORDER BY customer, at`,
    );
    expect(
      facts.map((row) => ({ ...row, at: ms(row.at), expires_at: ms(row.expires_at) })),
    ).toEqual([
      {
        business_number: businessDigits,
        customer: mia.waId,
        status: 'granted',
        at: dayTime(10),
        source: 'wamid.reply-1',
        permanent: false,
        expires_at: dayTime(10) + 7 * 86_400_000,
        revoked_reason: null,
      },
      {
        business_number: businessDigits,
        customer: leo.waId,
        status: 'revoked',
        at: dayTime(600),
        source: 'wamid.reply-2',
        permanent: false,
        expires_at: null,
        revoked_reason: 'customer',
      },
      {
        business_number: businessDigits,
        customer: leo.waId,
        status: 'granted',
        at: dayTime(700),
        source: 'wamid.reply-3',
        permanent: true,
        expires_at: null,
        revoked_reason: null,
      },
    ]);
  });

  it('leave out rows past their expiry, by the database’s clock, while the rows are still stored', async () => {
    const schema = nextSchema('expired');
    // Written 100 days ago with a day of retention: calls and activities expired 99 days ago, and so
    // did Mia's temporary grant (90 days); Leo's permanent grant never expires.
    const { wacall } = await open(backend, schema, {
      now: () => Date.now() - 100 * 86_400_000,
      retentionMs: 86_400_000,
    });
    await playDay(wacall);
    expect(await callRows(backend.sql, schema)).toEqual([]);
    expect(await backend.sql(`SELECT * FROM ${schema}.activities`)).toEqual([]);
    const facts = await backend.sql(
      `SELECT customer, status FROM ${schema}.permission_facts ORDER BY at`,
    );
    expect(facts).toEqual([
      { customer: leo.waId, status: 'revoked' },
      { customer: leo.waId, status: 'granted' },
    ]);
    const stored = await backend.sql(
      `SELECT count(*)::integer AS n FROM ${schema}.store_values WHERE key ~ '^wacall:[0-9]+:call:'`,
    );
    expect(stored).toEqual([{ n: Object.keys(dayCalls).length }]);
  });

  it('answer the call log’s filters from the indexes', async () => {
    const schema = nextSchema('plans');
    const { wacall } = await open(backend, schema);
    await playDay(wacall);
    await backend.sql(`ANALYZE ${schema}.store_list_items`);
    const filtered = `SELECT call_id FROM ${schema}.calls
       WHERE customer = '${leo.waId}' AND status = 'missed' AND direction = 'incoming'
         AND created_at >= to_timestamp(${dayTime(0) / 1000}) AND created_at < to_timestamp(${dayTime(3600) / 1000})`;
    expect(await backend.sql(filtered)).toEqual([{ call_id: 'wacid.in3' }]);
    expect(await backend.explain(filtered)).toMatch(
      /Index Scan (using|on) store_list_items_calls_\w+/,
    );
    const plans = {
      customer: `SELECT call_id FROM ${schema}.calls WHERE customer = '${mia.waId}' ORDER BY created_at DESC LIMIT 50`,
      status: `SELECT call_id FROM ${schema}.calls WHERE direction = 'outgoing' AND status = 'completed'`,
      agent: `SELECT call_id FROM ${schema}.calls WHERE agent_id = '${ana.id}' ORDER BY created_at DESC LIMIT 50`,
      created: `SELECT call_id FROM ${schema}.calls WHERE created_at >= to_timestamp(${dayTime(0) / 1000}) ORDER BY created_at DESC LIMIT 50`,
      activities: `SELECT activity_id FROM ${schema}.activities WHERE customer = '${mia.waId}' ORDER BY at DESC LIMIT 20`,
      permissions: `SELECT status FROM ${schema}.permission_facts WHERE customer = '${leo.waId}'`,
    };
    const indexes = {
      customer: 'store_list_items_calls_customer',
      status: 'store_list_items_calls_status',
      agent: 'store_list_items_calls_agent',
      created: 'store_list_items_calls_created',
      activities: 'store_list_items_activities_customer',
      permissions: 'store_values_permissions_customer',
    };
    for (const [name, query] of Object.entries(plans)) {
      // An index scan, or a bitmap built from the index.
      expect(await backend.explain(query), name).toMatch(
        new RegExp(`Index Scan (using|on) ${indexes[name as keyof typeof indexes]} `),
      );
    }
  });

  it('appear when migrate() upgrades a version-2 schema that already holds a day of calls', async () => {
    const schema = nextSchema('upgrade');
    await backend.script(`${migrations[0]!.sql(schema)}\n${migrations[1]!.sql(schema)}`);
    const store = backend.store(schema);
    const wacall = dayWacall(store);
    opened.push(store, wacall);
    await playDay(wacall);
    expect(await backend.sql(`SELECT to_regclass('${schema}.calls') IS NULL AS missing`)).toEqual([
      { missing: true },
    ]);
    expect(await store.migrate()).toBe(3);
    expect(await callRows(backend.sql, schema)).toEqual((await records(wacall)).map(expectedCall));
    expect(await activityRows(backend.sql, schema, mia.waId)).toEqual(
      (await wacall.listActivities(mia.waId)).map((activity) =>
        expectedActivity(activity, mia.waId),
      ),
    );
    // Ingest goes on as before on the upgraded schema.
    await wacall.recordAgentEvent({
      kind: 'ended',
      callId: 'wacid.out1',
      at: dayTime(900),
      agent: ben,
    });
    const [row] = await backend.sql(
      `SELECT status FROM ${schema}.calls WHERE call_id = 'wacid.out1'`,
    );
    expect(row).toEqual({ status: (await wacall.getCall('wacid.out1'))?.status });
    expect(row?.status).not.toBe('ringing');
  });

  it('keep each schema’s rows apart when two helpdesks share a database', async () => {
    const [first, second] = [nextSchema('one'), nextSchema('two')];
    const one = await open(backend, first);
    const two = await open(backend, second);
    await playDay(one.wacall);
    await two.wacall.recordAgentEvent({
      kind: 'started',
      callId: 'wacid.elsewhere',
      at: dayTime(50),
      agent: ana,
      customer: { waId: leo.waId },
    });
    expect((await callRows(backend.sql, first)).map((row) => row.call_id).sort()).toEqual(
      Object.keys(dayCalls).sort(),
    );
    expect(await callRows(backend.sql, second)).toMatchObject([
      { call_id: 'wacid.elsewhere', direction: 'outgoing', status: 'calling', agent_id: ana.id },
    ]);
    expect(await backend.sql(`SELECT * FROM ${second}.permission_facts`)).toEqual([]);
  });
});
