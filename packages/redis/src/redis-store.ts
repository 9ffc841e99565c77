import { Redis } from 'ioredis';
import type { Cluster, RedisOptions } from 'ioredis';
import { StoreError } from '@wacall/core';
import { checkCommit, storeInput } from '@wacall/core/engine';
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
import { commitArguments, newVersion, padTime } from './commit-spec';
import { ChangeFeed } from './change-feed';
import { commitScript, compareAndSetScript, listAddScript, listPageScript } from './lua';
import { ScriptRunner } from './script-runner';

export interface RedisStoreOptions {
  /**
   * A connected ioredis client (or cluster) to use. The store never closes a client you pass; share
   * one between the store and the rest of your app if you like.
   */
  client?: Redis | Cluster;
  /** Where to connect when no `client` is given, e.g. `redis://:password@10.0.0.5:6379/0`. */
  url?: string;
  /** ioredis options for the connection the store opens itself (ignored with `client`). */
  redisOptions?: RedisOptions;
  /** Prepended to every key, so several apps (or test runs) can share one Redis. Default `wacall:`. */
  prefix?: string;
}

const compareAndSet = new ScriptRunner(compareAndSetScript);
const listAdd = new ScriptRunner(listAddScript);
const listPage = new ScriptRunner(listPageScript);
const commitRunner = new ScriptRunner(commitScript);

/**
 * A Store on Redis (ioredis): state shared by every instance of the helpdesk, each operation one
 * atomic command or Lua script (a whole `commit` is one script, one round trip), every key with an
 * expiry unless the caller asked to keep it. The change feed is Redis pub/sub on a connection of its
 * own, opened on the first `subscribe`.
 */
export class RedisStore implements Store {
  readonly #client: Redis | Cluster;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #feed: ChangeFeed;
  #closed = false;

