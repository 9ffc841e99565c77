// Where the demo keeps its state: an embedded PGlite database under a data folder by default (it survives
// restarts and needs no setup), a PostgreSQL server when DATABASE_URL is set, or memory on request.
import { PGlite } from '@electric-sql/pglite';
import { MemoryStore, type Store } from '@wacall/core';
import { PostgresStore } from '@wacall/postgres';

export interface ChosenStore {
  store: Store;
  /** For the start-up log; never holds the connection string. */
  description: string;
  /** Closes the store and whatever it opened for it. */
  close(): Promise<void>;
}

/**
 * Reads `WACALL_STORE` (`pglite`, the default; `postgres`; `memory`), `DATABASE_URL` (a server: implies
 * `postgres`) and `WACALL_DATA_DIR` (the PGlite folder; default `dataDir`), opens the store and migrates it.
 */
export async function chooseStore(
  env: Record<string, string | undefined>,
  dataDir: string,
): Promise<ChosenStore> {
  const databaseUrl = env['DATABASE_URL'];
  const kind = env['WACALL_STORE'] ?? (databaseUrl ? 'postgres' : 'pglite');
  if (kind === 'memory') {
    const store = new MemoryStore();
    return { store, description: 'in memory (gone on restart)', close: () => store.close() };
  }
  if (kind === 'postgres') {
    if (!databaseUrl) {
      throw new Error(
        'WACALL_STORE=postgres needs DATABASE_URL, e.g. postgres://app@localhost/helpdesk.',
      );
    }
    const store = new PostgresStore({ connectionString: databaseUrl });
    await migrated(store);
    return { store, description: 'in PostgreSQL (DATABASE_URL)', close: () => store.close() };
  }
  if (kind === 'pglite') {
    const folder = env['WACALL_DATA_DIR'] ?? dataDir;
    const pglite = await PGlite.create(folder);
    const store = new PostgresStore({ pglite });
    await migrated(store).catch(async (error: unknown) => {
      await pglite.close();
      throw error;
    });
    return {
      store,
      description: `in an embedded database under ${folder}`,
      close: async () => {
        await store.close();
        await pglite.close();
      },
    };
  }
  throw new Error(`WACALL_STORE must be pglite, postgres or memory (got "${kind}").`);
}

async function migrated(store: PostgresStore): Promise<void> {
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
}
