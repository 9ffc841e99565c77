import { StoreError } from './store-error';
import type {
  JsonValue,
  ListAddOptions,
  ListItem,
  ListPageOptions,
  StoreCommit,
  StoreCondition,
  WriteOptions,
} from './store';

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

/** A commit's write, checked and with its value already encoded (as every store needs it). */
export type CheckedWrite =
  | { type: 'set'; key: string; text: string; ttlMs?: number }
  | { type: 'delete'; key: string }
  | {
      type: 'listAdd';
      key: string;
      id: string;
      at: number;
      text: string;
      maxLength: number;
      ttlMs?: number;
    }
  | { type: 'listRemove'; key: string; id: string }
  | { type: 'increment'; key: string; by: number; ttlMs?: number };

export interface CheckedCommit {
  expect: StoreCondition[];
  writes: CheckedWrite[];
  /** The messages as JSON text. */
  publish: string[];
}

/**
 * Checks and encodes a whole commit before anything is written, so a bad write anywhere in it rejects
 * the commit with nothing applied.
 */
export function checkCommit(commit: StoreCommit): CheckedCommit {
  if (typeof commit !== 'object' || commit === null || !Array.isArray(commit.writes)) {
    return fail('commit() needs { expect?, writes: [...], publish? }.');
  }
  const expect = (commit.expect ?? []).map((condition, index) => {
    const where = `commit expect[${index}]`;
    if (typeof condition !== 'object' || condition === null) {
      return fail(`${where} must be { key, version } (got ${describe(condition)}).`);
    }
    const key = storeInput.key(condition.key);
    if (
      condition.version !== null &&
      (typeof condition.version !== 'string' || condition.version === '')
    ) {
      return fail(
        `${where}: version for "${key}" must be a version string from get(), or null for "absent" (got ${describe(condition.version)}).`,
        key,
      );
    }
    return { key, version: condition.version };
  });
  const writes = commit.writes.map((write, index): CheckedWrite => {
    if (typeof write !== 'object' || write === null) {
      return fail(
        `commit writes[${index}] must be an object with a type (got ${describe(write)}).`,
      );
    }
    const key = storeInput.key(write.key);
    switch (write.type) {
      case 'set': {
        const ttlMs = storeInput.write(write, key);
        const text = storeInput.encode(write.value, key);
        return ttlMs === undefined ? { type: 'set', key, text } : { type: 'set', key, text, ttlMs };
      }
      case 'delete':
        return { type: 'delete', key };
      case 'listAdd': {
        const { id, at, value } = storeInput.item(write.item, key);
        const { maxLength, ttlMs } = storeInput.listAdd(write, key);
        const text = storeInput.encode(value, key);
        const checked: CheckedWrite = { type: 'listAdd', key, id, at, text, maxLength };
        if (ttlMs !== undefined) checked.ttlMs = ttlMs;
        return checked;
      }
      case 'listRemove':
        if (typeof write.id !== 'string' || write.id === '') {
          return fail(`commit writes[${index}]: listRemove on "${key}" needs a non-empty id.`, key);
        }
        return { type: 'listRemove', key, id: write.id };
      case 'increment': {
        if (typeof write.by !== 'number' || !Number.isSafeInteger(write.by)) {
          return fail(
            `commit writes[${index}]: increment on "${key}" needs by, a whole number (got ${describe(write.by)}).`,
            key,
          );
        }
        const ttlMs = storeInput.write(write, key);
        return ttlMs === undefined
          ? { type: 'increment', key, by: write.by }
          : { type: 'increment', key, by: write.by, ttlMs };
      }
      default:
        return fail(
          `commit writes[${index}] has unknown type ${describe((write as { type?: unknown }).type)}; use set, delete, listAdd, listRemove or increment.`,
          key,
        );
    }
  });
  const publish = (commit.publish ?? []).map((message) => storeInput.encode(message, 'publish'));
  return { expect, writes, publish };
}

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
