import { assertEqual, assertStoreError } from './kit';
import type { Fixture } from './kit';

type Case = [name: string, body: (fixture: Fixture) => Promise<void>];

const increment = (key: string, by: number, ttlMs?: number) =>
  ttlMs === undefined
    ? { type: 'increment' as const, key, by }
    : { type: 'increment' as const, key, by, ttlMs };

/** The `increment` write of `commit`: counts kept in the same commit as what they count. */
export const counterCases: Case[] = [
  [
    'increment adds to a number, starts an absent or non-number key at 0, and gives a new version',
    async ({ store, peer }) => {
      await store.set('b', 'not a number');
      await store.commit({ writes: [increment('a', 3), increment('a', -1), increment('b', 5)] });
      const first = await peer.get('a');
      assertEqual([first?.value, (await peer.get('b'))?.value], [2, 5], 'after the first commit');
      await store.commit({ writes: [increment('a', 10)] });
      const second = await peer.get('a');
      assertEqual(second?.value, 12, 'after the second commit');
      assertEqual(second?.version === first?.version, false, 'a new version');
      await store.commit({ writes: [increment('a', -12)] });
      assertEqual((await peer.get('a'))?.value, 0, 'back to zero');
    },
  ],
  [
    'increment is held back with the rest of a commit whose condition fails',
    async ({ store, peer }) => {
      await store.set('a', 1);
      const committed = await store.commit({
        expect: [{ key: 'c', version: 'never-issued' }],
        writes: [increment('a', 1)],
      });
      assertEqual(committed, false, 'commit result');
      assertEqual((await peer.get('a'))?.value, 1, 'unchanged');
    },
  ],
  [
    'an increment that is not a whole number rejects the whole commit, nothing applied',
    async ({ store, peer }) => {
      for (const by of [0.5, Number.NaN, '1' as unknown as number]) {
        await assertStoreError(
          () =>
            store.commit({
              writes: [{ type: 'set', key: 'a', value: 'x' }, increment('b', by)],
            }),
          'invalid_argument',
          `increment by ${String(by)}`,
        );
      }
      assertEqual(await peer.getMany(['a', 'b']), [undefined, undefined], 'nothing written');
    },
  ],
  [
    'concurrent increments from both handles all add up',
    async ({ store, peer }) => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? peer : store).commit({ writes: [increment('a', i % 3 === 0 ? -1 : 2)] }),
        ),
      );
      // 7 of the 20 (0, 3, …, 18) subtract one; the other 13 add two.
      assertEqual((await store.get('a'))?.value, 13 * 2 - 7, 'the sum');
    },
  ],
  [
    'an increment sets the key’s expiry; an expired count starts again from 0',
    async ({ store, elapse, ttl }) => {
      await store.commit({ writes: [increment('a', 4, ttl)] });
      assertEqual((await store.get('a'))?.value, 4, 'before the ttl');
      await elapse(ttl + 50);
      assertEqual(await store.get('a'), undefined, 'after the ttl');
      await store.commit({ writes: [increment('a', 1)] });
      assertEqual((await store.get('a'))?.value, 1, 'counted again from 0');
    },
  ],
];
