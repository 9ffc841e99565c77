// What a helpdesk wrote through createWacall is all there after a restart: close the facade, the store
// and the database handle, open a new store on the same PGlite folder or the same server, and every
// call, timeline, permission and call log page reads back the same, in the views too.
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PostgresStore } from '../src/index';
import { dayCalls, dayHistory, dayWacall, leo, mia, playDay } from './helpdesk-day';

type Row = Record<string, unknown>;

const admin = new pg.Pool({ connectionString: inject('postgresUrl'), max: 2 });
admin.on('error', () => undefined);
afterAll(async () => {
  await admin.end();
});

/** What the views hold, in a fixed order. */
async function viewed(query: (text: string) => Promise<Row[]>, schema: string) {
  return {
    calls: await query(`SELECT call_id, status, ended_at FROM ${schema}.calls ORDER BY call_id`),
    activities: await query(`SELECT count(*)::integer AS n FROM ${schema}.activities`),
    facts: await query(`SELECT customer, status FROM ${schema}.permission_facts ORDER BY at`),
  };
}

function expectADay(history: Awaited<ReturnType<typeof dayHistory>>) {
  expect(history.calls.map((call) => call?.status)).toEqual(Object.values(dayCalls));
  expect(history.customers.map((view) => view.permission.permission)).toEqual([
    'granted',
    'granted',
  ]);
  expect(history.activities.every((timeline) => timeline.length > 0)).toBe(true);
  expect(history.pages.flatMap((page) => page.calls)).toHaveLength(Object.keys(dayCalls).length);
}

describe('a day written through createWacall outlives the store', () => {
  it('on PGlite with a data folder: a new PGlite and a new store read it all back', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wacall-day-'));
    try {
      const first = await PGlite.create(folder);
      const store = new PostgresStore({ pglite: first });
      await store.migrate();
      const wacall = dayWacall(store);
      await playDay(wacall);
      const before = await dayHistory(wacall);
      const query = async (db: PGlite, text: string) => (await db.query<Row>(text)).rows;
      const shown = await viewed((text) => query(first, text), 'wacall');
      await wacall.close();
      await store.close();
      await first.close();

      const reopened = await PGlite.create(folder);
      const again = new PostgresStore({ pglite: reopened });
      expect(await again.migrate()).toBe(3);
      const restarted = dayWacall(again);
      const after = await dayHistory(restarted);
      expectADay(after);
      expect(after).toEqual(before);
      expect(await viewed((text) => query(reopened, text), 'wacall')).toEqual(shown);
      await restarted.close();
      await again.close();
      await reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);

  it('on a PostgreSQL server: a new store on a new pool reads it all back', async () => {
    const schema = `durable_${process.pid}`;
    const first = new PostgresStore({ connectionString: inject('postgresUrl'), schema });
    await first.migrate();
    const wacall = dayWacall(first);
    await playDay(wacall);
    const before = await dayHistory(wacall);
    const query = async (text: string) => (await admin.query<Row>(text)).rows;
    const shown = await viewed(query, schema);
    await wacall.close();
    await first.close();

    const pool = new pg.Pool({ connectionString: inject('postgresUrl'), max: 2 });
    pool.on('error', () => undefined);
    const again = new PostgresStore({ pool, schema });
    const restarted = dayWacall(again);
    try {
      const after = await dayHistory(restarted);
      expectADay(after);
      expect(after).toEqual(before);
      expect(after.customers.map((view) => view.customer)).toEqual([mia.waId, leo.waId]);
      expect(await viewed(query, schema)).toEqual(shown);
    } finally {
      await restarted.close();
      await again.close();
      await pool.end();
    }
  });
});
