// The store fails at each step of a webhook batch — before an operation, or after a commit applied but
// its answer was lost — then Meta redelivers the batch: the end state must be the undisturbed one,
// with nothing recorded twice or misdated.
import { describe, expect, it } from 'vitest';
import { connect, status, terminate } from '../calls/test-events';
import type { Activity } from '../calls/types';
import { useGraphServer } from '../client/test-graph';
import { isStoreError, StoreError } from '../store/store-error';
import { MemoryStore } from '../store/memory-store';
import type { Store } from '../store/store';
import type { WebhookEvent } from '../webhooks/events';
import { at, customer, customerMessage, harness, permissionReply } from './facade-test-kit';
import type { Wacall } from './wacall-types';
import type { CallDirection } from '../webhooks/events';
import { logStatuses } from './call-log-input';

useGraphServer();

const OUT = 'business_initiated';
const now = () => at(5_000);

function batch(): WebhookEvent[] {
  return [
    customerMessage(0),
    permissionReply(10),
    status('wacid.out-1', 'RINGING', 100),
    terminate('wacid.out-1', OUT, 140),
    permissionReply(300, { response: 'reject' }),
    connect('wacid.in-1', 'user_initiated', 400),
    terminate('wacid.in-1', 'user_initiated', 460, { start: 410, end: 460 }),
  ];
}

type Timing = 'before' | 'after';

/** A store whose `failAt`-th operation fails: before it runs, or after a commit applied. */
function failing(store: Store, failAt: number, timing: Timing) {
  let calls = 0;
  const guard = async <T>(run: () => Promise<T>, applies: boolean): Promise<T> => {
    calls += 1;
    if (calls === failAt && (timing === 'before' || !applies)) {
      throw new StoreError('unavailable', 'the store went away');
    }
    const result = await run();
    if (calls === failAt) throw new StoreError('unavailable', 'the answer was lost');
    return result;
  };
  const wrapped: Store = {
    get: (key) => guard(() => store.get(key), false),
    set: (...args) => guard(() => store.set(...args), true),
    setIfAbsent: (...args) => guard(() => store.setIfAbsent(...args), true),
    compareAndSet: (...args) => guard(() => store.compareAndSet(...args), true),
    delete: (key) => guard(() => store.delete(key), true),
    listAdd: (...args) => guard(() => store.listAdd(...args), true),
    listPage: (key, options) => guard(() => store.listPage(key, options), false),
    getMany: (keys) => guard(() => store.getMany(keys), false),
    commit: (commit) => guard(() => store.commit(commit), true),
    subscribe: (listener) => store.subscribe(listener),
    close: () => store.close(),
  };
  return { store: wrapped, calls: () => calls };
}

async function snapshot(wacall: Wacall) {
  return {
    customer: await wacall.getCustomer(customer.waId),
    activities: await wacall.listActivities(customer.waId),
    calls: await wacall.listCalls(customer.waId),
    log: (await wacall.findCalls()).calls,
    logCounts: await Promise.all(
      Object.entries(logStatuses).flatMap(([direction, statuses]) =>
        statuses.map((status) =>
          wacall.countCalls({ direction: direction as CallDirection, status }),
        ),
      ),
    ),
  };
}

function instanceOn(store: Store) {
  const { wacall } = harness({ store, now });
  const shown = new Map<string, Activity>();
  wacall.on('activity.added', (activity) => void shown.set(activity.id, activity));
  wacall.on('activity.updated', (activity) => void shown.set(activity.id, activity));
  wacall.on('activity.removed', (activity) => void shown.delete(activity.id));
  return { wacall, shown };
}

describe('the store fails at each step, then Meta redelivers', () => {
  for (const timing of ['before', 'after'] as const) {
    it(`fails ${timing} each operation: the redelivery ends in the undisturbed state`, async () => {
      const counting = failing(new MemoryStore({ now }), Number.POSITIVE_INFINITY, 'before');
      const undisturbed = instanceOn(counting.store);
      await undisturbed.wacall.ingest(batch());
      const operations = counting.calls();
      const expected = await snapshot(undisturbed.wacall);
      expect(expected.activities.length).toBeGreaterThan(3);
      expect(expected.log.length).toBeGreaterThan(0);

      for (let failAt = 1; failAt <= operations; failAt++) {
        const memory = new MemoryStore({ now });
        const disturbed = instanceOn(failing(memory, failAt, timing).store);
        const outage = await disturbed.wacall.ingest(batch()).catch((error: unknown) => error);
        expect(isStoreError(outage), `${timing} operation ${failAt}`).toBe(true);

        const recovered = instanceOn(memory);
        const redelivery = await recovered.wacall.ingest(batch());
        expect(await snapshot(recovered.wacall), `${timing} operation ${failAt}`).toEqual(expected);
        // Whatever the first instance announced before the failure, plus what the redelivery
        // announced, is exactly the timeline: nothing is shown twice or left out.
        const shown = new Map([...disturbed.shown, ...recovered.shown]);
        expect([...shown.keys()].sort(), `${timing} operation ${failAt}`).toEqual(
          expected.activities.map((activity) => activity.id).sort(),
        );
        expect(redelivery.applied + redelivery.duplicates).toBe(batch().length);
      }
    });
  }
});
