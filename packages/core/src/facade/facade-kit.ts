import { createClient } from '../client/create-client';
import type { Activity } from '../calls/types';
import type { JsonValue, ListPageOptions, Store } from '../store/store';
import type { WebhookEvent } from '../webhooks/events';
import { createWacall } from '../wacall';
import type { Wacall } from './wacall-types';

// A facade on a store, for the tests of Store implementations that drive createWacall on their own
// store: one customer's webhooks, a facade that only ingests, what it announced, and a store wrapper
// that takes the backend away mid-batch. Plain functions, no test runner: the caller asserts.

const phoneNumberId = '106540352242922';
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** The customer every kit event is about. */
export const kitCustomer = '4915112345678';

/** The kit's time `seconds` after its events begin, in epoch milliseconds. */
export function kitTime(seconds: number): number {
  return t0 + seconds * 1000;
}

const base = (seconds: number) => ({
  wabaId: '102290129340398',
  phoneNumberId,
  displayPhoneNumber: '5511955550100',
  timestamp: kitTime(seconds),
  raw: {},
});

function terminate(callId: string, seconds: number, answered = false): WebhookEvent {
  return {
    ...base(seconds),
    type: 'call.terminate',
    callId,
    direction: 'business_initiated',
    from: '5511955550100',
    to: kitCustomer,
    status: 'completed',
    answered,
    errors: [],
    ...(answered
      ? { startTime: kitTime(seconds - 30), endTime: kitTime(seconds), durationSeconds: 30 }
      : {}),
  };
}

function reply(
  seconds: number,
  response: 'accept' | 'reject',
  permanent = false,
  messageId = `wamid.reply-${seconds}`,
): WebhookEvent {
  return {
    ...base(seconds),
    type: 'permission.reply',
    messageId,
    from: kitCustomer,
    response,
    permanent,
    source: 'user_action',
    ...(response === 'accept' && !permanent
      ? { expiresAt: kitTime(seconds) + 7 * 86_400_000 }
      : {}),
  };
}

/** A customer's day: a message, grants and a refusal, a missed call, an answered one, another missed. */
export function kitCustomerDay(): WebhookEvent[] {
  return [
    {
      ...base(0),
      type: 'message',
      messageId: 'wamid.in-0',
      from: kitCustomer,
      messageType: 'text',
      text: 'Hi',
    },
    reply(10, 'accept'),
    {
      ...base(100),
      type: 'call.status',
      callId: 'wacid.a',
      status: 'ringing',
      recipientId: kitCustomer,
    },
    terminate('wacid.a', 140),
    reply(300, 'reject'),
    reply(400, 'accept', true),
    terminate('wacid.b', 600, true),
    terminate('wacid.c', 700),
  ];
}

/** A granted permission, then two business calls the customer never picks up. */
export function kitUnansweredCalls(): WebhookEvent[] {
  const events: WebhookEvent[] = [reply(0, 'accept', true, 'wamid.reply-1')];
  for (const [i, start] of [
    [1, 60],
    [2, 600],
  ] as const) {
    const callId = `wacid.unanswered-${i}`;
    events.push(
      { ...base(start), type: 'call.status', callId, status: 'ringing', recipientId: kitCustomer },
      terminate(callId, start + 45),
    );
  }
  return events;
}

/** A facade on `store` for ingesting only: any call to the Cloud API rejects. */
export function createKitWacall(store: Store, now: () => number): Wacall {
  const client = createClient({
    accessToken: 'test-token',
    phoneNumberId,
    fetch: () => Promise.reject(new Error('ingest must not call the Cloud API')),
  });
  return createWacall({ client, businessNumber: '+55 11 95555 0100', store, now });
}

/** A kit facade and what it announced: `heard` in order, `shown` as a view kept by those events. */
export interface WatchedWacall {
  wacall: Wacall;
  heard: string[];
  shown: Map<string, Activity>;
}

