import type { JsonValue } from '../store';
import { assert, assertEqual, assertStoreError } from './kit';
import type { Fixture } from './kit';

type Case = [name: string, body: (fixture: Fixture) => Promise<void>];

/** get / set / setIfAbsent / compareAndSet / delete, expiry of each, and their races. */
export const valueCases: Case[] = [
  [
    'get of a key never written is undefined',
    async ({ store }) => assertEqual(await store.get('absent'), undefined, 'get(absent)'),
  ],
  [
    'set then get returns the value and a version; set again replaces both',
    async ({ store }) => {
      const value = { name: 'Ada', tags: ['a', 'b'], nested: { n: 1.5, ok: true, none: null } };
      await store.set('record', value);
      const first = await store.get('record');
      assertEqual(first?.value, value, 'value read back');
      assert(
        typeof first?.version === 'string' && first.version !== '',
        'version is a non-empty string',
      );
      await store.set('record', 'second');
      const second = await store.get('record');
      assertEqual(second?.value, 'second', 'value after overwrite');
      assert(second?.version !== first?.version, 'version changes on every write');
    },
  ],
  [
    'values are copies: changing an object after set or after get does not change the store',
    async ({ store }) => {
      const value = { list: [1] };
      await store.set('copy', value);
      value.list.push(2);
      const read = await store.get<{ list: number[] }>('copy');
      read?.value.list.push(3);
      assertEqual((await store.get('copy'))?.value, { list: [1] }, 'stored value');
    },
  ],
  [
    'setIfAbsent writes once; later calls leave the first value',
    async ({ store }) => {
      assertEqual(await store.setIfAbsent('event:1', 'first'), true, 'first setIfAbsent');
      assertEqual(await store.setIfAbsent('event:1', 'second'), false, 'second setIfAbsent');
      assertEqual((await store.get('event:1'))?.value, 'first', 'value kept');
    },
  ],
  [
    'setIfAbsent: exactly one of 24 concurrent callers across both handles wins',
    async ({ store, peer }) => {
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) => (i % 2 ? peer : store).setIfAbsent('event:race', i)),
      );
      assertEqual(results.filter(Boolean).length, 1, 'winners');
      const winner = results.indexOf(true);
      assertEqual((await peer.get('event:race'))?.value, winner, 'stored value is the winner’s');
    },
  ],
  [
    'compareAndSet: null means "only when absent"; a version must match the current one',
    async ({ store }) => {
      assertEqual(await store.compareAndSet('cas', null, 1), true, 'create when absent');
      assertEqual(await store.compareAndSet('cas', null, 2), false, 'create when present');
      const v1 = await store.get('cas');
      assertEqual(await store.compareAndSet('cas', v1?.version ?? '', 3), true, 'matching version');
      assertEqual(await store.compareAndSet('cas', v1?.version ?? '', 4), false, 'stale version');
      assertEqual(await store.compareAndSet('cas', 'never-issued', 5), false, 'unknown version');
      assertEqual((await store.get('cas'))?.value, 3, 'value after the failed writes');
    },
  ],
  [
    'compareAndSet: of 16 writers holding the same version across both handles, exactly one wins',
    async ({ store, peer }) => {
      await store.set('counter', 0);
      const read = await store.get('counter');
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          (i % 2 ? peer : store).compareAndSet('counter', read?.version ?? null, i + 1),
        ),
      );
      assertEqual(results.filter(Boolean).length, 1, 'winners');
    },
  ],
  [
    'delete removes the value and the list under a key and says whether anything was there',
    async ({ store }) => {
      await store.set('gone', 1);
      await store.listAdd('gone', { id: 'a', at: 1, value: 1 }, { maxLength: 5 });
      assertEqual(await store.delete('gone'), true, 'delete of a present key');
      assertEqual(await store.get('gone'), undefined, 'value after delete');
      assertEqual((await store.listPage('gone', { limit: 5 })).items, [], 'list after delete');
      assertEqual(await store.delete('gone'), false, 'delete of an absent key');
    },
  ],
  [
    'a value written with ttlMs is readable until it expires, then absent',
    async ({ store, elapse, ttl }) => {
      await store.set('temp', 'x', { ttlMs: ttl });
      await store.setIfAbsent('dedupe', 'y', { ttlMs: ttl });
      await store.compareAndSet('cas-temp', null, 'z', { ttlMs: ttl });
      await elapse(Math.floor(ttl / 3));
      assertEqual((await store.get('temp'))?.value, 'x', 'set value before expiry');
      assertEqual((await store.get('dedupe'))?.value, 'y', 'setIfAbsent value before expiry');
      assertEqual((await store.get('cas-temp'))?.value, 'z', 'compareAndSet value before expiry');
      await elapse(ttl * 2);
      assertEqual(await store.get('temp'), undefined, 'set value after expiry');
      assertEqual(await store.get('cas-temp'), undefined, 'compareAndSet value after expiry');
      assertEqual(
        await store.setIfAbsent('dedupe', 'again', { ttlMs: ttl }),
        true,
        'setIfAbsent after expiry',
      );
    },
  ],
  [
    'a write without ttlMs removes an earlier expiry',
    async ({ store, elapse, ttl }) => {
      await store.set('kept', 1, { ttlMs: ttl });
      await store.set('kept', 2);
      await elapse(ttl * 2);
      assertEqual((await store.get('kept'))?.value, 2, 'value after the old expiry');
    },
  ],
  [
    'a version is never issued twice for a key, even after the key expired',
    async ({ store, elapse, ttl }) => {
      await store.set('aba', 'old', { ttlMs: ttl });
      const old = await store.get('aba');
      await elapse(ttl * 2);
      await store.set('aba', 'new');
      assertEqual(
        await store.compareAndSet('aba', old?.version ?? '', 'stale write'),
        false,
        'stale CAS',
      );
    },
  ],
  [
    'values under different keys are independent',
    async ({ store }) => {
      await store.set('permissions:15550001111:alice', 'a');
      await store.set('permissions:15550001111:bob', 'b');
      await store.set('permissions:15550002222:alice', 'c');
      assertEqual((await store.get('permissions:15550001111:alice'))?.value, 'a', 'first key');
      assertEqual(
        (await store.get('permissions:15550002222:alice'))?.value,
        'c',
        'other business number',
      );
    },
  ],
  [
    'bad arguments are refused with StoreError("invalid_argument")',
    async ({ store }) => {
      const write = (options: unknown) => store.set('k', 1, options as { ttlMs: number });
      await assertStoreError(() => store.get(''), 'invalid_argument', 'empty key');
      await assertStoreError(() => write({ ttlMs: 0 }), 'invalid_argument', 'ttlMs 0');
      await assertStoreError(() => write({ ttlMs: -5 }), 'invalid_argument', 'negative ttlMs');
      await assertStoreError(() => write({ ttlMs: 1.5 }), 'invalid_argument', 'fractional ttlMs');
      const notJson = undefined as unknown as JsonValue;
      await assertStoreError(() => store.set('k', notJson), 'invalid_argument', 'undefined value');
      await assertStoreError(
        () => store.setIfAbsent('k', notJson),
        'invalid_argument',
        'setIfAbsent undefined',
      );
      await assertStoreError(
        () => store.compareAndSet('k', null, notJson),
        'invalid_argument',
        'CAS undefined',
      );
      assertEqual(await store.get('k'), undefined, 'nothing was written by refused calls');
    },
  ],
];