  constructor(options: RedisStoreOptions = {}) {
    this.#prefix = options.prefix ?? 'wacall:';
    if (options.client) {
      this.#client = options.client;
      this.#ownsClient = false;
    } else {
      // Fail a command after a few reconnection attempts instead of queueing it for ~20: a webhook
      // handler should answer 500 quickly so Meta redelivers.
      const redisOptions: RedisOptions = { maxRetriesPerRequest: 3, ...options.redisOptions };
      this.#client = options.url ? new Redis(options.url, redisOptions) : new Redis(redisOptions);
      // Failures reach callers as StoreError from each command; the event would only be logged twice.
      this.#client.on('error', () => undefined);
      this.#ownsClient = true;
    }
    const channel = `${this.#prefix}feed`;
    // Named, so an operator can tell the feed's connection apart in CLIENT LIST.
    const connectionName = channel.replace(/[^\w:.{}-]/g, '_');
    const client = this.#client;
    this.#feed = new ChangeFeed(
      () => (client instanceof Redis ? client.duplicate({ connectionName }) : client.duplicate()),
      channel,
    );
  }

  async get<T extends JsonValue = JsonValue>(key: string): Promise<Versioned<T> | undefined> {
    storeInput.key(key);
    const stored = await this.#call('get', key, () => this.#client.get(this.#valueKey(key)));
    return this.#decodeValue(stored, key) as Versioned<T> | undefined;
  }

  async set(key: string, value: JsonValue, options?: WriteOptions): Promise<void> {
    const { encoded, ttlMs } = this.#prepare(key, value, options);
    const target = this.#valueKey(key);
    await this.#call('set', key, () =>
      ttlMs === undefined
        ? this.#client.set(target, encoded)
        : this.#client.set(target, encoded, 'PX', ttlMs),
    );
  }

  async setIfAbsent(key: string, value: JsonValue, options?: WriteOptions): Promise<boolean> {
    const { encoded, ttlMs } = this.#prepare(key, value, options);
    const target = this.#valueKey(key);
    const reply = await this.#call('setIfAbsent', key, () =>
      ttlMs === undefined
        ? this.#client.set(target, encoded, 'NX')
        : this.#client.set(target, encoded, 'PX', ttlMs, 'NX'),
    );
    return reply === 'OK';
  }

  async compareAndSet(
    key: string,
    expectedVersion: string | null,
    value: JsonValue,
    options?: WriteOptions,
  ): Promise<boolean> {
    const { encoded, ttlMs } = this.#prepare(key, value, options);
    const reply = await this.#call('compareAndSet', key, () =>
      compareAndSet.run(
        this.#client,
        [this.#valueKey(key)],
        [expectedVersion ?? '', encoded, ttlMs ?? ''],
      ),
    );
    return reply === 1;
  }

  async delete(key: string): Promise<boolean> {
    storeInput.key(key);
    const [sortedSet, hash] = this.#listKeys(key);
    // Separate DELs: the value key and the list keys may live in different cluster slots.
    const removed = await this.#call('delete', key, async () => {
      const value = await this.#client.del(this.#valueKey(key));
      const list = await this.#client.del(sortedSet, hash);
      return value + list;
    });
    return removed > 0;
  }

  async listAdd(key: string, item: ListItem, options: ListAddOptions): Promise<void> {
    storeInput.key(key);
    const { id, at, value } = storeInput.item(item, key);
    const { maxLength, ttlMs } = storeInput.listAdd(options, key);
    const json = storeInput.encode(value, key);
    await this.#call('listAdd', key, () =>
      listAdd.run(this.#client, this.#listKeys(key), [
        id,
        padTime(at),
        json,
        maxLength,
        ttlMs ?? '',
      ]),
    );
  }

  async listPage<T extends JsonValue = JsonValue>(
    key: string,
    options: ListPageOptions,
  ): Promise<ListPage<T>> {
    storeInput.key(key);
    const { limit, before } = storeInput.listPage(options, key);
    const cursor: [string, string] =
      before === undefined
        ? ['', '']
        : 'id' in before
          ? ['id', before.id]
          : ['at', padTime(before.at)];
    const reply = await this.#call('listPage', key, () =>
      listPage.run(this.#client, this.#listKeys(key), [limit, ...cursor]),
    );
    const [hasMore, ...flat] = reply as [number, ...string[]];
    const items: ListItem<T>[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      items.push({
        id: flat[i] as string,
        at: Number(flat[i + 1]),
        value: storeInput.decode(flat[i + 2] as string, key) as T,
      });
    }
    return { items, hasMore: hasMore === 1 };
  }

  async getMany(keys: readonly string[]): Promise<(Versioned | undefined)[]> {
    keys.forEach((key) => storeInput.key(key));
    if (keys.length === 0) return [];
    // One MGET: every value read at the same moment, in one round trip.
    const stored = await this.#call('getMany', keys[0] as string, () =>
      this.#client.mget(...keys.map((key) => this.#valueKey(key))),
    );
    return stored.map((text, index) => this.#decodeValue(text, keys[index] as string));
  }

  async commit(commit: StoreCommit): Promise<boolean> {
    const checked = checkCommit(commit);
    const { keys, spec } = commitArguments(
      checked,
      { value: (key) => this.#valueKey(key), list: (key) => this.#listKeys(key) },
      this.#feed.channel,
    );
    const first = checked.writes[0]?.key ?? checked.expect[0]?.key ?? 'commit';
    const reply = await this.#call('commit', first, () =>
      commitRunner.run(this.#client, keys, [spec]),
    );
    return reply === 1;
  }

  async subscribe(listener: ChangeFeedListener): Promise<() => Promise<void>> {
    if (this.#closed) {
      throw new StoreError(
        'unavailable',
        'RedisStore.subscribe() after close(): open a new store.',
      );
    }
    return this.#call('subscribe', this.#feed.channel, () => this.#feed.add(listener));
  }

  /** Closes the connections the store opened (the feed's always); a client you passed in stays open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#feed.close();
    if (this.#ownsClient) await this.#client.quit().catch(() => this.#client.disconnect());
  }

  #decodeValue(stored: string | null, key: string): Versioned | undefined {
    if (stored === null) return undefined;
    const separator = stored.indexOf(':');
    if (separator < 1) {
      throw new StoreError('corrupt', `The data at "${key}" was not written by a RedisStore.`, {
        key,
      });
    }
    return {
      version: stored.slice(0, separator),
      value: storeInput.decode(stored.slice(separator + 1), key),
    };
  }

  #valueKey(key: string): string {
    return `${this.#prefix}v:${key}`;
  }

  /** The hash tag keeps a list's two keys in one cluster slot, so one script can touch both. */
  #listKeys(key: string): [string, string] {
    const base = `${this.#prefix}l:{${key}}`;
    return [base, `${base}:items`];
  }

  #prepare(key: string, value: JsonValue, options: WriteOptions | undefined) {
    storeInput.key(key);
    const ttlMs = storeInput.write(options, key);
    const encoded = `${newVersion()}:${storeInput.encode(value, key)}`;
    return { encoded, ttlMs };
  }

  /** Runs a Redis call, turning connection and server failures into a retryable `StoreError`. */
  async #call<R>(operation: string, key: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new StoreError('unavailable', `Redis ${operation}("${key}") failed: ${reason}`, {
        key,
        cause,
      });
    }
  }
}
