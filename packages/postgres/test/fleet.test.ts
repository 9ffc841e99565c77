// One helpdesk on two instances over one database, each with its own PostgresStore and pool: a
// customer's webhooks delivered shuffled, repeated and concurrently to both end in the history one
// instance reaches on its own, and every change reaches both through LISTEN/NOTIFY.
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createClient, createWacall, MemoryStore } from '@wacall/core';
import type { Activity, Store, Wacall, WebhookEvent } from '@wacall/core';
import { PostgresStore } from '../src/index';

const url = inject('postgresUrl');
const phoneNumberId = '106540352242922';
const customer = '4915112345678';
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const at = (seconds: number) => t0 + seconds * 1000;
const now = () => at(5_000);
let run = 0;

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
});

const base = (seconds: number) => ({
  wabaId: '102290129340398',
  phoneNumberId,
  displayPhoneNumber: '5511955550100',
  timestamp: at(seconds),
  raw: {},
});

function terminate(callId: string, seconds: number, answered = false): WebhookEvent {
  return {
    ...base(seconds),
    type: 'call.terminate',
    callId,
    direction: 'business_initiated',
    from: '5511955550100',
    to: customer,
    status: 'completed',
    answered,
    errors: [],
    ...(answered ? { startTime: at(seconds - 30), endTime: at(seconds), durationSeconds: 30 } : {}),
  };
}

function reply(seconds: number, response: 'accept' | 'reject', permanent = false): WebhookEvent {
  return {
    ...base(seconds),
    type: 'permission.reply',
    messageId: `wamid.reply-${seconds}`,
    from: customer,
    response,
    permanent,
    source: 'user_action',
    ...(response === 'accept' && !permanent ? { expiresAt: at(seconds) + 7 * 86_400_000 } : {}),
  };
}

/** A customer's day: a message, grants and a refusal, a missed call, an answered one, another missed. */
function story(): WebhookEvent[] {
  return [
    {
      ...base(0),
      type: 'message',
      messageId: 'wamid.in-0',
      from: customer,
      messageType: 'text',
      text: 'Hi',
    },
    reply(10, 'accept'),
    {
      ...base(100),
      type: 'call.status',
      callId: 'wacid.a',
      status: 'ringing',
      recipientId: customer,
    },
    terminate('wacid.a', 140),
    reply(300, 'reject'),
    reply(400, 'accept', true),
    terminate('wacid.b', 600, true),
    terminate('wacid.c', 700),
  ];
}

function instance(store: Store): { wacall: Wacall; heard: string[]; shown: Map<string, Activity> } {
  const client = createClient({
    accessToken: 'test-token',
    phoneNumberId,
    fetch: () => Promise.reject(new Error('ingest must not call the Cloud API')),
  });
  const wacall = createWacall({ client, businessNumber: '+55 11 95555 0100', store, now });
  opened.push(wacall);
  const heard: string[] = [];
  const shown = new Map<string, Activity>();
  wacall.on('activity.added', (a) => void (shown.set(a.id, a), heard.push(`added ${a.id}`)));
  wacall.on('activity.updated', (a) => void (shown.set(a.id, a), heard.push(`updated ${a.id}`)));
  wacall.on('activity.removed', (a) => void (shown.delete(a.id), heard.push(`removed ${a.id}`)));
  wacall.on('call.updated', (call) => void heard.push(`call ${call.callId} ${call.status}`));
  return { wacall, heard, shown };
}

async function snapshot(wacall: Wacall) {
  return {
    customer: await wacall.getCustomer(customer),
    activities: await wacall.listActivities(customer),
    calls: await wacall.listCalls(customer),
  };
}

/** NOTIFY delivers after the commit returns: waits (bounded) until `done` holds. */
async function eventually(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 15_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('one helpdesk on two instances over PostgreSQL', () => {
  it('shuffled, repeated, concurrent deliveries to both: same history, every change heard by both', async () => {
    const reference = instance(new MemoryStore({ now }));
    await reference.wacall.ingest(story());
    const expected = await snapshot(reference.wacall);
    const events = story();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(events.length - 1), { maxLength: 8 }),
        fc.nat(),
        async (extra, seed) => {
          const schema = `fleet_${process.pid}_${++run}`;
          const stores = [0, 1].map(() => new PostgresStore({ connectionString: url, schema }));
          opened.push(...stores);
          await Promise.all(stores.map((store) => store.migrate()));
          const fleet = stores.map(instance);
          // Each instance listens from its start; sweep() resolves once it does.
          await Promise.all(fleet.map((member) => member.wacall.sweep()));
          const order = [...events.keys(), ...extra]
            .map((index, position) => ({ index, key: (position * 7919 + seed) % 104_729 }))
            .sort((a, b) => a.key - b.key)
            .map(({ index }) => events[index]!);
          const results = await Promise.all(
            order.map((event, i) => fleet[i % 2]!.wacall.ingest([event])),
          );
          expect(results.reduce((sum, result) => sum + result.applied, 0)).toBe(events.length);
          const ids = JSON.stringify(expected.activities.map((a) => a.id).sort());
          const shows = (member: (typeof fleet)[number]) =>
            JSON.stringify([...member.shown.keys()].sort()) === ids;
          await eventually(
            () => fleet.every(shows) && fleet[0]!.heard.length === fleet[1]!.heard.length,
          );
          for (const member of fleet) {
            expect(await snapshot(member.wacall)).toEqual(expected);
          }
          expect(fleet[1]!.heard).toEqual(fleet[0]!.heard);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});
