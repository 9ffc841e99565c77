/**
 * The Store: the one interface behind every piece of state @wacall keeps (permission state, call records,
 * activity lists, webhook de-duplication). Single-key operations are atomic steps; `commit` applies a
 * whole change (conditions, writes and change-feed messages) all or nothing, so a shared backend such as
 * Redis implements it with one script. Every write can carry a time to live so nothing grows without bound.
 */

/** Any value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** A value with the version it was read at; pass the version back to `compareAndSet`. */
export interface Versioned<T extends JsonValue = JsonValue> {
  value: T;
  /** Opaque; changes on every write. Never reused for a key, even after the key expires. */
  version: string;
}

export interface WriteOptions {
  /**
   * Milliseconds until the key expires. Omit to keep the key until it is overwritten or deleted —
   * only for state that must outlive any clock (a permanent permission, say).
   */
  ttlMs?: number;
}

/** One entry of a list: an id (unique within the list), a time that orders it, and its value. */
export interface ListItem<T extends JsonValue = JsonValue> {
  id: string;
  /** Epoch ms (a non-negative safe integer). Lists are ordered by `at`, then by `id`. */
  at: number;
  value: T;
}

export interface ListAddOptions extends WriteOptions {
  /** The list keeps its newest `maxLength` items and drops the oldest beyond that. */
  maxLength: number;
}

/** Where a page starts: strictly older than the item with this id, or strictly before this time. */
export type ListCursor = { id: string } | { at: number };

export interface ListPageOptions {
  /** How many items at most (a positive integer). */
  limit: number;
  /** Omit for the newest page. An id no longer in the list gives an empty page. */
  before?: ListCursor;
}

export interface ListPage<T extends JsonValue = JsonValue> {
  /** Newest first. */
  items: ListItem<T>[];
  /** Whether older items exist beyond this page; fetch them with `before: { id: lastItem.id }`. */
  hasMore: boolean;
}

/** Holds when the value at `key` is still at `version` (`null`: when the key is absent). */
export interface StoreCondition {
  key: string;
  version: string | null;
}

/** One write of a commit. Value keys and list keys are separate namespaces, as for the single operations. */
export type StoreWrite =
  | { type: 'set'; key: string; value: JsonValue; ttlMs?: number }
  | { type: 'delete'; key: string }
  | { type: 'listAdd'; key: string; item: ListItem; maxLength: number; ttlMs?: number }
  | { type: 'listRemove'; key: string; id: string }
  /**
   * Adds `by` (a safe integer, negative to subtract) to the number at `key` — absent, expired or not a
   * number counts as 0 — and replaces the key's expiry. Concurrent commits add up without conflicting,
   * so a count kept beside the data it counts never becomes a hot key.
   */
  | { type: 'increment'; key: string; by: number; ttlMs?: number };

/**
 * A change applied all or nothing: when every condition holds, every write is applied in order and every
 * message is published on the change feed; otherwise nothing is.
 */
export interface StoreCommit {
  /** Conditions checked before anything is written (compare-and-set over several keys). */
  expect?: readonly StoreCondition[];
  writes: readonly StoreWrite[];
  /** Delivered once to every subscriber of the change feed (on every instance), only if committed. */
  publish?: readonly JsonValue[];
}

/** What the change feed hands a subscriber. */
export interface ChangeFeedListener {
  /** A message some `commit` published, on this instance or another. */
  message(message: JsonValue): void;
  /**
   * Messages may have been missed (the subscription broke and came back): refetch what you show. Called
   * after the subscription is live again.
   */
  resync(): void;
}

/**
 * Key-value and list storage with per-key atomic operations and expiry. Keys of values and keys of lists
 * are separate namespaces. Implementations: `MemoryStore` (one process), `RedisStore` (@wacall/redis).
 * Every implementation must pass `runStoreConformance` from `@wacall/core/testing`.
 */
export interface Store {
  /** The value at `key` and its version, or `undefined` when absent or expired. */
  get<T extends JsonValue = JsonValue>(key: string): Promise<Versioned<T> | undefined>;
  /** Writes `value` unconditionally (last write wins) and replaces the key's expiry. */
  set(key: string, value: JsonValue, options?: WriteOptions): Promise<void>;
  /** Writes only when `key` is absent; `true` when this call wrote it. The de-duplication primitive. */
  setIfAbsent(key: string, value: JsonValue, options?: WriteOptions): Promise<boolean>;
  /**
   * Writes only when the key is still at `expectedVersion` (`null`: only when absent); `true` when this
   * call wrote it. The read-modify-write primitive: two writers that read the same version cannot both win.
   */
  compareAndSet(
    key: string,
    expectedVersion: string | null,
    value: JsonValue,
    options?: WriteOptions,
  ): Promise<boolean>;
  /** Removes the value and the list at `key`; `true` when something was there. */
  delete(key: string): Promise<boolean>;
  /**
   * Adds an item to the list at `key` (replacing an item with the same id, so adding twice is harmless),
   * trims the list to its newest `maxLength` items and resets the list's expiry.
   */
  listAdd(key: string, item: ListItem, options: ListAddOptions): Promise<void>;
  /** A page of the list at `key`, newest first. */
  listPage<T extends JsonValue = JsonValue>(
    key: string,
    options: ListPageOptions,
  ): Promise<ListPage<T>>;
  /** The values at `keys`, in order, as `get` would return each, read at one moment. */
  getMany(keys: readonly string[]): Promise<(Versioned | undefined)[]>;
  /**
   * Applies `commit` atomically: resolves `true` when it was applied, `false` when a condition did not
   * hold (nothing written, nothing published). Rejects with `StoreError` on bad input or an unreachable
   * backend, also with nothing written.
   */
  commit(commit: StoreCommit): Promise<boolean>;
  /**
   * Listens to the change feed: every message any handle on the same data commits from now on. Resolves
   * once listening, with a function that stops it.
   */
  subscribe(listener: ChangeFeedListener): Promise<() => Promise<void>>;
  /** Releases connections the store opened itself. Safe to call twice. */
  close(): Promise<void>;
}
