import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import {
  deliverAcross,
  haltingStore,
  kitCustomer,
  kitCustomerDay,
  kitHistory,
  kitTime,
  kitUnansweredCalls,
  shuffledDeliveries,
  waitForFleet,
  waitUntil,
  watchedKitWacall,
} from './facade-kit';

describe('facade kit', () => {
  it('ingests the customer day into a history the facade announced, activity by activity', async () => {
    const now = () => kitTime(5_000);
    const { wacall, heard, shown } = watchedKitWacall(new MemoryStore({ now }), now);
    const watched = { wacall, heard, shown };
    const order = shuffledDeliveries(kitCustomerDay(), [1], 5);
    expect(await deliverAcross([watched], order)).toBe(kitCustomerDay().length);
    const history = await kitHistory(wacall);
    expect(history.calls.map((call) => call.callId).sort()).toEqual([
      'wacid.a',
      'wacid.b',
      'wacid.c',
    ]);
    await waitForFleet(
      [watched],
      history.activities.map((a) => a.id),
    );
    expect([...shown.keys()].sort()).toEqual(history.activities.map((a) => a.id).sort());
    expect(heard.length).toBeGreaterThan(0);
    await wacall.close();
  });

  it('counts store operations and halts just before the chosen one', async () => {
    const halts: number[] = [];
    const halting = haltingStore(
      new MemoryStore(),
      3,
      async () => void halts.push(halting.counter.calls),
    );
    await halting.store.set('a', 1);
    await halting.store.get('a');
    expect(halts).toEqual([]);
    await halting.store.delete('a');
    expect(halts).toEqual([3]);
    await halting.store.get('a');
    expect(halting.counter.calls).toBe(4);
  });

  it('mixes every event and each repeat into one delivery order', () => {
    const events = kitUnansweredCalls();
    const order = shuffledDeliveries(events, [0, 2], 17);
    expect(order).toHaveLength(events.length + 2);
    expect(new Set(order)).toEqual(new Set(events));
    expect(order.filter((event) => event === events[0])).toHaveLength(2);
    expect(JSON.stringify(events)).toContain(kitCustomer);
  });

  it('stops waiting once the condition holds', async () => {
    let ready = false;
    setTimeout(() => (ready = true), 30);
    const started = Date.now();
    await waitUntil(() => ready);
    expect(ready).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