/** A kit facade on `store` that records every activity and call change it announces. */
export function watchedKitWacall(store: Store, now: () => number): WatchedWacall {
  const wacall = createKitWacall(store, now);
  const heard: string[] = [];
  const shown = new Map<string, Activity>();
  wacall.on('activity.added', (a) => void (shown.set(a.id, a), heard.push(`added ${a.id}`)));
  wacall.on('activity.updated', (a) => void (shown.set(a.id, a), heard.push(`updated ${a.id}`)));
  wacall.on('activity.removed', (a) => void (shown.delete(a.id), heard.push(`removed ${a.id}`)));
  wacall.on('call.updated', (call) => void heard.push(`call ${call.callId} ${call.status}`));
  return { wacall, heard, shown };
}

/** What the facade holds about the kit's customer: the view, the activities and the calls. */
export async function kitHistory(wacall: Wacall) {
  return {
    customer: await wacall.getCustomer(kitCustomer),
    activities: await wacall.listActivities(kitCustomer),
    calls: await wacall.listCalls(kitCustomer),
  };
}

/**
 * `events` and the repeats named by `extra` (indexes into `events`), in an order mixed by `seed`: a
 * delivery order as at-least-once, unordered webhooks may arrive.
 */
export function shuffledDeliveries(
  events: readonly WebhookEvent[],
  extra: readonly number[],
  seed: number,
): WebhookEvent[] {
  return [...events.keys(), ...extra]
    .map((index, position) => ({ index, key: (position * 7919 + seed) % 104_729 }))
    .sort((a, b) => a.key - b.key)
    .map(({ index }) => events[index]!);
}

/** Waits until `done` holds or `timeoutMs` passed, whichever is first; the caller judges the outcome. */
export async function waitUntil(done: () => boolean, timeoutMs = 15_000): Promise<void> {
  for (let waited = 0; !done() && waited < timeoutMs; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Delivers `order` round-robin across the fleet's facades, all at once: how many events applied. */
export async function deliverAcross(
  fleet: readonly WatchedWacall[],
  order: readonly WebhookEvent[],
): Promise<number> {
  const results = await Promise.all(
    order.map((event, i) => fleet[i % fleet.length]!.wacall.ingest([event])),
  );
  return results.reduce((sum, result) => sum + result.applied, 0);
}

/**
 * A change feed delivers after the commit returns: waits (bounded) until every member shows exactly
 * `activityIds` and all heard as many changes, then lets the caller judge.
 */
export async function waitForFleet(
  fleet: readonly WatchedWacall[],
  activityIds: readonly string[],
): Promise<void> {
  const ids = JSON.stringify([...activityIds].sort());
  const shows = (member: WatchedWacall) => JSON.stringify([...member.shown.keys()].sort()) === ids;
  const heard = (member: WatchedWacall) => member.heard.length === fleet[0]!.heard.length;
  await waitUntil(() => fleet.every(shows) && fleet.every(heard));
}

/** A store wrapper and how many operations went through it. */
export interface HaltingStore {
  store: Store;
  counter: { calls: number };
}

/** Wraps `store`, counting its operations and awaiting `halt` just before the `failAt`-th one. */
export function haltingStore(
  store: Store,
  failAt: number,
  halt: () => Promise<void> = async () => undefined,
): HaltingStore {
  const counter = { calls: 0 };
  const before = async () => {
    if (++counter.calls === failAt) await halt();
  };
  const wrapped: Store = {
    get: async <T extends JsonValue = JsonValue>(key: string) => (
      await before(),
      store.get<T>(key)
    ),
    set: async (...args) => (await before(), store.set(...args)),
    setIfAbsent: async (...args) => (await before(), store.setIfAbsent(...args)),
    compareAndSet: async (...args) => (await before(), store.compareAndSet(...args)),
    delete: async (key) => (await before(), store.delete(key)),
    listAdd: async (...args) => (await before(), store.listAdd(...args)),
    listPage: async <T extends JsonValue = JsonValue>(key: string, options: ListPageOptions) => (
      await before(),
      store.listPage<T>(key, options)
    ),
    getMany: async (keys) => (await before(), store.getMany(keys)),
    commit: async (commit) => (await before(), store.commit(commit)),
    subscribe: async (listener) => (await before(), store.subscribe(listener)),
    close: () => store.close(),
  };
  return { store: wrapped, counter };
}
