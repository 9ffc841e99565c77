import { StoreError } from '@wacall/core';
import { readableViews } from './readable-views';

/** One step of the schema's history. `sql` is plain SQL a DBA can review and run with their own tool. */
export interface Migration {
  /** Applied in ascending order; recorded in `<schema>.schema_migrations`. */
  version: number;
  name: string;
  /** The statements for a schema name (default `wacall`). */
  sql(schema?: string): string;
}

/** The default schema the store's tables live in. */
export const defaultSchema = 'wacall';

const schemaPattern = /^[a-z_][a-z0-9_]{0,47}$/;

/** A schema name is a plain lowercase identifier, so it can go into SQL and a NOTIFY channel unquoted. */
export function checkSchema(schema: unknown): string {
  if (typeof schema !== 'string' || !schemaPattern.test(schema)) {
    throw new StoreError(
      'invalid_argument',
      `schema must be a lowercase identifier of at most 48 characters (letters, digits, _), e.g. "wacall" (got ${JSON.stringify(schema) ?? String(schema)}).`,
    );
  }
  return schema;
}

/** The NOTIFY channel a schema's change feed uses. */
export const feedChannel = (schema: string) => `${schema}_feed`;

/**
 * Created before anything else, so `migrate()` can read which versions are applied. Part of the first
 * migration too, so the SQL a DBA runs by hand is complete.
 */
export function bootstrapSql(schema: string): string {
  return `CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);`;
}

const storeTables = (s: string) => `${bootstrapSql(s)}

-- Versions come from a sequence: every write gets a new one, never reused (not even after expiry).
CREATE SEQUENCE ${s}.versions;

-- Values: one row per key. Readable as is: key, the JSON value, when it expires and when it was written.
CREATE TABLE ${s}.store_values (
  key text COLLATE "C" PRIMARY KEY,
  value json NOT NULL,
  version bigint NOT NULL,
  expires_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX store_values_expires_at ON ${s}.store_values (expires_at) WHERE expires_at IS NOT NULL;

-- Lists (call logs, activities, deadlines): a list's expiry, then its items ordered by time, then id.
CREATE TABLE ${s}.store_lists (
  key text COLLATE "C" PRIMARY KEY,
  expires_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX store_lists_expires_at ON ${s}.store_lists (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE ${s}.store_list_items (
  list_key text COLLATE "C" NOT NULL REFERENCES ${s}.store_lists (key) ON DELETE CASCADE,
  id text COLLATE "C" NOT NULL,
  at bigint NOT NULL,
  value json NOT NULL,
  -- The item's time as a timestamp, for people reading the table.
  at_time timestamptz GENERATED ALWAYS AS (to_timestamp(at / 1000.0)) STORED,
  PRIMARY KEY (list_key, id)
);
CREATE INDEX store_list_items_order ON ${s}.store_list_items (list_key, at DESC, id DESC);

-- Change-feed messages too large for a NOTIFY payload; the notification carries the row's id.
CREATE TABLE ${s}.store_feed (
  id bigserial PRIMARY KEY,
  message json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX store_feed_created_at ON ${s}.store_feed (created_at);

-- Serialises writers of the same keys: every key a commit reads or writes is locked, in one global order
-- (so two commits never deadlock), for the rest of the transaction.
CREATE FUNCTION ${s}.lock_keys(names json) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  h integer;
BEGIN
  FOR h IN SELECT DISTINCT hashtext(n) FROM json_array_elements_text(names) AS n ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('${s}'), h);
  END LOOP;
END
$fn$;

${applyCommitV1(s)}

-- Removes the value and the list at a key; true when something live was there.
CREATE FUNCTION ${s}.delete_key(k text, at_ms bigint DEFAULT NULL) RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE
  found_any boolean;
  t timestamptz := coalesce(to_timestamp(at_ms / 1000.0), now());
BEGIN
  PERFORM ${s}.lock_keys(json_build_array('v:' || k, 'l:' || k));
  SELECT EXISTS (SELECT 1 FROM ${s}.store_values
                   WHERE key = k AND (expires_at IS NULL OR expires_at > t))
      OR EXISTS (SELECT 1 FROM ${s}.store_lists
                   WHERE key = k AND (expires_at IS NULL OR expires_at > t))
    INTO found_any;
  DELETE FROM ${s}.store_values WHERE key = k;
  DELETE FROM ${s}.store_lists WHERE key = k;
  RETURN found_any;
END
$fn$;

-- Deletes up to batch_size expired values and lists (with their items), and feed rows older than an
-- hour; returns how many rows went, so a caller repeats until it is below batch_size.
CREATE FUNCTION ${s}.sweep_expired(batch_size integer, at_ms bigint DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  removed integer;
  total integer := 0;
  t timestamptz := coalesce(to_timestamp(at_ms / 1000.0), now());
BEGIN
  DELETE FROM ${s}.store_values WHERE key IN (
    SELECT key FROM ${s}.store_values WHERE expires_at <= t
      ORDER BY expires_at LIMIT batch_size FOR UPDATE SKIP LOCKED)
    AND expires_at <= t;
  GET DIAGNOSTICS removed = ROW_COUNT;
  total := total + removed;
  DELETE FROM ${s}.store_lists WHERE key IN (
    SELECT key FROM ${s}.store_lists WHERE expires_at <= t
      ORDER BY expires_at LIMIT batch_size FOR UPDATE SKIP LOCKED)
    AND expires_at <= t;
  GET DIAGNOSTICS removed = ROW_COUNT;
  total := total + removed;
  DELETE FROM ${s}.store_feed WHERE id IN (
    SELECT id FROM ${s}.store_feed WHERE created_at < now() - interval '1 hour'
      ORDER BY id LIMIT batch_size);
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN total + removed;
END
$fn$;`;

