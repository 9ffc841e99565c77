import type { ListItem } from '../store';
import { assertEqual, assertStoreError } from './kit';
import type { Fixture } from './kit';

type Case = [name: string, body: (fixture: Fixture) => Promise<void>];

const ids = (items: ListItem[]) => items.map((item) => item.id);
const activity = (id: string, at: number): ListItem => ({
  id,
  at,
  value: { id, text: `activity ${id}` },
});

/** listAdd / listPage: order, paging, replacement, trimming, expiry and races. */
export const listCases: Case[] = [
  [
    'listPage of a list never written is empty',
    async ({ store }) =>
      assertEqual(
        await store.listPage('none', { limit: 10 }),
        { items: [], hasMore: false },
        'page',
      ),
  ],
  [
    'pages come newest first by time, whatever the order items were added in',
    async ({ store }) => {
      for (const [id, at] of [
        ['b', 200],
        ['d', 400],
        ['a', 100],
        ['c', 300],
      ] as const) {
        await store.listAdd('feed', activity(id, at), { maxLength: 50 });
      }
      const page = await store.listPage('feed', { limit: 10 });
      assertEqual(ids(page.items), ['d', 'c', 'b', 'a'], 'order');
      assertEqual(page.items[0], activity('d', 400), 'item read back whole');
      assertEqual(page.hasMore, false, 'hasMore on the last page');
    },
  ],
  [
    'items at the same time are ordered by id',
    async ({ store }) => {
      for (const id of ['m', 'z', 'a'])
        await store.listAdd('ties', activity(id, 500), { maxLength: 50 });
      assertEqual(
        ids((await store.listPage('ties', { limit: 10 })).items),
        ['z', 'm', 'a'],
        'order',
      );
    },
  ],
  [
    'paging with limit and before { id } walks the whole list once',
    async ({ store }) => {
      for (let i = 1; i <= 7; i++)
        await store.listAdd('paged', activity(`a${i}`, i * 10), { maxLength: 50 });
      const first = await store.listPage('paged', { limit: 3 });
      assertEqual([ids(first.items), first.hasMore], [['a7', 'a6', 'a5'], true], 'first page');
      const second = await store.listPage('paged', { limit: 3, before: { id: 'a5' } });
      assertEqual([ids(second.items), second.hasMore], [['a4', 'a3', 'a2'], true], 'second page');
      const third = await store.listPage('paged', { limit: 3, before: { id: 'a2' } });
      assertEqual([ids(third.items), third.hasMore], [['a1'], false], 'third page');
    },
  ],
  [
    'before { at } starts strictly before that time; an unknown before id gives an empty page',
    async ({ store }) => {
      for (let i = 1; i <= 4; i++)
        await store.listAdd('timed', activity(`t${i}`, i * 10), { maxLength: 50 });
      const page = await store.listPage('timed', { limit: 10, before: { at: 30 } });
      assertEqual(ids(page.items), ['t2', 't1'], 'items before at=30');
      const lost = await store.listPage('timed', { limit: 10, before: { id: 'missing' } });
      assertEqual(lost, { items: [], hasMore: false }, 'page before an unknown id');
    },
  ],
  [
    'adding an item with an id already in the list replaces it (adding twice is harmless)',
    async ({ store }) => {
      await store.listAdd('dup', activity('x', 10), { maxLength: 50 });
      await store.listAdd('dup', activity('y', 20), { maxLength: 50 });
      await store.listAdd('dup', activity('x', 10), { maxLength: 50 });
      await store.listAdd('dup', { id: 'x', at: 30, value: 'moved' }, { maxLength: 50 });
      const page = await store.listPage('dup', { limit: 10 });
      assertEqual(page.items, [{ id: 'x', at: 30, value: 'moved' }, activity('y', 20)], 'items');
    },
  ],
  [
    'a list keeps only its newest maxLength items',
    async ({ store }) => {
      for (let i = 1; i <= 6; i++)
        await store.listAdd('trim', activity(`n${i}`, i), { maxLength: 3 });
      const page = await store.listPage('trim', { limit: 10 });
      assertEqual([ids(page.items), page.hasMore], [['n6', 'n5', 'n4'], false], 'kept items');
      assertEqual(
        (await store.listPage('trim', { limit: 10, before: { id: 'n2' } })).items,
        [],
        'dropped id',
      );
    },
  ],
  [
    'a list expires ttlMs after its last add; each add pushes the expiry back',
    async ({ store, elapse, ttl }) => {
      await store.listAdd('short', activity('a', 1), { maxLength: 10, ttlMs: ttl });
      await elapse(Math.floor(ttl * 0.6));
      await store.listAdd('short', activity('b', 2), { maxLength: 10, ttlMs: ttl });
      await elapse(Math.floor(ttl * 0.6));
      assertEqual(
        ids((await store.listPage('short', { limit: 10 })).items),
        ['b', 'a'],
        'after the first ttl',
      );
      await elapse(ttl * 2);
      assertEqual(
        await store.listPage('short', { limit: 10 }),
        { items: [], hasMore: false },
        'after expiry',
      );
    },
  ],
  [
    'a list and a value may share a key without touching each other',
    async ({ store }) => {
      await store.set('shared', 'value');
      await store.listAdd('shared', activity('a', 1), { maxLength: 5 });
      assertEqual((await store.get('shared'))?.value, 'value', 'value');
      assertEqual(ids((await store.listPage('shared', { limit: 5 })).items), ['a'], 'list');
    },
  ],
  [
    'lists under different keys are independent',
    async ({ store }) => {
      await store.listAdd('activities:alice', activity('a', 1), { maxLength: 5 });
      await store.listAdd('activities:bob', activity('b', 1), { maxLength: 5 });
      assertEqual(
        ids((await store.listPage('activities:alice', { limit: 5 })).items),
        ['a'],
        'alice',
      );
      assertEqual(ids((await store.listPage('activities:bob', { limit: 5 })).items), ['b'], 'bob');
    },
  ],
  [
    '40 concurrent adds across both handles all land, in order, trimmed to maxLength',
    async ({ store, peer }) => {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? peer : store).listAdd(
            'busy',
            activity(`c${String(i).padStart(2, '0')}`, 1000 + i),
            {
              maxLength: 30,
            },
          ),
        ),
      );
      const page = await store.listPage('busy', { limit: 100 });
      const expected = Array.from({ length: 30 }, (_, i) => `c${String(39 - i).padStart(2, '0')}`);
      assertEqual(ids(page.items), expected, 'items');
    },
  ],
  [
    'bad list arguments are refused with StoreError("invalid_argument")',
    async ({ store }) => {
      const add = (item: unknown, options: unknown) =>
        store.listAdd('bad', item as ListItem, options as { maxLength: number });
      await assertStoreError(
        () => add(activity('a', 1), { maxLength: 0 }),
        'invalid_argument',
        'maxLength 0',
      );
      await assertStoreError(() => add(activity('a', 1), {}), 'invalid_argument', 'no maxLength');
      await assertStoreError(
        () => add({ id: '', at: 1, value: 1 }, { maxLength: 5 }),
        'invalid_argument',
        'empty id',
      );
      await assertStoreError(
        () => add({ id: 'a', at: -1, value: 1 }, { maxLength: 5 }),
        'invalid_argument',
        'negative at',
      );
      await assertStoreError(
        () => add({ id: 'a', at: 1.5, value: 1 }, { maxLength: 5 }),
        'invalid_argument',
        'fractional at',
      );
      await assertStoreError(
        () => store.listPage('bad', { limit: 0 }),
        'invalid_argument',
        'limit 0',
      );
      const before = { nothing: true } as unknown as { at: number };
      await assertStoreError(
        () => store.listPage('bad', { limit: 5, before }),
        'invalid_argument',
        'bad cursor',
      );
      assertEqual((await store.listPage('bad', { limit: 5 })).items, [], 'nothing was added');
    },
  ],
];
