import type { ChangeFeedListener, JsonValue, Store, StoreWrite } from '../store';
import { assert, assertEqual, assertStoreError } from './kit';
import type { Fixture } from './kit';

type Case = [name: string, body: (fixture: Fixture) => Promise<void>];

/** What one subscription has heard, and a way to wait for more (a shared backend delivers later). */
async function listen(store: Store) {
  const heard: JsonValue[] = [];
  let resyncs = 0;
  const listener: ChangeFeedListener = {
    message: (message) => void heard.push(message),
    resync: () => void resyncs++,
  };
  const stop = await store.subscribe(listener);
  const waitFor = async (count: number, what: string) => {
    for (let waited = 0; heard.length < count && waited < 3_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert(
      heard.length >= count,
      `${what}: expected ${count} feed messages, heard ${heard.length}`,
    );
  };
  return { heard, stop, waitFor, resyncs: () => resyncs };
}

/** Lets a shared backend deliver anything still in flight, so "nothing more arrived" means something. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** Everything a test wrote under the keys it uses, to compare before and after a refused commit. */
async function snapshot(store: Store) {
  return {
    values: await store.getMany(['a', 'b', 'c']),
    list: await store.listPage('list', { limit: 10 }),
  };
}

const item = (id: string, at: number, value: JsonValue = id) => ({ id, at, value });

/** A valid write of each type, then a bad one at `badAt`. */
function writesWithBadOneAt(badAt: number): StoreWrite[] {
  const writes: StoreWrite[] = [
    { type: 'set', key: 'a', value: { n: 1 } },
    { type: 'listAdd', key: 'list', item: item('x', 5), maxLength: 10 },
    { type: 'delete', key: 'b' },
    { type: 'listRemove', key: 'list', id: 'kept' },
    { type: 'set', key: 'c', value: 'c', ttlMs: 60_000 },
  ];
  const bad: StoreWrite[] = [
    { type: 'set', key: 'a', value: undefined as unknown as JsonValue },
    { type: 'listAdd', key: 'list', item: item('y', -1), maxLength: 10 },
    { type: 'delete', key: '' },
    { type: 'listRemove', key: 'list', id: '' },
    { type: 'set', key: 'c', value: 'c', ttlMs: 0.5 },
  ];
  writes[badAt] = bad[badAt] as StoreWrite;
  return writes;
}

/** `commit` (all or nothing, conditions over several keys), `getMany`, and the change feed. */
export const commitCases: Case[] = [
  [
    'getMany reads several keys in order, with the versions get returns, undefined for absent ones',
    async ({ store }) => {
      await store.set('a', 1);
      await store.set('c', { three: 3 });
      const [a, b, c] = await store.getMany(['a', 'b', 'c']);
      assertEqual([a?.value, b, c?.value], [1, undefined, { three: 3 }], 'values');
      assertEqual(a?.version, (await store.get('a'))?.version, 'version of a');
      assertEqual(await store.getMany([]), [], 'no keys');
    },
  ],
  [
    'commit applies every write in order and publishes its messages once to each subscriber',
    async ({ store, peer }) => {
      await store.set('b', 'gone soon');
      await store.listAdd('list', item('kept', 1), { maxLength: 10 });
      await store.listAdd('list', item('removed', 2), { maxLength: 10 });
      const here = await listen(store);
      const there = await listen(peer);
      const committed = await store.commit({
        expect: [
          { key: 'a', version: null },
          { key: 'b', version: (await store.get('b'))?.version ?? null },
        ],
        writes: [
          { type: 'set', key: 'a', value: { first: true } },
          { type: 'set', key: 'a', value: { second: true } },
          { type: 'delete', key: 'b' },
          { type: 'listAdd', key: 'list', item: item('new', 3), maxLength: 10 },
          { type: 'listRemove', key: 'list', id: 'removed' },
        ],
        publish: [{ n: 1 }, { n: 2 }],
      });
      assertEqual(committed, true, 'commit result');
      assertEqual((await peer.get('a'))?.value, { second: true }, 'later set wins');
      assertEqual(await peer.get('b'), undefined, 'deleted key');
      const page = await peer.listPage('list', { limit: 10 });
      assertEqual(
        page.items.map((entry) => entry.id),
        ['new', 'kept'],
        'list after add and remove',
      );
      await here.waitFor(2, 'subscriber on the same handle');
      await there.waitFor(2, 'subscriber on the other handle');
      await settle();
      assertEqual(here.heard, [{ n: 1 }, { n: 2 }], 'messages heard on the same handle');
      assertEqual(there.heard, [{ n: 1 }, { n: 2 }], 'messages heard on the other handle');
      await here.stop();
      await there.stop();
    },
  ],
  [
    'a condition that does not hold writes nothing and publishes nothing',
    async ({ store, peer }) => {
      await store.set('a', 'original');
      const stale = (await store.get('a'))?.version ?? null;
      await store.set('a', 'changed');
      const feed = await listen(peer);
      const before = await snapshot(store);
      for (const expect of [
        [{ key: 'a', version: stale }],
        [{ key: 'a', version: null }],
        [{ key: 'c', version: 'never-issued' }],
      ]) {
        const committed = await store.commit({
          expect,
          writes: [
            { type: 'set', key: 'b', value: 'written anyway?' },
            { type: 'listAdd', key: 'list', item: item('x', 1), maxLength: 5 },
          ],
          publish: ['should not arrive'],
        });
        assertEqual(committed, false, `commit with ${JSON.stringify(expect)}`);
      }
      assertEqual(await snapshot(store), before, 'store after refused commits');
      await settle();
      assertEqual(feed.heard, [], 'feed after refused commits');
      await feed.stop();
    },
  ],
  [
    'a bad write at any position rejects the whole commit with invalid_argument, nothing applied',
    async ({ store, peer }) => {
      await store.set('b', 'keep me');
      await store.listAdd('list', item('kept', 1), { maxLength: 10 });
      const feed = await listen(peer);
      const before = await snapshot(store);
      for (let badAt = 0; badAt < 5; badAt++) {
        await assertStoreError(
          () => store.commit({ writes: writesWithBadOneAt(badAt), publish: ['no'] }),
          'invalid_argument',
          `commit with a bad write at ${badAt}`,
        );
        assertEqual(await snapshot(store), before, `store after the bad write at ${badAt}`);
      }
      await assertStoreError(
        () => store.commit({ expect: [{ key: 'a', version: '' }], writes: [] }),
        'invalid_argument',
        'an empty version in a condition',
      );
      await settle();
      assertEqual(feed.heard, [], 'feed after rejected commits');
      await feed.stop();
    },
  ],
  [
    'of 16 commits expecting the same version across both handles, exactly one applies, whole',
    async ({ store, peer }) => {
      await store.set('a', 0);
      const version = (await store.get('a'))?.version ?? null;
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          (i % 2 ? peer : store).commit({
            expect: [{ key: 'a', version }],
            writes: [
              { type: 'set', key: 'a', value: i },
              { type: 'set', key: 'b', value: i },
              { type: 'listAdd', key: 'list', item: item(`w${i}`, i + 1), maxLength: 100 },
            ],
          }),
        ),
      );
      assertEqual(results.filter(Boolean).length, 1, 'commits applied');
      const winner = results.indexOf(true);
      assertEqual((await peer.get('a'))?.value, winner, 'a holds the winner');
      assertEqual((await peer.get('b'))?.value, winner, 'b holds the winner');
      const page = await peer.listPage('list', { limit: 100 });
      assertEqual(
        page.items.map((entry) => entry.id),
        [`w${winner}`],
        'only the winner’s list item',
      );
    },
  ],
  [
    'writes in a commit keep their time to live',
    async ({ store, elapse, ttl }) => {
      await store.commit({
        writes: [
          { type: 'set', key: 'a', value: 1, ttlMs: ttl },
          { type: 'set', key: 'b', value: 2 },
          { type: 'listAdd', key: 'list', item: item('x', 1), maxLength: 5, ttlMs: ttl },
        ],
      });
      await elapse(ttl + 50);
      const [a, b] = await store.getMany(['a', 'b']);
      assertEqual([a, b?.value], [undefined, 2], 'values after the ttl');
      assertEqual((await store.listPage('list', { limit: 5 })).items, [], 'list after its ttl');
    },
  ],
  [
    'a stopped subscription hears nothing more; the others still hear every message',
    async ({ store, peer }) => {
      const stopped = await listen(peer);
      const kept = await listen(peer);
      await stopped.stop();
      await store.commit({ writes: [], publish: ['after stop'] });
      await kept.waitFor(1, 'the subscription still running');
      await settle();
      assertEqual(stopped.heard, [], 'stopped subscription');
      assertEqual(kept.heard, ['after stop'], 'running subscription');
      assertEqual(kept.resyncs(), 0, 'no resync on a healthy feed');
      await kept.stop();
    },
  ],
];
