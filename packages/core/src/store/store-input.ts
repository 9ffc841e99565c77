import { StoreError } from './store-error';
import type { JsonValue, ListAddOptions, ListItem, ListPageOptions, WriteOptions } from './store';

const fail = (message: string, key?: string): never => {
  throw new StoreError('invalid_argument', message, key === undefined ? undefined : { key });
};

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * Argument checks and encoding shared by every Store implementation, so each one refuses the same bad
 * input with the same `StoreError('invalid_argument')`.
 */
export const storeInput = {
  /** A key is a non-empty string. */
  key(key: unknown): string {
    if (typeof key !== 'string' || key.length === 0) {
      return fail(`Store key must be a non-empty string (got ${describe(key)}).`);
    }
    return key;
  },

  /** `ttlMs`, when given, is a positive whole number of milliseconds. */
  write(options: WriteOptions | undefined, key: string): number | undefined {
    const ttlMs = options?.ttlMs;
    if (ttlMs === undefined) return undefined;
    if (!isPositiveInteger(ttlMs)) {
      return fail(
        `ttlMs for "${key}" must be a positive whole number of milliseconds (got ${describe(ttlMs)}); omit it to keep the key without expiry.`,
        key,
      );
    }
    return ttlMs;
  },

  /** Serialises a value, refusing anything JSON cannot carry. */
  encode(value: unknown, key: string): string {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (cause) {
      throw new StoreError(
        'invalid_argument',
        `The value for "${key}" cannot be stored as JSON (${cause instanceof Error ? cause.message : String(cause)}).`,
        { key, cause },
      );
    }
    if (text === undefined) {
      return fail(`The value for "${key}" cannot be stored as JSON (got ${describe(value)}).`, key);
    }
    return text;
  },

  /** Parses what `encode` produced. */
  decode(text: string, key: string): JsonValue {
    try {
      return JSON.parse(text) as JsonValue;
    } catch (cause) {
      throw new StoreError('corrupt', `The data at "${key}" is not JSON written by a Store.`, {
        key,
        cause,
      });
    }
  },

  /** A list item has a non-empty id and a non-negative safe integer time. */
  item(item: ListItem, key: string): ListItem {
    if (typeof item !== 'object' || item === null) {
      return fail(`A list item for "${key}" must be an object { id, at, value }.`, key);
    }
    if (typeof item.id !== 'string' || item.id.length === 0) {
      return fail(
        `A list item for "${key}" needs a non-empty string id (got ${describe(item.id)}).`,
        key,
      );
    }
    if (typeof item.at !== 'number' || !Number.isSafeInteger(item.at) || item.at < 0) {
      return fail(
        `A list item's "at" for "${key}" must be epoch milliseconds, a non-negative whole number (got ${describe(item.at)}).`,
        key,
      );
    }
    return item;
  },

  /** `maxLength` is a positive whole number; `ttlMs` as for `write`. */
  listAdd(options: ListAddOptions | undefined, key: string): { maxLength: number; ttlMs?: number } {
    if (!isPositiveInteger(options?.maxLength)) {
      return fail(
        `listAdd("${key}") needs maxLength, a positive whole number (got ${describe(options?.maxLength)}).`,
        key,
      );
    }
    const ttlMs = storeInput.write(options, key);
    return ttlMs === undefined
      ? { maxLength: options.maxLength }
      : { maxLength: options.maxLength, ttlMs };
  },

  /** `limit` is a positive whole number; `before` is `{ id }` or `{ at }`. */
  listPage(options: ListPageOptions | undefined, key: string): ListPageOptions {
    if (!isPositiveInteger(options?.limit)) {
      return fail(
        `listPage("${key}") needs limit, a positive whole number (got ${describe(options?.limit)}).`,
        key,
      );
    }
    const before = options.before;
    if (before === undefined) return { limit: options.limit };
    if ('id' in before && typeof before.id === 'string' && before.id.length > 0) {
      return { limit: options.limit, before: { id: before.id } };
    }
    if (
      'at' in before &&
      typeof before.at === 'number' &&
      Number.isSafeInteger(before.at) &&
      before.at >= 0
    ) {
      return { limit: options.limit, before: { at: before.at } };
    }
    return fail(
      `listPage("${key}"): before must be { id: <item id> } or { at: <epoch ms> } (got ${describe(before)}).`,
      key,
    );
  },
};

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}
