import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store';
import type { Store } from './store';
import { isStoreError } from './store-error';
import { updateValue } from './update-value';

describe('updateValue', () => {
  it('applies 30 concurrent increments without losing one', async () => {
    const store = new MemoryStore();
    await Promise.all(
      Array.from({ length: 30 }, () =>
        updateValue<number>(store, 'n', (n) => ({ value: (n ?? 0) + 1 })),
      ),
    );
    expect((await store.get('n'))?.value).toBe(30);
  });

  it('writes nothing when the change returns undefined', async () => {
    const store = new MemoryStore();
    await store.set('n', 5);
    const before = await store.get('n');
    expect(await updateValue<number>(store, 'n', () => undefined)).toBeUndefined();
    expect((await store.get('n'))?.version).toBe(before?.version);
  });

  it('passes the expiry through to the store', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    await updateValue<number>(store, 'n', () => ({ value: 1, ttlMs: 100 }));
    now = 100;
    expect(await store.get('n')).toBeUndefined();
  });

  it('gives up with a retryable conflict when every attempt loses', async () => {
    const inner = new MemoryStore();
    // Another writer that always gets in between our read and our write.
    const contended: Store = {
      get: (key) => inner.get(key),
      set: (key, value, options) => inner.set(key, value, options),
      setIfAbsent: (key, value, options) => inner.setIfAbsent(key, value, options),
      compareAndSet: async () => false,
      delete: (key) => inner.delete(key),
      listAdd: (key, item, options) => inner.listAdd(key, item, options),
      listPage: (key, options) => inner.listPage(key, options),
      getMany: (keys) => inner.getMany(keys),
      commit: (commit) => inner.commit(commit),
      subscribe: (listener) => inner.subscribe(listener),
      close: () => inner.close(),
    };
    const error = await updateValue<number>(contended, 'hot', () => ({ value: 1 }), {
      maxAttempts: 3,
    }).catch((e: unknown) => e);
    expect(isStoreError(error) && error.code === 'conflict' && error.retryable).toBe(true);
    expect(String(error)).toContain('"hot"');
  });
});
