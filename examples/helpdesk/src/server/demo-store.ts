import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { MemoryStore, type Store } from '@wacall/core';
import { PostgresStore } from '@wacall/postgres';
import { RedisStore } from '@wacall/redis';
import type { DemoMode } from '../shared/api-types';
import { lockDataFolder } from './data-folder-lock';
import { postgresLocation, redisLocation, type StoreChoice } from './demo-config';

/** One instance's store, and how to let go of it (and of the PGlite database under it). */
export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

/**
 * The Store of one helpdesk instance, ready to use: a connection of the instance's own (as a separate
 * process would open it), its tables migrated. Checks the store answers before the instance starts,
 * so a wrong `DATABASE_URL` or `REDIS_URL` stops the demo with where it looked instead of failing the
 * first webhook.
 */
export async function openStore(choice: StoreChoice): Promise<OpenedStore> {
  switch (choice.kind) {
    case 'memory': {
      const store = new MemoryStore();
      return { store, close: () => store.close() };
    }
    case 'redis':
      return openRedis(choice.url, choice.prefix);
    case 'postgres':
      return openPostgres(choice.url);
    case 'pglite':
      return openPglite(choice.dataDir);
  }
}

/** Where `choice` keeps state, as the log says it. Never holds a password. */
export function storeLocation(choice: StoreChoice): string {
  switch (choice.kind) {
    case 'memory':
      return 'in memory';
    case 'redis':
      return `on Redis at ${redisLocation(choice.url)}, keys under "${choice.prefix}"`;
    case 'postgres':
      return `in PostgreSQL at ${postgresLocation(choice.url)}, schema "wacall"`;
    case 'pglite':
      return `in the PGlite folder ${choice.dataDir}`;
  }
}

/** Whether state outlives a restart, and how to start over from an empty helpdesk, for the log. */
export function resetHint(choice: StoreChoice, mode: DemoMode): string {
  switch (choice.kind) {
    case 'memory':
      return 'A restart starts over.';
    case 'redis':
      return mode === 'simulator'
        ? 'Each run on the simulator writes under a prefix of its own: a restart starts over.'
        : 'It is kept across restarts. To start over, delete the keys under that prefix.';
    case 'postgres':
      return 'It is kept across restarts. To start over, stop the demo and run DROP SCHEMA wacall CASCADE there (or run with WACALL_STORE=memory).';
    case 'pglite':
      return 'It is kept across restarts. To start over, stop the demo and delete that folder (or run with WACALL_STORE=memory).';
  }
}

async function openRedis(url: string, prefix: string): Promise<OpenedStore> {
  const store = new RedisStore({ url, prefix });
  try {
    await store.get('helpdesk:reachable');
  } catch (error) {
    await store.close();
    throw new Error(
      `Redis at ${redisLocation(url)} did not answer (${reasonOf(error)}). Start redis-server there, or point REDIS_URL at a running one.`,
    );
  }
  return { store, close: () => store.close() };
}

async function openPostgres(url: string): Promise<OpenedStore> {
  const store = new PostgresStore({ connectionString: url });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    // The store's messages never carry the connection string, so the reason is safe to print.
    throw new Error(
      `PostgreSQL at ${postgresLocation(url)} could not be used (${reasonOf(error)}). Start the server, or point DATABASE_URL at a running one (unset it to keep state in a PGlite folder instead).`,
    );
  }
  return { store, close: () => store.close() };
}

async function openPglite(dataDir: string): Promise<OpenedStore> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(
      `The PGlite folder ${dataDir} could not be created (${reasonOf(error)}). Point WACALL_DATA_DIR at a folder the demo may write, or run with WACALL_STORE=memory.`,
    );
  }
  const unlock = lockDataFolder(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw new Error(
      `The PGlite folder ${dataDir} could not be opened (${reasonOf(error)}). Delete it to start over, point WACALL_DATA_DIR at another folder, or run with WACALL_STORE=memory.`,
    );
  }
  // The store leaves a PGlite it was handed open: closing the store closes the database after it.
  const store = new PostgresStore({ pglite });
  const close = async () => {
    try {
      await store.close();
      await pglite.close();
    } finally {
      unlock();
    }
  };
  try {
    await store.migrate();
  } catch (error) {
    await close();
    throw new Error(
      `The PGlite folder ${dataDir} holds no helpdesk the demo can use (${reasonOf(error)}). Delete it to start over, or point WACALL_DATA_DIR at another folder.`,
    );
  }
  return { store, close };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
