import { PGlite } from '@electric-sql/pglite';
import { runStoreConformance } from '@wacall/core/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PostgresStore } from '../src/index';

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
  async () => {
    const schema = `test_${++run}`;
    const store = new PostgresStore({ pglite, schema });
    await store.migrate();
    schemas.set(store, schema);
    return store;
  },
  {
    describe,
    it,
    clock: 'real',
    // PGlite is one in-process session: a second store on it is what a second module would hold.
    connectAgain: (store) => new PostgresStore({ pglite, schema: schemas.get(store) ?? '' }),
    title: 'PostgresStore conformance (PGlite)',
  },
);
