import { MemoryStore, type MessageEvent, type Store } from '@wacall/core';
import { expect, it } from 'vitest';
import { createTicketDirectory } from '../src/server/ticket-directory';

const businessDigits = '5511955550100';
const t0 = 1_700_000_000_000;

const message = (id: string, text: string, at: number, name?: string): MessageEvent => ({
  type: 'message',
  messageId: id,
  from: '5511987650001',
  messageType: 'text',
  text,
  ...(name ? { contact: { name } } : {}),
  wabaId: 'waba',
  phoneNumberId: 'phone',
  timestamp: at,
  raw: {},
});

const twoInstances = (store: Store = new MemoryStore()) => [
  createTicketDirectory({ store, businessDigits, now: () => t0 }),
  createTicketDirectory({ store, businessDigits, now: () => t0 }),
];

it('lists on one instance the tickets, names and texts another filed from its webhooks', async () => {
  const [first, second] = twoInstances();
  const touched = await first!.noteEvents([
    message('wamid.1', 'Where is my order?', t0 + 1000, 'Maria Silva'),
    message('wamid.2', 'It is ON-12853.', t0 + 2000),
  ]);
  expect(touched).toEqual(['5511987650001']);
  expect(await second!.tickets()).toEqual([
    { customer: '5511987650001', name: 'Maria Silva', updatedAt: t0 + 2000 },
  ]);
  expect(await second!.messages('+55 11 98765-0001')).toEqual([
    { id: 'wamid.1', text: 'Where is my order?', at: t0 + 1000 },
    { id: 'wamid.2', text: 'It is ON-12853.', at: t0 + 2000 },
  ]);
});

it('keeps a known name and the newest time when a redelivery or a nameless event comes later', async () => {
  const [first, second] = twoInstances();
  await first!.ensure('5511987650001', t0, 'Maria Silva');
  await second!.noteEvents([message('wamid.1', 'Hello', t0 + 5000)]);
  // Meta redelivers the old one: it is filed once and does not move the ticket back.
  await first!.noteEvents([message('wamid.1', 'Hello', t0 + 5000)]);
  await first!.ensure('5511987650001', t0 + 1000);
  expect(await first!.ticket('5511987650001')).toEqual({
    customer: '5511987650001',
    name: 'Maria Silva',
    updatedAt: t0 + 5000,
  });
  expect(await first!.messages('5511987650001')).toHaveLength(1);
});

it('names a customer no webhook named by their number, and knows no ticket nobody opened', async () => {
  const [directory] = twoInstances();
  await directory!.ensure('5511987650002');
  expect(await directory!.ticket('5511987650002')).toEqual({
    customer: '5511987650002',
    name: '+5511987650002',
    updatedAt: t0,
  });
  expect(await directory!.ticket('5511987650009')).toBeUndefined();
});

it('loses no name when two instances file the same customer at once', async () => {
  const [first, second] = twoInstances();
  await Promise.all([
    first!.ensure('5511987650001', t0 + 1, 'Maria Silva'),
    second!.noteEvents([message('wamid.1', 'Hi', t0 + 2)]),
    first!.noteEvents([message('wamid.2', 'Hello?', t0 + 3)]),
  ]);
  expect(await second!.ticket('5511987650001')).toMatchObject({
    name: 'Maria Silva',
    updatedAt: t0 + 3,
  });
  expect(await second!.messages('5511987650001')).toHaveLength(2);
});

it('tells every instance which ticket another one changed, and stays quiet when nothing changed', async () => {
  const [first, second] = twoInstances();
  const heard: string[] = [];
  const stop = await second!.watch((customer) => heard.push(customer));
  await first!.ensure('5511987650003', t0, 'Ana Costa');
  await first!.ensure('5511987650003', t0, 'Ana Costa');
  await first!.noteEvents([message('wamid.9', 'Hi', t0 + 10)]);
  expect(heard).toEqual(['5511987650003', '5511987650001']);
  await stop();
  await first!.ensure('5511987650002');
  expect(heard).toHaveLength(2);
});

it('keeps the tickets of another business number apart on the same store', async () => {
  const store = new MemoryStore();
  const [ours] = twoInstances(store);
  const theirs = createTicketDirectory({ store, businessDigits: '4420794600000', now: () => t0 });
  const heard: string[] = [];
  await ours!.watch((customer) => heard.push(customer));
  await theirs.ensure('5511987650001', t0, 'Someone Else');
  expect(await ours!.tickets()).toEqual([]);
  expect(heard).toEqual([]);
});