/** `apply_commit` as the first migration created it. */
const applyCommitV1 = (
  s: string,
) => `-- One commit, all or nothing: { l: keys to lock, e: [[key, version|null]], w: writes, p: messages,
-- t: the store's clock in epoch ms or null }.
-- Writes: ['s', key, json, ttl ms|null] · ['d', key] · ['a', key, id, at, json, max length, ttl ms|null]
-- · ['r', key, id]. Returns false (nothing written, nothing sent) when a condition does not hold.
CREATE FUNCTION ${s}.apply_commit(spec json) RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE
  c json;
  w json;
  k text;
  current_version text;
  msg text;
  feed_id bigint;
  seq integer := 0;
  -- The store's clock when it has one (epoch ms), else the database's.
  t timestamptz := coalesce(to_timestamp((spec->>'t')::bigint / 1000.0), now());
BEGIN
  PERFORM ${s}.lock_keys(spec->'l');
  FOR c IN SELECT * FROM json_array_elements(spec->'e') LOOP
    current_version := NULL;
    SELECT v.version::text INTO current_version FROM ${s}.store_values v
      WHERE v.key = c->>0 AND (v.expires_at IS NULL OR v.expires_at > t);
    IF current_version IS DISTINCT FROM c->>1 THEN
      RETURN false;
    END IF;
  END LOOP;
  FOR w IN SELECT * FROM json_array_elements(spec->'w') LOOP
    k := w->>1;
    CASE w->>0
    WHEN 's' THEN
      INSERT INTO ${s}.store_values AS v (key, value, version, expires_at)
        VALUES (k, (w->>2)::json, nextval('${s}.versions'),
                t + (w->>3)::bigint * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = excluded.version,
          expires_at = excluded.expires_at, updated_at = now();
    WHEN 'd' THEN
      DELETE FROM ${s}.store_values WHERE key = k;
      DELETE FROM ${s}.store_lists WHERE key = k;
    WHEN 'a' THEN
      -- A list past its expiry is gone: adding to it starts a new one.
      DELETE FROM ${s}.store_lists WHERE key = k AND expires_at <= t;
      INSERT INTO ${s}.store_lists (key, expires_at)
        VALUES (k, t + (w->>6)::bigint * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at, updated_at = now();
      INSERT INTO ${s}.store_list_items (list_key, id, at, value)
        VALUES (k, w->>2, (w->>3)::bigint, (w->>4)::json)
        ON CONFLICT (list_key, id) DO UPDATE SET at = excluded.at, value = excluded.value;
      DELETE FROM ${s}.store_list_items
        WHERE list_key = k AND (at, id) < (
          SELECT i.at, i.id FROM ${s}.store_list_items i WHERE i.list_key = k
            ORDER BY i.at DESC, i.id DESC OFFSET (w->>5)::integer - 1 LIMIT 1);
    WHEN 'r' THEN
      DELETE FROM ${s}.store_list_items WHERE list_key = k AND id = w->>2;
      DELETE FROM ${s}.store_lists l WHERE l.key = k
        AND NOT EXISTS (SELECT 1 FROM ${s}.store_list_items i WHERE i.list_key = k);
    END CASE;
  END LOOP;
${notifyLoop(s)}
  RETURN true;
END
$fn$;`;

