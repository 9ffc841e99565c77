// Time passes: what the clock decides is applied by sweep(), once fleet-wide, dated when it happened,
// while reads show it at once without writing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, terminate } from '../../test/support/test-events';
import type { Activity } from '../calls/types';
import { graph, PHONE_NUMBER_ID, useGraphServer } from '../../test/support/test-graph';
import { MemoryStore } from '../store/memory-store';
import {
  agent,
  at,
  customer,
  customerMessage,
  graphAnswers,
  harness,
  kinds,
  OFFER,
  permissionReply,
  t0,
} from '../../test/support/facade-test-kit';

useGraphServer();

const minute = 60_000;
const day = 24 * 60 * minute;

/** Two instances on one store and one clock, each recording the activities it hears. */
function twoInstances() {
  const clock = { now: t0 };
  const store = new MemoryStore({ now: () => clock.now });
  const instances = [0, 1].map(() => {
    const { wacall } = harness({ store, now: () => clock.now });
    const heard: Activity[] = [];
    wacall.on('activity.added', (activity) => void heard.push(activity));
    return { wacall, heard };
  });
  return { clock, instances, a: instances[0]!.wacall, b: instances[1]!.wacall };
}

describe('sweep(): what the clock decides', () => {
  afterEach(() => vi.useRealTimers());

  it('records an expired grant once across two instances sweeping at the same time, dated at the expiry', async () => {
    const { clock, instances, a, b } = twoInstances();
    await a.ingest([permissionReply(0)]);
    clock.now = at(0) + 7 * day + 5 * 60 * minute;
    const results = await Promise.all([a.sweep(), b.sweep(), a.sweep()]);
    expect(results.reduce((sum, result) => sum + result.customers, 0)).toBe(1);
    for (const { heard } of instances) {
      expect(kinds(heard)).toEqual(['permission.granted', 'permission.expired']);
      expect(heard[1]?.at).toBe(at(0) + 7 * day);
    }
    expect(await b.sweep()).toEqual({ customers: 0, calls: 0, failed: 0 });
  });

  it('records a permission request that got no answer as expired after 7 days', async () => {
    const { wacall, clock } = harness();
    await wacall.ingest([customerMessage(0)]);
    graphAnswers.message('wamid.request-1');
    clock.now = at(60);
    await wacall.requestPermission({ to: customer.waId, agent, body: 'May we call you?' });
    clock.now = at(60) + 7 * day + minute;
    expect((await wacall.getCustomer(customer.waId)).permission.permission).toBe('expired');
    await wacall.sweep();
    const activities = await wacall.listActivities(customer.waId);
    expect(activities.map((a) => [a.kind, a.at])).toEqual([
      ['permission_request.expired', at(60) + 7 * day],
      ['permission_request.sent', at(60)],
    ]);
  });

  it('ends a placed call whose webhooks never come: it stops blocking, and says its end was not seen', async () => {
    const { clock, a, b, instances } = twoInstances();
    await a.ingest([permissionReply(0, { permanent: true })]);
    clock.now = at(10);
    graphAnswers.connect('wacid.silent');
    await a.startCall({ to: customer.waId, sdp: OFFER, agent });
    clock.now = at(10) + minute;
    expect((await b.getCustomer(customer.waId)).decisions.startCall.reason).toBe(
      'call_in_progress',
    );

    clock.now = at(10) + 10 * minute;
    // A read already shows the customer free again, without writing anything.
    const view = await b.getCustomer(customer.waId);
    expect(view.activeCall).toBeUndefined();
    expect(view.decisions.startCall.allowed).toBe(true);
    expect((await a.getCall('wacid.silent'))?.status).toBe('calling');

    expect(await b.sweep()).toMatchObject({ calls: 1 });
    expect(await a.getCall('wacid.silent')).toMatchObject({
      status: 'disconnected',
      outcome: 'unknown',
      endedAt: at(10) + 2 * minute,
    });
    for (const { heard } of instances) {
      expect(heard.filter((activity) => activity.kind === 'call.end_not_seen')).toHaveLength(1);
    }
    expect(await a.sweep()).toEqual({ customers: 0, calls: 0, failed: 0 });

    graphAnswers.connect('wacid.next');
    await expect(a.startCall({ to: customer.waId, sdp: OFFER, agent })).resolves.toMatchObject({
      callId: 'wacid.next',
    });
  });

  it('lets a late terminate correct a call the clock closed', async () => {
    const { wacall, clock } = harness();
    await wacall.ingest([connect('wacid.ringing', 'user_initiated', 0)]);
    clock.now = at(0) + 5 * minute;
    await wacall.sweep();
    expect((await wacall.getCall('wacid.ringing'))?.outcome).toBe('unknown');
    await wacall.ingest([terminate('wacid.ringing', 'user_initiated', 45)]);
    expect(await wacall.getCall('wacid.ringing')).toMatchObject({
      status: 'missed',
      outcome: 'missed',
    });
    const activities = await wacall.listActivities(customer.waId);
    expect(kinds(activities)).toEqual(['call.missed_no_answer']);
  });

  it('sweeps on its own every sweepIntervalMs, and stops on close()', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = { now: t0 };
    const { wacall } = harness({ now: () => clock.now, sweepIntervalMs: 30_000 });
    await wacall.ingest([permissionReply(0)]);
    const expired: Activity[] = [];
    wacall.on('activity.added', (activity) => void expired.push(activity));
    clock.now = at(0) + 8 * day;
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(() => expect(kinds(expired)).toEqual(['permission.expired']));
    await wacall.close();
  });

  it('refuses a sweep interval under a second, saying what to pass', () => {
    expect(() => harness({ sweepIntervalMs: 10 })).toThrow(/sweepIntervalMs.*at least 1000/);
  });
});

describe('one helpdesk on many instances', () => {
  it('gives every instance the ring, with the SDP offer to answer it from any of them', async () => {
    const { a, b } = twoInstances();
    const rings: string[] = [];
    b.on('call.updated', (call) => void rings.push(`${call.callId} ${call.status}`));
    await a.ingest([connect('wacid.in-7', 'user_initiated', 0)]);
    expect(rings).toEqual(['wacid.in-7 ringing']);
    const call = await b.getCall('wacid.in-7');
    expect(call?.session).toEqual({ sdpType: 'offer', sdp: expect.stringContaining('v=0') });

    const answered = graph('post', `${PHONE_NUMBER_ID}/calls`, {
      messaging_product: 'whatsapp',
      success: true,
    });
    await b.acceptCall({ callId: 'wacid.in-7', sdp: OFFER, agent });
    expect(answered).toHaveLength(2);
    expect((await a.getCall('wacid.in-7'))?.status).toBe('ongoing');
  });
});
