// What only a real PostgreSQL server shows: concurrent migrations, data outliving the store, the tables
// a person reads, retention sweeps, oversized feed messages, the feed coming back after a dropped
// connection, and errors that name the problem without the password.
import pg from 'pg';
import { isStoreError } from '@wacall/core';
import type { JsonValue } from '@wacall/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrationSql, migrations, PostgresStore } from '../src/index';

const url = inject('postgresUrl');
let run = 0;
const nextSchema = () => `server_${process.pid}_${++run}`;
const admin = new pg.Pool({ connectionString: url, max: 4 });
admin.on('error', () => undefined);
const opened: { close(): Promise<void> }[] = [];

afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
  await admin.end();
});

function store(schema: string, options: { pool?: pg.Pool } = {}): PostgresStore {
  const created = options.pool
    ? new PostgresStore({ pool: options.pool, schema })
    : new PostgresStore({ connectionString: url, schema });
  opened.push(created);
  return created;
}

async function waitUntil(done: () => boolean, ms = 5_000): Promise<void> {
  for (let waited = 0; !done() && waited < ms; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PostgresStore on a PostgreSQL server', () => {
  it('migrates once when four instances run migrate() at the same moment, and again is a no-op', async () => {
    const schema = nextSchema();
    const fleet = Array.from({ length: 4 }, () => store(schema));
    const versions = await Promise.all(fleet.map((member) => member.migrate()));
    expect(versions).toEqual([3, 3, 3, 3]);
    expect(await fleet[0]!.migrate()).toBe(3);
    const { rows } = await admin.query(
      `SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`,
    );
    expect(rows).toEqual([
      { version: 1, name: 'store tables' },
      { version: 2, name: 'counters and list lengths' },
      { version: 3, name: 'readable views' },
    ]);
    await fleet[1]!.set('k', 'works');
    expect((await fleet[2]!.get('k'))?.value).toBe('works');
  });

  it('applies the exported SQL as a DBA would, after which migrate() has nothing to do', async () => {
    const schema = nextSchema();
    await admin.query(migrationSql(schema));
    const dbaManaged = store(schema);
    expect(await dbaManaged.migrate()).toBe(migrations.length);
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM ${schema}.schema_migrations`,
    );
    expect(rows[0].n).toBe(migrations.length);
  });

  it('upgrades a schema at version 1 with lists in it: lengths counted, trimming and removal still right', async () => {
    const schema = nextSchema();
    await admin.query(migrations[0]!.sql(schema));
    const old = store(schema);
    for (const id of ['a', 'b', 'c']) {
      await old.listAdd('list', { id, at: id.charCodeAt(0), value: id }, { maxLength: 10 });
    }
    await old.listAdd('gone', { id: 'x', at: 1, value: 'x' }, { maxLength: 10 });
    expect(await old.migrate()).toBe(3);
    const { rows } = await admin.query(
      `SELECT key, length FROM ${schema}.store_lists ORDER BY key`,
    );
    expect(rows).toEqual([
      { key: 'gone', length: 1 },
      { key: 'list', length: 3 },
    ]);
    await old.listAdd('list', { id: 'd', at: 200, value: 'd' }, { maxLength: 3 });
    const page = await old.listPage('list', { limit: 10 });
    expect(page.items.map((item) => item.id)).toEqual(['d', 'c', 'b']);
    await old.commit({ writes: [{ type: 'listRemove', key: 'gone', id: 'x' }] });
    const left = await admin.query(`SELECT key, length FROM ${schema}.store_lists ORDER BY key`);
    expect(left.rows).toEqual([{ key: 'list', length: 3 }]);
    await old.commit({ writes: [{ type: 'increment', key: 'n', by: 2 }] });
    expect((await old.get('n'))?.value).toBe(2);
  });

  it('keeps everything after the store closes: a new store on a new pool reads it all back', async () => {
    const schema = nextSchema();
    const first = store(schema);
    await first.migrate();
    await first.set('wacall:1:call:wacid.1', { status: 'completed', customer: '4915112345678' });
    await first.commit({
      writes: [
        { type: 'set', key: 'permissions:1:4915112345678', value: { granted: true } },
        {
          type: 'listAdd',
          key: 'wacall:1:calls:4915112345678',
          item: { id: 'wacid.1', at: 1_767_600_000_000, value: { status: 'completed' } },
          maxLength: 1000,
        },
      ],
    });
    const version = (await first.get('wacall:1:call:wacid.1'))?.version;
    await first.close();

    const again = store(schema);
    expect(await again.get('wacall:1:call:wacid.1')).toEqual({
      value: { status: 'completed', customer: '4915112345678' },
      version,
    });
    expect((await again.get('permissions:1:4915112345678'))?.value).toEqual({ granted: true });
    expect(await again.listPage('wacall:1:calls:4915112345678', { limit: 10 })).toEqual({
      items: [{ id: 'wacid.1', at: 1_767_600_000_000, value: { status: 'completed' } }],
      hasMore: false,
    });
  });

  it('keeps readable rows: key, JSON value, expiry, and list items with their time', async () => {
    const schema = nextSchema();
    const s = store(schema);
    await s.migrate();
    await s.set('dedupe', true, { ttlMs: 60_000 });
    await s.listAdd('log', { id: 'a', at: 1_767_600_000_000, value: { n: 1 } }, { maxLength: 5 });
    const values = await admin.query(
      `SELECT key, value->>'n' AS n, value::text AS value, expires_at > now() AS later FROM ${schema}.store_values`,
    );
    expect(values.rows).toEqual([{ key: 'dedupe', n: null, value: 'true', later: true }]);
    const items = await admin.query(
      `SELECT list_key, id, value->>'n' AS n, at_time = to_timestamp(1767600000) AS dated FROM ${schema}.store_list_items`,
    );
    expect(items.rows).toEqual([{ list_key: 'log', id: 'a', n: '1', dated: true }]);
  });

  it('hides expired rows at once and sweeps them in batches', async () => {
    const schema = nextSchema();
    const s = store(schema);
    await s.migrate();
    for (let i = 0; i < 25; i++) await s.set(`short:${i}`, i, { ttlMs: 50 });
    await s.listAdd('short-list', { id: 'x', at: 1, value: 1 }, { maxLength: 5, ttlMs: 50 });
    await s.set('kept', 'forever');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await s.get('short:3')).toBeUndefined();
    const count = async (table: string) =>
      (await admin.query(`SELECT count(*)::int AS n FROM ${schema}.${table}`)).rows[0].n as number;
    expect(await count('store_values')).toBe(26);
    expect(await s.sweepExpired({ batchSize: 10 })).toBe(26);
    expect(await count('store_values')).toBe(1);
    expect(await count('store_lists')).toBe(0);
    expect(await count('store_list_items')).toBe(0);
    expect((await s.get('kept'))?.value).toBe('forever');
    await expect(s.sweepExpired({ batchSize: 0 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('carries a message larger than a NOTIFY payload through the feed table, in order', async () => {
    const schema = nextSchema();
    const writer = store(schema);
    await writer.migrate();
    const reader = store(schema);
    const heard: JsonValue[] = [];
    await reader.subscribe({ message: (m) => void heard.push(m), resync: () => undefined });
    const big = { text: 'x'.repeat(20_000), emoji: '📞'.repeat(500) };
    await writer.commit({ writes: [], publish: ['before', big, 'after', 'after'] });
    await waitUntil(() => heard.length >= 4);
    expect(heard).toEqual(['before', big, 'after', 'after']);
  });

  it('says resync after its LISTEN connection was killed, and keeps delivering afterwards', async () => {
    const schema = nextSchema();
    const s = store(schema);
    await s.migrate();
    const heard: JsonValue[] = [];
    let resyncs = 0;
    await s.subscribe({ message: (m) => void heard.push(m), resync: () => void resyncs++ });
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE query = 'LISTEN ${schema}_feed'`,
    );
    expect(killed.rows).toEqual([{ killed: true }]);
    await waitUntil(() => resyncs > 0);
    expect(resyncs).toBe(1);
    await s.commit({ writes: [], publish: ['after the break'] });
    await waitUntil(() => heard.length > 0);
    expect(heard).toEqual(['after the break']);
  });

  it('never closes a pool it was given; ends the one it opened; refuses use after close', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    const schema = nextSchema();
    const borrowed = new PostgresStore({ pool, schema });
    await borrowed.migrate();
    await borrowed.subscribe({ message: () => undefined, resync: () => undefined });
    await borrowed.close();
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();

    const own = new PostgresStore({ connectionString: url, schema });
    await own.set('k', 1);
    await own.close();
    await own.close();
    const error = await own.get('k').catch((e: unknown) => e);
    expect(isStoreError(error) && error.code).toBe('unavailable');
  });

  it('reports an unreachable server as unavailable (retryable), without the password', async () => {
    const secret = 's3cr3t-pa55';
    const unreachable = new PostgresStore({
      connectionString: `postgres://wacall:${secret}@127.0.0.1:1/postgres`,
    });
    opened.push(unreachable);
    const error = await unreachable.get('k').catch((e: unknown) => e);
    expect(isStoreError(error) && error.code).toBe('unavailable');
    expect(isStoreError(error) && error.retryable).toBe(true);
    expect(String((error as Error).message)).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
    const feed = await unreachable
      .subscribe({ message: () => undefined, resync: () => undefined })
      .catch((e: unknown) => e);
    expect(isStoreError(feed) && feed.code).toBe('unavailable');
  });

  it('says to run migrate() when the tables are missing, and refuses bad options', async () => {
    const error = await store(nextSchema())
      .get('k')
      .catch((e: unknown) => e);
    expect(isStoreError(error) && error.code).toBe('unavailable');
    expect((error as Error).message).toContain('migrate()');
    expect(() => new PostgresStore({ connectionString: url, schema: 'Bad-Name' })).toThrow(
      /lowercase identifier/,
    );
    expect(() => new PostgresStore({})).toThrow(/exactly one of/);
    expect(() => new PostgresStore({ connectionString: url, pool: admin })).toThrow(
      /exactly one of/,
    );
  });

  it('refuses a key Postgres cannot hold as invalid_argument, and newer schemas as corrupt', async () => {
    const schema = nextSchema();
    const s = store(schema);
    await s.migrate();
    const nul = await s.set('nul\u0000key', 1).catch((e: unknown) => e);
    expect(isStoreError(nul) && nul.code).toBe('invalid_argument');
    await admin.query(
      `INSERT INTO ${schema}.schema_migrations (version, name) VALUES (99, 'future')`,
    );
    const newer = await s.migrate().catch((e: unknown) => e);
    expect(isStoreError(newer) && newer.code).toBe('corrupt');
    expect((newer as Error).message).toContain('upgrade');
  });
});