/** Publishes a commit's messages; shared by every version of `apply_commit`. */
const notifyLoop = (
  s: string,
) => `  -- Each payload is unique within the commit (its position first), because NOTIFY folds identical ones.
  FOR msg IN SELECT * FROM json_array_elements_text(spec->'p') LOOP
    IF octet_length(msg) <= 7000 THEN
      PERFORM pg_notify('${feedChannel(s)}', seq || ':' || msg);
    ELSE
      INSERT INTO ${s}.store_feed (message) VALUES (msg::json) RETURNING id INTO feed_id;
      PERFORM pg_notify('${feedChannel(s)}', seq || '#' || feed_id);
    END IF;
    seq := seq + 1;
  END LOOP;`;

/**
 * Counters and list lengths: `apply_commit` learns the increment write (a count kept in the same
 * commit as what it counts), and each list keeps its length so a long list (a call log) is trimmed only
 * when it is over its maximum instead of being scanned on every add.
 */
const countersAndLengths = (
  s: string,
) => `ALTER TABLE ${s}.store_lists ADD COLUMN length integer NOT NULL DEFAULT 0;
UPDATE ${s}.store_lists l SET length = (SELECT count(*) FROM ${s}.store_list_items i WHERE i.list_key = l.key);

-- Writes as before, plus ['i', key, by, ttl ms|null]: adds to the number at key (absent, expired or not a
-- number counts as 0).
CREATE OR REPLACE FUNCTION ${s}.apply_commit(spec json) RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE
  c json;
  w json;
  k text;
  current_version text;
  msg text;
  feed_id bigint;
  seq integer := 0;
  added boolean;
  removed integer;
  over integer;
  -- The store's clock when it has one (epoch ms), else the database's.
  t timestamptz := coalesce(to_timestamp((spec->>'t')::bigint / 1000.0), now());
BEGIN
  PERFORM ${s}.lock_keys(spec->'l');
  FOR c IN SELECT * FROM json_array_elements(spec->'e') LOOP
    current_version := NULL;
    SELECT v.version::text INTO current_version FROM ${s}.store_values v
      WHERE v.key = c->>0 AND (v.expires_at IS NULL OR v.expires_at > t);
    IF current_version IS DISTINCT FROM c->>1 THEN
      RETURN false;
    END IF;
  END LOOP;
  FOR w IN SELECT * FROM json_array_elements(spec->'w') LOOP
    k := w->>1;
    CASE w->>0
    WHEN 's' THEN
      INSERT INTO ${s}.store_values AS v (key, value, version, expires_at)
        VALUES (k, (w->>2)::json, nextval('${s}.versions'),
                t + (w->>3)::bigint * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = excluded.version,
          expires_at = excluded.expires_at, updated_at = now();
    WHEN 'i' THEN
      INSERT INTO ${s}.store_values AS v (key, value, version, expires_at)
        VALUES (k, to_json((w->>2)::bigint), nextval('${s}.versions'),
                t + (w->>3)::bigint * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET
          value = to_json(CASE WHEN json_typeof(v.value) = 'number'
                                 AND (v.expires_at IS NULL OR v.expires_at > t)
                               THEN (v.value::text)::numeric ELSE 0 END + (w->>2)::bigint),
          version = excluded.version, expires_at = excluded.expires_at, updated_at = now();
    WHEN 'd' THEN
      DELETE FROM ${s}.store_values WHERE key = k;
      DELETE FROM ${s}.store_lists WHERE key = k;
    WHEN 'a' THEN
      -- A list past its expiry is gone: adding to it starts a new one.
      DELETE FROM ${s}.store_lists WHERE key = k AND expires_at <= t;
      INSERT INTO ${s}.store_lists (key, expires_at)
        VALUES (k, t + (w->>6)::bigint * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at, updated_at = now();
      INSERT INTO ${s}.store_list_items AS i (list_key, id, at, value)
        VALUES (k, w->>2, (w->>3)::bigint, (w->>4)::json)
        ON CONFLICT (list_key, id) DO UPDATE SET at = excluded.at, value = excluded.value
        RETURNING (i.xmax = 0) INTO added;
      IF added THEN
        UPDATE ${s}.store_lists SET length = length + 1 WHERE key = k RETURNING length INTO over;
        over := over - (w->>5)::integer;
        IF over > 0 THEN
          DELETE FROM ${s}.store_list_items
            WHERE list_key = k AND (at, id) < (
              SELECT i.at, i.id FROM ${s}.store_list_items i WHERE i.list_key = k
                ORDER BY i.at DESC, i.id DESC OFFSET (w->>5)::integer - 1 LIMIT 1);
          GET DIAGNOSTICS removed = ROW_COUNT;
          UPDATE ${s}.store_lists SET length = length - removed WHERE key = k;
        END IF;
      END IF;
    WHEN 'r' THEN
      DELETE FROM ${s}.store_list_items WHERE list_key = k AND id = w->>2;
      GET DIAGNOSTICS removed = ROW_COUNT;
      IF removed > 0 THEN
        UPDATE ${s}.store_lists SET length = length - removed WHERE key = k;
      END IF;
      DELETE FROM ${s}.store_lists l WHERE l.key = k AND l.length <= 0;
    END CASE;
  END LOOP;
${notifyLoop(s)}
  RETURN true;
END
$fn$;`;

const record = (s: string, version: number, name: string) =>
  `INSERT INTO ${s}.schema_migrations (version, name) VALUES (${version}, '${name}');`;

/** Every migration, oldest first. `migrate()` applies the ones a database has not seen. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'store tables',
    sql: (schema = defaultSchema) =>
      `${storeTables(checkSchema(schema))}\n\n${record(schema, 1, 'store tables')}`,
  },
  {
    version: 2,
    name: 'counters and list lengths',
    sql: (schema = defaultSchema) =>
      `${countersAndLengths(checkSchema(schema))}\n\n${record(schema, 2, 'counters and list lengths')}`,
  },
  {
    version: 3,
    name: 'readable views',
    sql: (schema = defaultSchema) =>
      `${readableViews(checkSchema(schema))}\n\n${record(schema, 3, 'readable views')}`,
  },
];

/** The whole schema as one SQL script (every migration, in order), for a DBA's own migration tool. */
export function migrationSql(schema: string = defaultSchema): string {
  checkSchema(schema);
  return migrations.map((migration) => migration.sql(schema)).join('\n\n') + '\n';
}
