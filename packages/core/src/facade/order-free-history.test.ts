// Meta delivers webhooks at least once, in no order, to whichever instance the load balancer picks:
// the same events, shuffled, repeated and spread over two instances sharing one store, must leave the
// same state, the same activities (ids, kinds, times, params) and the same events on every instance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connect, status, terminate } from '../calls/test-events';
import type { Activity } from '../calls/types';
import { useGraphServer } from '../client/test-graph';
import { MemoryStore } from '../store/memory-store';
import type { CallDirection, WebhookEvent } from '../webhooks/events';
import { logStatuses } from './call-log-input';
import { at, customer, customerMessage, harness, permissionReply } from './facade-test-kit';
import type { Wacall } from './wacall-types';

useGraphServer();

const OUT = 'business_initiated';
const IN = 'user_initiated';

/** A customer's month: a grant, two unanswered calls, a revocation, a permanent grant, a call in, four misses. */
function story(): WebhookEvent[] {
  const events: WebhookEvent[] = [
    customerMessage(0),
    permissionReply(10),
    connect('wacid.out-1', OUT, 100),
    status('wacid.out-1', 'RINGING', 101),
    terminate('wacid.out-1', OUT, 140),
    status('wacid.out-2', 'RINGING', 200),
    terminate('wacid.out-2', OUT, 240),
    permissionReply(300, { response: 'reject' }),
    permissionReply(400, { permanent: true }),
    connect('wacid.in-1', IN, 500),
    terminate('wacid.in-1', IN, 560, { start: 510, end: 560 }),
  ];
  for (let i = 0; i < 4; i++) events.push(terminate(`wacid.miss-${i}`, OUT, 600 + i * 60));
  return events;
}

const now = at(2_000);
const callIds = [
  'wacid.out-1',
  'wacid.out-2',
  'wacid.in-1',
  ...[0, 1, 2, 3].map((i) => `wacid.miss-${i}`),
];

async function snapshot(wacall: Wacall) {
  return {
    customer: await wacall.getCustomer(customer.waId),
    activities: await wacall.listActivities(customer.waId, { limit: 500 }),
    calls: await wacall.listCalls(customer.waId, { limit: 500 }),
    records: await Promise.all(callIds.map((id) => wacall.getCall(id))),
    log: await callLogOf(wacall),
  };
}

/** The call log's pages and every chip's count: indexes must end up the same as the records. */
async function callLogOf(wacall: Wacall) {
  const counts: Record<string, number> = { all: await wacall.countCalls() };
  for (const [direction, statuses] of Object.entries(logStatuses)) {
    for (const status of statuses) {
      const filter = { direction: direction as CallDirection, status };
      counts[`${direction}:${status}`] = await wacall.countCalls(filter);
    }
  }
  const first = await wacall.findCalls({ limit: 3 });
  const second = first.next ? await wacall.findCalls({ limit: 3, before: first.next }) : undefined;
  return { all: (await wacall.findCalls()).calls, pages: [first, second], counts };
}

/** Two instances on one store, each folding what it hears into the timeline it would show. */
function fleet(size: number) {
  const store = new MemoryStore({ now: () => now });
  return Array.from({ length: size }, () => {
    const { wacall } = harness({ store, now: () => now });
    const shown = new Map<string, Activity>();
    const heard: string[] = [];
    wacall.on('activity.added', (activity) => {
      shown.set(activity.id, activity);
      heard.push(`added ${activity.id}`);
    });
    wacall.on('activity.updated', (activity) => {
      shown.set(activity.id, activity);
      heard.push(`updated ${activity.id}`);
    });
    wacall.on('call.updated', (call) => void heard.push(`call ${call.callId} ${call.status}`));
    wacall.on(
      'permission.updated',
      (update) => void heard.push(`permission ${update.permission.permission}`),
    );
    wacall.on('activity.removed', (activity) => void shown.delete(activity.id));
    wacall.on('activity.removed', (activity) => void heard.push(`removed ${activity.id}`));
    return { wacall, shown, heard };
  });
}

async function reference() {
  const [only] = fleet(1);
  await only!.wacall.ingest(story());
  return snapshot(only!.wacall);
}

/** A delivery plan: every event at least once, some twice or three times, in a shuffled order. */
const deliveries = (events: WebhookEvent[]) =>
  fc
    .tuple(
      fc.array(fc.nat(events.length - 1), { maxLength: events.length }),
      fc.array(fc.nat(), { minLength: 3 * events.length, maxLength: 3 * events.length }),
    )
    .map(([extra, keys]) => {
      const order = [...events.map((_, i) => i), ...extra];
      const ranked = order.map((index, position) => ({ index, key: keys[position] ?? 0 }));
      return ranked.sort((a, b) => a.key - b.key).map(({ index }) => events[index] as WebhookEvent);
    });

describe('history is a function of the events, not of their delivery', () => {
  it('gives the expected story: grant, misses, revocation, permanent grant, auto-revocation', async () => {
    const expected = await reference();
    expect(
      expected.activities.map((a) => a.kind).filter((k) => k.startsWith('permission')),
    ).toEqual([
      'permission.auto_revoked',
      'permission.granted',
      'permission.revoked_by_customer',
      'permission.granted',
    ]);
    expect(expected.log.all.map((call) => call.callId).sort()).toEqual([...callIds].sort());
    expect(expected.log.counts.all).toBe(callIds.length);
    expect(expected.customer.permission).toMatchObject({
      permission: 'revoked',
      revokedReason: 'missed_calls',
    });
  });

  for (const size of [1, 2]) {
    it(`any order, with duplicates, one by one on ${size} instance(s): identical state and timeline`, async () => {
      const expected = await reference();
      const events = story();
      await fc.assert(
        fc.asyncProperty(
          deliveries(events),
          fc.array(fc.nat(size - 1), { minLength: 60, maxLength: 60 }),
          async (plan, targets) => {
            const instances = fleet(size);
            let applied = 0;
            for (const [i, event] of plan.entries()) {
              const target = instances[targets[i % targets.length] ?? 0]!;
              applied += (await target.wacall.ingest([event])).applied;
            }
            expect(applied).toBe(events.length);
            for (const instance of instances) {
              expect(await snapshot(instance.wacall)).toEqual(expected);
              expect(sorted(instance.shown)).toEqual(sortedList(expected.activities));
            }
          },
        ),
        { numRuns: 60 },
      );
    }, 60_000);
  }

  it('any order, delivered concurrently to two instances: identical state, each event applied once', async () => {
    const expected = await reference();
    const events = story();
    await fc.assert(
      fc.asyncProperty(deliveries(events), async (plan) => {
        const instances = fleet(2);
        const results = await Promise.all(
          plan.map((event, i) => instances[i % 2]!.wacall.ingest([event])),
        );
        expect(results.reduce((sum, result) => sum + result.applied, 0)).toBe(events.length);
        for (const instance of instances) {
          expect(await snapshot(instance.wacall)).toEqual(expected);
          expect(sorted(instance.shown)).toEqual(sortedList(expected.activities));
        }
        // Both heard every change, once, whichever instance made it.
        expect(instances[1]!.heard).toEqual(instances[0]!.heard);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

const byId = (a: Activity, b: Activity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (shown: Map<string, Activity>) => [...shown.values()].sort(byId);
const sortedList = (activities: Activity[]) => [...activities].sort(byId);
