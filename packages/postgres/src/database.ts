import { StoreError, isStoreError } from '@wacall/core';

/** A row as both drivers return it (the store casts every column it reads to text or boolean). */
export type Row = Record<string, unknown>;

/**
 * What the store needs from a `pg` Pool. Declared here rather than imported from `pg`, so apps on PGlite
 * need neither `pg` nor its types.
 */
export interface PgPoolLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  connect(): Promise<PgPoolClientLike>;
  /** The pool's connection settings; the change feed opens its own connection with them. */
  readonly options?: unknown;
}

export interface PgPoolClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  release(error?: Error | boolean): void;
}

/** What the store needs from an `@electric-sql/pglite` instance. */
export interface PGliteLike {
  query<T>(query: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(query: string): Promise<unknown>;
  transaction<T>(
    callback: (tx: { exec(query: string): Promise<unknown> }) => Promise<T>,
  ): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  readonly closed: boolean;
}

/** The store's view of either backend: parameterised queries, and a script run in one transaction. */
export interface Database {
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `run` in one transaction on one connection; `exec` takes statements without parameters. */
  transaction<T>(run: (exec: (sql: string) => Promise<Row[]>) => Promise<T>): Promise<T>;
}

export function poolDatabase(pool: PgPoolLike): Database {
  return {
    async query(sql, params) {
      return (await pool.query(sql, params)).rows;
    },
    async transaction(run) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const exec = async (sql: string) => {
          const result = (await client.query(sql)) as { rows?: Row[] } | { rows?: Row[] }[];
          // A multi-statement script answers with one result per statement: the last one counts.
          const last = Array.isArray(result) ? result[result.length - 1] : result;
          return last?.rows ?? [];
        };
        const value = await run(exec);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

export function pgliteDatabase(pglite: PGliteLike): Database {
  return {
    async query(sql, params) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    transaction(run) {
      return pglite.transaction((tx) =>
        run(async (sql) => {
          const results = (await tx.exec(sql)) as { rows: Row[] }[];
          return results[results.length - 1]?.rows ?? [];
        }),
      );
    },
  };
}

/** SQLSTATE classes and codes that mean "the schema is not there yet". */
const missingSchema = new Set(['3F000', '42P01', '42883']);

/**
 * Turns a driver error into a `StoreError`: serialization failures and deadlocks are `conflict`, data
 * the server refuses (a NUL byte, a key too long to index) is `invalid_argument`, a missing schema says to
 * run `migrate()`, everything else (refused, dropped or timed-out connections, a server shutting down)
 * is `unavailable`. `redact` strips secrets the driver might have echoed.
 */
export function storeErrorFrom(
  cause: unknown,
  what: string,
  key: string | undefined,
  redact: (text: string) => string,
): StoreError {
  if (isStoreError(cause)) return cause;
  const code =
    typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : '';
  const reason = redact(cause instanceof Error ? cause.message : String(cause));
  const options = key === undefined ? { cause } : { key, cause };
  if (code.startsWith('40')) {
    return new StoreError(
      'conflict',
      `Postgres ${what} lost to a concurrent transaction (${reason}); retry it.`,
      options,
    );
  }
  if (code.startsWith('22') || code.startsWith('54')) {
    return new StoreError('invalid_argument', `Postgres refused ${what}: ${reason}.`, options);
  }
  if (missingSchema.has(code)) {
    return new StoreError(
      'unavailable',
      `Postgres ${what} failed: ${reason}. The store's tables are missing: run \`await store.migrate()\` (or the SQL from migrationSql()) first.`,
      options,
    );
  }
  return new StoreError('unavailable', `Postgres ${what} failed: ${reason}`, options);
}

/** A function that removes a connection string's password (and the string itself) from text. */
export function redactor(connectionString: string | undefined): (text: string) => string {
  if (!connectionString) return (text) => text;
  const secrets = [connectionString];
  try {
    const password = decodeURIComponent(new URL(connectionString).password);
    if (password) secrets.push(password, encodeURIComponent(password));
  } catch {
    // Not a URL (a key=value string): the whole string is still removed.
  }
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}
