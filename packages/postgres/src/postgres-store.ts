import { StoreError } from '@wacall/core';
import { checkCommit, storeInput } from '@wacall/core/engine';
import type { CheckedCommit, CheckedWrite } from '@wacall/core/engine';
import type {
  ChangeFeedListener,
  JsonValue,
  ListAddOptions,
  ListItem,
  ListPage,
  ListPageOptions,
  Store,
  StoreCommit,
  Versioned,
  WriteOptions,
} from '@wacall/core';
import type * as PgNamespace from 'pg';
import type { ClientConfig, Pool } from 'pg';
import { ChangeFeed } from './change-feed';
import type { OpenListen } from './change-feed';
import { commitSpec } from './commit-spec';
import { pgliteDatabase, poolDatabase, redactor, storeErrorFrom } from './database';
import type { Database, PGliteLike, PgPoolLike, Row } from './database';
import { bootstrapSql, checkSchema, defaultSchema, feedChannel, migrations } from './migrations';

export interface PostgresStoreOptions {
  /** A `pg` Pool your app owns; the store borrows connections and never closes it. */
  pool?: PgPoolLike;
  /**
   * Where to connect when no `pool` or `pglite` is given, e.g. `postgres://app@db:5432/helpdesk`; the
   * store opens (and `close()` ends) a pool of its own.
   */
  connectionString?: string;
  /** An embedded `@electric-sql/pglite` instance (in-process Postgres); the store never closes it. */
  pglite?: PGliteLike;
  /** The schema holding the store's tables (a lowercase identifier). Default `wacall`. */
  schema?: string;
  /** Connections in the pool the store opens for `connectionString` (default 10). */
  maxConnections?: number;
  /**
   * The clock expiry is measured against (epoch ms). Default: the database's `now()`, which every
   * instance shares; pass one only when a single process owns the data (tests, an embedded PGlite).
   */
  now?: () => number;
}

/** After this many writes through one store, it deletes one batch of expired rows in the background. */
const sweepEveryWrites = 500;
const defaultBatchSize = 1000;

type PgModule = typeof PgNamespace;

/** `pg` is an optional peer: loaded only by stores that talk to a server. */
async function loadPg(): Promise<PgModule> {
  try {
    const module = (await import('pg')) as PgModule & { default?: PgModule };
    return module.default ?? module;
  } catch (cause) {
    throw new StoreError(
      'invalid_argument',
      'PostgresStore needs the `pg` package to reach a server: install it with `pnpm add pg` (or pass { pglite }).',
      { cause },
    );
  }
}

/**
 * A Store on PostgreSQL (a server through `pg`, or embedded PGlite): values, lists and the change feed
 * in plain tables a person can query. Every write, single or a whole `commit`, is one call of a
 * PL/pgSQL function: one transaction, one round trip. The change feed is LISTEN/NOTIFY on a connection
 * of its own, opened on the first `subscribe`. Run `migrate()` once before use (or apply
 * `migrationSql()` with your own tool).
 */
export class PostgresStore implements Store {
  readonly schema: string;
  readonly #database: Promise<Database>;
  readonly #feed: ChangeFeed;
  readonly #redact: (text: string) => string;
  readonly #closeOwned: () => Promise<void>;
  readonly #now: (() => number) | undefined;
  #closed = false;
  #writes = 0;
  #background: Promise<unknown> = Promise.resolve();

