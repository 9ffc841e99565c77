import { describe, expect, it } from 'vitest';
import { runStoreConformance } from './conformance';
import { MemoryStore } from './memory-store';
import { isStoreError } from './store-error';
import { createTestClock } from './test-clock';

runStoreConformance(({ now }) => new MemoryStore({ now }), {
  describe,
  it,
  clock: 'controllable',
  title: 'MemoryStore conformance',
});

describe('MemoryStore', () => {
  it('expires a key exactly ttlMs after the write', async () => {
    const clock = createTestClock();
    const store = new MemoryStore({ now: clock.now });
    await store.set('k', 1, { ttlMs: 1000 });
    clock.advance(999);
    expect((await store.get('k'))?.value).toBe(1);
    clock.advance(1);
    expect(await store.get('k')).toBeUndefined();
  });

  it('orders ids at the same time by code point, as Redis orders bytes', async () => {
    const store = new MemoryStore();
    // U+1F600 (an astral emoji, stored as surrogates) sorts after U+FF5E in code point order.
    for (const id of ['\u{1F600}', '\uFF5E', 'a']) {
      await store.listAdd('l', { id, at: 1, value: id }, { maxLength: 10 });
    }
    const page = await store.listPage('l', { limit: 10 });
    expect(page.items.map((item) => item.id)).toEqual(['\u{1F600}', '\uFF5E', 'a']);
  });

  it('names the key and the rule in argument errors', async () => {
    const store = new MemoryStore();
    const error = await store.set('session', 1, { ttlMs: -1 }).catch((e: unknown) => e);
    expect(isStoreError(error)).toBe(true);
    expect(String(error)).toContain('ttlMs for "session" must be a positive whole number');
  });
});
