import { PGlite } from '@electric-sql/pglite';
import { runStoreConformance } from '@wacall/core/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations, PostgresStore } from '../src/index';

let pglite: PGlite;
let run = 0;

// One embedded database for the file (it takes seconds to open); each test gets a schema of its own.
beforeAll(async () => {
  pglite = await PGlite.create();
});

afterAll(async () => {
  await pglite.close();
});

const schemas = new WeakMap<object, string>();
runStoreConformance(
  async ({ now }) => {
    const schema = `test_${++run}`;
    // The suite's clock: expiry is checked by moving time, not by waiting (the server run waits).
    const store = new PostgresStore({ pglite, schema, now });
    await store.migrate();
    schemas.set(store, schema);
    return store;
  },
  {
    describe,
    it,
    clock: 'controllable',
    // PGlite is one in-process session: a second store on it is what a second module would hold.
    connectAgain: (store, { now }) =>
      new PostgresStore({ pglite, schema: schemas.get(store) ?? '', now }),
    title: 'PostgresStore conformance (PGlite)',
  },
);

describe('PostgresStore on PGlite with a data folder', () => {
  it('keeps everything across a restart: close PGlite, open the folder again, all there', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wacall-pglite-'));
    try {
      const first = await PGlite.create(folder);
      const store = new PostgresStore({ pglite: first });
      await store.migrate();
      await store.commit({
        writes: [
          { type: 'set', key: 'wacall:1:call:wacid.1', value: { status: 'completed' } },
          {
            type: 'listAdd',
            key: 'wacall:1:activities:4915112345678',
            item: { id: 'act-1', at: 1_767_600_000_000, value: { kind: 'call' } },
            maxLength: 1000,
          },
        ],
      });
      const version = (await store.get('wacall:1:call:wacid.1'))?.version;
      await store.close();
      // The store never closes a PGlite it was given.
      expect(first.closed).toBe(false);
      await first.close();

      const reopened = await PGlite.create(folder);
      const again = new PostgresStore({ pglite: reopened });
      expect(await again.migrate()).toBe(migrations.length);
      expect(await again.get('wacall:1:call:wacid.1')).toEqual({
        value: { status: 'completed' },
        version,
      });
      expect(
        (await again.listPage('wacall:1:activities:4915112345678', { limit: 5 })).items,
      ).toEqual([{ id: 'act-1', at: 1_767_600_000_000, value: { kind: 'call' } }]);
      // Versions keep counting up after the restart: never one issued before.
      await again.set('wacall:1:call:wacid.1', { status: 'archived' });
      expect((await again.get('wacall:1:call:wacid.1'))?.version).not.toBe(version);
      await again.close();
      await reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