  constructor(options: PostgresStoreOptions) {
    const sources = [options?.pool, options?.connectionString, options?.pglite].filter(
      (source) => source !== undefined,
    );
    if (sources.length !== 1) {
      throw new StoreError(
        'invalid_argument',
        `PostgresStore needs exactly one of { pool }, { connectionString } or { pglite } (got ${sources.length}).`,
      );
    }
    this.schema = checkSchema(options.schema ?? defaultSchema);
    this.#now = options.now;
    this.#redact = redactor(options.connectionString);
    const channel = feedChannel(this.schema);
    let openListen: OpenListen;

    if (options.pglite) {
      const pglite = options.pglite;
      this.#database = Promise.resolve(pgliteDatabase(pglite));
      this.#closeOwned = async () => undefined;
      // In-process: the listen cannot drop, so there is never a resync to announce.
      openListen = async (onPayload) => pglite.listen(channel, onPayload);
    } else {
      const given = options.pool;
      const connectionString = options.connectionString;
      let owned: Pool | undefined;
      const pool: Promise<PgPoolLike> = given
        ? Promise.resolve(given)
        : loadPg().then((pg) => {
            owned = new pg.Pool({
              connectionString,
              max: options.maxConnections ?? 10,
              connectionTimeoutMillis: 5_000,
            });
            // Failures reach callers as StoreError from each query; an idle client dropping would
            // otherwise crash the process.
            owned.on('error', () => undefined);
            return owned;
          });
      pool.catch(() => undefined);
      this.#database = pool.then(poolDatabase);
      this.#closeOwned = async () => {
        await pool.catch(() => undefined);
        await owned?.end().catch(() => undefined);
      };
      openListen = async (onPayload, onLost) => {
        const pg = await loadPg();
        const settings = given ? (given.options as ClientConfig) : { connectionString };
        const client = new pg.Client({ ...settings, keepAlive: true });
        // Only a connection that was listening can be lost; a failed first connect just rejects.
        let stopping = true;
        const lost = () => void (stopping || onLost());
        client.on('error', lost);
        client.on('end', lost);
        client.on('notification', (notification) => {
          if (notification.channel === channel) onPayload(notification.payload ?? '');
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${channel}`);
          stopping = false;
        } catch (error) {
          await client.end().catch(() => undefined);
          throw error;
        }
        return async () => {
          stopping = true;
          await client.end().catch(() => undefined);
        };
      };
    }
    this.#database.catch(() => undefined);
    this.#feed = new ChangeFeed(openListen, async (id) => {
      const rows = await this.#query(
        `SELECT message::text AS message FROM ${this.schema}.store_feed WHERE id = $1`,
        [id],
      );
      return rows[0]?.message as string | undefined;
    });
  }

  /**
   * Creates or upgrades the store's tables: applies, in one transaction, the migrations this database
   * has not seen. Idempotent, and safe when several instances run it at once (an advisory lock makes
   * them take turns). Resolves with the schema version now in place.
   */
  async migrate(): Promise<number> {
    const database = await this.#open('migrate');
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    try {
      return await database.transaction(async (exec) => {
        await exec(
          `SELECT pg_advisory_xact_lock(hashtextextended('wacall.migrate:${this.schema}', 0))`,
        );
        await exec(bootstrapSql(this.schema));
        const [row] = await exec(
          `SELECT coalesce(max(version), 0)::integer AS version FROM ${this.schema}.schema_migrations`,
        );
        const applied = Number(row?.version ?? 0);
        if (applied > latest) {
          throw new StoreError(
            'corrupt',
            `Schema "${this.schema}" is at version ${applied}, newer than this @wacall/postgres knows (${latest}): upgrade the package.`,
          );
        }
        for (const migration of migrations) {
          if (migration.version > applied) await exec(migration.sql(this.schema));
        }
        return latest;
      });
    } catch (error) {
      throw this.#error(error, 'migrate', undefined);
    }
  }

  async get<T extends JsonValue = JsonValue>(key: string): Promise<Versioned<T> | undefined> {
    storeInput.key(key);
    const rows = await this.#query(
      `SELECT version::text AS version, value::text AS value FROM ${this.schema}.store_values
        WHERE key = $1 AND (expires_at IS NULL OR expires_at > coalesce(to_timestamp($2::bigint / 1000.0), now()))`,
      [key, this.#clock()],
      'get',
      key,
    );
    return this.#versioned(rows[0], key) as Versioned<T> | undefined;
  }

  async set(key: string, value: JsonValue, options?: WriteOptions): Promise<void> {
    await this.#apply({ expect: [], writes: [setWrite(key, value, options)], publish: [] }, 'set');
  }

  async setIfAbsent(key: string, value: JsonValue, options?: WriteOptions): Promise<boolean> {
    const write = setWrite(key, value, options);
    return this.#apply(
      { expect: [{ key, version: null }], writes: [write], publish: [] },
      'setIfAbsent',
    );
  }

  async compareAndSet(
    key: string,
    expectedVersion: string | null,
    value: JsonValue,
    options?: WriteOptions,
  ): Promise<boolean> {
    const write = setWrite(key, value, options);
    // A version this store never issued can never match; an empty one would be refused by a commit.
    const version = expectedVersion === null ? null : String(expectedVersion);
    return this.#apply(
      { expect: [{ key, version }], writes: [write], publish: [] },
      'compareAndSet',
    );
  }

  async delete(key: string): Promise<boolean> {
    storeInput.key(key);
    const rows = await this.#query(
      `SELECT ${this.schema}.delete_key($1, $2) AS found`,
      [key, this.#clock()],
      'delete',
      key,
    );
    return rows[0]?.found === true;
  }

  async listAdd(key: string, item: ListItem, options: ListAddOptions): Promise<void> {
    storeInput.key(key);
    const { id, at, value } = storeInput.item(item, key);
    const { maxLength, ttlMs } = storeInput.listAdd(options, key);
    const write: CheckedWrite = {
      type: 'listAdd',
      key,
      id,
      at,
      text: storeInput.encode(value, key),
      maxLength,
    };
    if (ttlMs !== undefined) write.ttlMs = ttlMs;
    await this.#apply({ expect: [], writes: [write], publish: [] }, 'listAdd');
  }

  async listPage<T extends JsonValue = JsonValue>(
    key: string,
    options: ListPageOptions,
  ): Promise<ListPage<T>> {
    storeInput.key(key);
    const { limit, before } = storeInput.listPage(options, key);
    const s = this.schema;
    const params: unknown[] = [key, limit + 1, this.#clock()];
    let cursor = '';
    if (before && 'id' in before) {
      params.push(before.id);
      cursor = `AND (i.at, i.id) < (SELECT a.at, a.id FROM ${s}.store_list_items a
                  WHERE a.list_key = $1 AND a.id = $4)`;
    } else if (before) {
      params.push(String(before.at));
      cursor = 'AND i.at < $4::bigint';
    }
    const rows = await this.#query(
      `SELECT i.id, i.at::text AS at, i.value::text AS value FROM ${s}.store_list_items i
        WHERE i.list_key = $1
          AND EXISTS (SELECT 1 FROM ${s}.store_lists l
                       WHERE l.key = $1
                         AND (l.expires_at IS NULL
                              OR l.expires_at > coalesce(to_timestamp($3::bigint / 1000.0), now())))
          ${cursor}
        ORDER BY i.at DESC, i.id DESC
        LIMIT $2`,
      params,
      'listPage',
      key,
    );
    const items = rows.slice(0, limit).map((row) => ({
      id: String(row.id),
      at: Number(row.at),
      value: storeInput.decode(String(row.value), key) as T,
    }));
    return { items, hasMore: rows.length > limit };
  }

  async getMany(keys: readonly string[]): Promise<(Versioned | undefined)[]> {
    keys.forEach((key) => storeInput.key(key));
    if (keys.length === 0) return [];
    // One statement: every value read from the same snapshot, in one round trip.
    const rows = await this.#query(
      `SELECT key, version::text AS version, value::text AS value FROM ${this.schema}.store_values
        WHERE key IN (SELECT json_array_elements_text($1::json))
          AND (expires_at IS NULL OR expires_at > coalesce(to_timestamp($2::bigint / 1000.0), now()))`,
      [JSON.stringify(keys), this.#clock()],
      'getMany',
      keys[0],
    );
    const byKey = new Map(rows.map((row) => [String(row.key), row]));
    return keys.map((key) => this.#versioned(byKey.get(key), key));
  }

  async commit(commit: StoreCommit): Promise<boolean> {
    return this.#apply(checkCommit(commit), 'commit');
  }

  async subscribe(listener: ChangeFeedListener): Promise<() => Promise<void>> {
    if (this.#closed) {
      throw new StoreError(
        'unavailable',
        'PostgresStore.subscribe() after close(): open a new store.',
      );
    }
    try {
      return await this.#feed.add(listener);
    } catch (error) {
      throw this.#error(error, 'subscribe', undefined);
    }
  }

  /**
   * Deletes expired values and lists (and old oversized feed messages) in batches of `batchSize` rows,
   * until none is left; resolves with how many rows went. Expired rows are already invisible to reads;
   * this only gives the space back. The store also runs one batch after every 500 writes.
   */
  async sweepExpired(options: { batchSize?: number } = {}): Promise<number> {
    const batchSize = options.batchSize ?? defaultBatchSize;
    if (!Number.isSafeInteger(batchSize) || batchSize <= 0) {
      throw new StoreError(
        'invalid_argument',
        `sweepExpired batchSize must be a positive whole number (got ${String(batchSize)}).`,
      );
    }
    let total = 0;
    for (;;) {
      const rows = await this.#query(
        `SELECT ${this.schema}.sweep_expired($1, $2) AS removed`,
        [batchSize, this.#clock()],
        'sweepExpired',
        undefined,
      );
      const removed = Number(rows[0]?.removed ?? 0);
      total += removed;
      if (removed < batchSize) return total;
    }
  }

  /** Stops the change feed and ends the pool the store opened; a pool or PGlite you passed stays open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#background.catch(() => undefined);
    await this.#feed.close();
    await this.#closeOwned();
  }

  async #apply(commit: CheckedCommit, what: string): Promise<boolean> {
    const first = commit.writes[0]?.key ?? commit.expect[0]?.key;
    const rows = await this.#query(
      `SELECT ${this.schema}.apply_commit($1::json) AS applied`,
      [commitSpec(commit, this.#now ? Math.floor(this.#now()) : null)],
      what,
      first,
    );
    const applied = rows[0]?.applied === true;
    if (applied && commit.writes.length > 0) this.#afterWrite();
    return applied;
  }

  #afterWrite(): void {
    this.#writes += 1;
    if (this.#writes % sweepEveryWrites !== 0 || this.#closed) return;
    const batch = this.#query(
      `SELECT ${this.schema}.sweep_expired($1, $2) AS removed`,
      [defaultBatchSize, this.#clock()],
      'sweepExpired',
      undefined,
    ).catch(() => undefined);
    this.#background = this.#background.then(() => batch);
  }

  /** The store's clock as a query parameter; `null` means the database's `now()`. */
  #clock(): string | null {
    return this.#now ? String(Math.floor(this.#now())) : null;
  }

  #versioned(row: Row | undefined, key: string): Versioned | undefined {
    if (!row) return undefined;
    if (typeof row.version !== 'string' || typeof row.value !== 'string') {
      throw new StoreError('corrupt', `The row for "${key}" was not written by a PostgresStore.`, {
        key,
      });
    }
    return { version: row.version, value: storeInput.decode(row.value, key) };
  }

  async #open(what: string): Promise<Database> {
    if (this.#closed) {
      throw new StoreError(
        'unavailable',
        `PostgresStore.${what}() after close(): open a new store.`,
      );
    }
    try {
      return await this.#database;
    } catch (error) {
      throw this.#error(error, what, undefined);
    }
  }

  async #query(sql: string, params: unknown[], what = 'query', key?: string): Promise<Row[]> {
    const database = await this.#open(what);
    try {
      return await database.query(sql, params);
    } catch (error) {
      throw this.#error(error, key === undefined ? what : `${what}("${key}")`, key);
    }
  }

  #error(error: unknown, what: string, key: string | undefined): StoreError {
    return storeErrorFrom(error, what, key, this.#redact);
  }
}

function setWrite(key: string, value: JsonValue, options: WriteOptions | undefined): CheckedWrite {
  storeInput.key(key);
  const ttlMs = storeInput.write(options, key);
  const text = storeInput.encode(value, key);
  return ttlMs === undefined ? { type: 'set', key, text } : { type: 'set', key, text, ttlMs };
}
