import { StoreError } from './store-error';
import type { JsonValue, Store, WriteOptions } from './store';

/** What an update function returns: the value to write (with its expiry), or `undefined` to write nothing. */
export type UpdateResult<T extends JsonValue> = ({ value: T } & WriteOptions) | undefined;

export interface UpdateValueOptions {
  /** How many times to read and try again after losing to another writer (default 50). */
  maxAttempts?: number;
}

/**
 * Atomic read-modify-write on one key: reads the value, calls `change` with it, and writes the result
 * only if nobody wrote in between (`compareAndSet`); otherwise reads again and retries after a short
 * random pause. `change` may run several times, so it must be pure. Resolves with what was written (or
 * `undefined` when `change` chose to write nothing); rejects with `StoreError('conflict')` when every
 * attempt lost.
 */
export async function updateValue<T extends JsonValue>(
  store: Store,
  key: string,
  change: (current: T | undefined) => UpdateResult<T>,
  options: UpdateValueOptions = {},
): Promise<T | undefined> {
  const maxAttempts = options.maxAttempts ?? 50;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new StoreError(
      'invalid_argument',
      `updateValue("${key}"): maxAttempts must be a positive whole number (got ${String(maxAttempts)}).`,
      { key },
    );
  }
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const current = await store.get<T>(key);
    const next = change(current?.value);
    if (next === undefined) return undefined;
    const { value, ...writeOptions } = next;
    if (await store.compareAndSet(key, current?.version ?? null, value, writeOptions)) return value;
    await pause(attempt);
  }
  throw new StoreError(
    'conflict',
    `Could not update "${key}": other writers changed it ${maxAttempts} times in a row. Retry later.`,
    { key },
  );
}

/** Random back-off that grows with the attempt, so competing writers stop colliding. */
function pause(attempt: number): Promise<void> {
  const ceiling = Math.min(2 ** attempt, 32);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
