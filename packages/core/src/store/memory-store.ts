import { FeedListeners } from './feed-listeners';
import { checkCommit, storeInput } from './store-input';
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
} from './store';

export interface MemoryStoreOptions {
  /** The clock expiry is measured against; defaults to `Date.now`. Tests pass a fake one. */
  now?: () => number;
}

interface ValueEntry {
  text: string;
  version: string;
  expiresAt?: number;
}

interface ListEntry {
  id: string;
  at: number;
  text: string;
}

interface ListState {
  /** Oldest first, ordered by `at` then by id in code point order (the byte order Redis uses). */
  items: ListEntry[];
  byId: Map<string, ListEntry>;
  expiresAt?: number;
}

/** Expired keys are swept after this many writes (or the store's size, if larger), without timers. */
const sweepEvery = 1000;

/**
 * The default Store: everything in this process's memory, nothing to set up. Values are kept as JSON
 * text, so callers never share objects with the store. State is lost on restart and is not shared
 * between processes: run a shared Store (e.g. `RedisStore`) when the helpdesk has more than one instance.
 */
export class MemoryStore implements Store {
  readonly #now: () => number;
  readonly #values = new Map<string, ValueEntry>();
  readonly #lists = new Map<string, ListState>();
  readonly #feed = new FeedListeners();
  #versions = 0;
  #writesSinceSweep = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  async get<T extends JsonValue = JsonValue>(key: string): Promise<Versioned<T> | undefined> {
    storeInput.key(key);
    const entry = this.#liveValue(key);
    if (!entry) return undefined;
    return { value: storeInput.decode(entry.text, key) as T, version: entry.version };
  }

  async set(key: string, value: JsonValue, options?: WriteOptions): Promise<void> {
    this.#write(key, value, options);
  }

  async setIfAbsent(key: string, value: JsonValue, options?: WriteOptions): Promise<boolean> {
    storeInput.key(key);
    if (this.#liveValue(key)) {
      validateWrite(key, value, options);
      return false;
    }
    this.#write(key, value, options);
    return true;
  }

  async compareAndSet(
    key: string,
    expectedVersion: string | null,
    value: JsonValue,
    options?: WriteOptions,
  ): Promise<boolean> {
    storeInput.key(key);
    const current = this.#liveValue(key)?.version ?? null;
    if (current !== expectedVersion) {
      validateWrite(key, value, options);
      return false;
    }
    this.#write(key, value, options);
    return true;
  }

  async delete(key: string): Promise<boolean> {
    storeInput.key(key);
    const hadValue = this.#liveValue(key) !== undefined;
    const hadList = this.#liveList(key) !== undefined;
    this.#values.delete(key);
    this.#lists.delete(key);
    return hadValue || hadList;
  }

  async listAdd(key: string, item: ListItem, options: ListAddOptions): Promise<void> {
    storeInput.key(key);
    const { id, at, value } = storeInput.item(item, key);
    const { maxLength, ttlMs } = storeInput.listAdd(options, key);
    this.#listAdd(key, { id, at, text: storeInput.encode(value, key) }, maxLength, ttlMs);
  }

  async listPage<T extends JsonValue = JsonValue>(
    key: string,
    options: ListPageOptions,
  ): Promise<ListPage<T>> {
    storeInput.key(key);
    const { limit, before } = storeInput.listPage(options, key);
    const list = this.#liveList(key);
    if (!list) return { items: [], hasMore: false };
    let end = list.items.length;
    if (before && 'id' in before) {
      const anchor = list.byId.get(before.id);
      if (!anchor) return { items: [], hasMore: false };
      end = indexOf(list.items, anchor);
    } else if (before) {
      end = insertionIndex(list.items, { id: '', at: before.at, text: '' });
    }
    const start = Math.max(0, end - limit);
    const items = list.items
      .slice(start, end)
      .reverse()
      .map((entry) => ({
        id: entry.id,
        at: entry.at,
        value: storeInput.decode(entry.text, key) as T,
      }));
    return { items, hasMore: start > 0 };
  }

  async getMany(keys: readonly string[]): Promise<(Versioned | undefined)[]> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  async commit(commit: StoreCommit): Promise<boolean> {
    const { expect, writes, publish } = checkCommit(commit);
    for (const { key, version } of expect) {
      if ((this.#liveValue(key)?.version ?? null) !== version) return false;
    }
    for (const write of writes) {
      switch (write.type) {
        case 'set':
          this.#setText(write.key, write.text, write.ttlMs);
          break;
        case 'delete':
          this.#values.delete(write.key);
          this.#lists.delete(write.key);
          break;
        case 'listAdd':
          this.#listAdd(write.key, write, write.maxLength, write.ttlMs);
          break;
        case 'listRemove':
          this.#listRemove(write.key, write.id);
          break;
        case 'increment':
          this.#increment(write.key, write.by, write.ttlMs);
          break;
      }
    }
    for (const text of publish) this.#feed.deliver(text);
    return true;
  }

  async subscribe(listener: ChangeFeedListener): Promise<() => Promise<void>> {
    return this.#feed.add(listener);
  }

  async close(): Promise<void> {
    // Nothing to release; the data stays readable so a test can inspect it after closing.
  }

  #write(key: string, value: JsonValue, options: WriteOptions | undefined): void {
    const { text, ttlMs } = validateWrite(key, value, options);
    this.#setText(key, text, ttlMs);
  }

  #setText(key: string, text: string, ttlMs: number | undefined): void {
    const entry: ValueEntry = { text, version: String(++this.#versions) };
    if (ttlMs !== undefined) entry.expiresAt = this.#now() + ttlMs;
    this.#values.set(key, entry);
    this.#afterWrite();
  }

  #increment(key: string, by: number, ttlMs: number | undefined): void {
    const entry = this.#liveValue(key);
    const current = entry ? (JSON.parse(entry.text) as unknown) : 0;
    this.#setText(key, String((typeof current === 'number' ? current : 0) + by), ttlMs);
  }

  #listAdd(key: string, entry: ListEntry, maxLength: number, ttlMs: number | undefined): void {
    const list = this.#liveList(key) ?? { items: [], byId: new Map<string, ListEntry>() };
    const stored: ListEntry = { id: entry.id, at: entry.at, text: entry.text };
    const previous = list.byId.get(stored.id);
    if (previous) list.items.splice(indexOf(list.items, previous), 1);
    list.items.splice(insertionIndex(list.items, stored), 0, stored);
    list.byId.set(stored.id, stored);
    for (const dropped of list.items.splice(0, Math.max(0, list.items.length - maxLength))) {
      list.byId.delete(dropped.id);
    }
    if (ttlMs === undefined) delete list.expiresAt;
    else list.expiresAt = this.#now() + ttlMs;
    this.#lists.set(key, list);
    this.#afterWrite();
  }

  /** Removes one item; the list keeps its expiry. */
  #listRemove(key: string, id: string): void {
    const list = this.#liveList(key);
    const entry = list?.byId.get(id);
    if (!list || !entry) return;
    list.items.splice(indexOf(list.items, entry), 1);
    list.byId.delete(id);
    if (list.items.length === 0) this.#lists.delete(key);
  }

  #liveValue(key: string): ValueEntry | undefined {
    const entry = this.#values.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.#now()) {
      this.#values.delete(key);
      return undefined;
    }
    return entry;
  }

  #liveList(key: string): ListState | undefined {
    const list = this.#lists.get(key);
    if (list?.expiresAt !== undefined && list.expiresAt <= this.#now()) {
      this.#lists.delete(key);
      return undefined;
    }
    return list;
  }

  #afterWrite(): void {
    this.#writesSinceSweep += 1;
    if (this.#writesSinceSweep < Math.max(sweepEvery, this.#values.size + this.#lists.size)) return;
    this.#writesSinceSweep = 0;
    for (const key of [...this.#values.keys()]) this.#liveValue(key);
    for (const key of [...this.#lists.keys()]) this.#liveList(key);
  }
}

function validateWrite(
  key: string,
  value: JsonValue,
  options: WriteOptions | undefined,
): { text: string; ttlMs?: number } {
  storeInput.key(key);
  const ttlMs = storeInput.write(options, key);
  const text = storeInput.encode(value, key);
  return ttlMs === undefined ? { text } : { text, ttlMs };
}

/** Orders ids by code point, which is the UTF-8 byte order a Redis sorted set uses for its members. */
function compareIds(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (astral code points) above U+E000–U+FFFF, as code point order has them. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

function compareEntries(a: ListEntry, b: ListEntry): number {
  return a.at - b.at || compareIds(a.id, b.id);
}

/** The first index whose entry sorts at or after `entry`. */
function insertionIndex(items: ListEntry[], entry: ListEntry): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = items[middle];
    if (item !== undefined && compareEntries(item, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function indexOf(items: ListEntry[], entry: ListEntry): number {
  return insertionIndex(items, entry);
}
