import pg from 'pg';
import { runStoreConformance } from '@wacall/core/testing';
import { afterAll, describe, inject, it } from 'vitest';
import { PostgresStore } from '../src/index';

const url = inject('postgresUrl');
let run = 0;
const nextSchema = () => `test_${process.pid}_${++run}`;
const pools: pg.Pool[] = [];

/** A pool the test owns, as an app would: the store borrows it and never ends it. */
function pool(): pg.Pool {
  const created = new pg.Pool({ connectionString: url, max: 8 });
  created.on('error', () => undefined);
  pools.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(pools.map((created) => created.end()));
});

const schemas = new WeakMap<object, string>();
runStoreConformance(
  async () => {
    const schema = nextSchema();
    const store = new PostgresStore({ connectionString: url, schema });
    await store.migrate();
    schemas.set(store, schema);
    return store;
  },
  {
    describe,
    it,
    clock: 'real',
    // A second store on its own pool over the same tables: a second server instance.
    connectAgain: (store) => new PostgresStore({ pool: pool(), schema: schemas.get(store) ?? '' }),
    title: 'PostgresStore conformance (PostgreSQL server)',
  },
);
