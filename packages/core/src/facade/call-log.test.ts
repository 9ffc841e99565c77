import { describe, expect, it } from 'vitest';
import { connect, status, terminate } from '../calls/test-events';
import { MemoryStore } from '../store/memory-store';
import { runCallLogConformance } from './call-log-conformance';
import { BUSINESS_NUMBER, harness } from './facade-test-kit';
import { seedCalls } from './seed-calls';

runCallLogConformance(({ now }) => new MemoryStore({ now }), {
  describe,
  it,
  title: 'Call log on MemoryStore',
});

describe('seedCalls', () => {
  it('fills a store with the same calls, log and counts that ingesting the events leaves', async () => {
    const events = [
      connect('wacid.s1', 'user_initiated', 0),
      terminate('wacid.s1', 'user_initiated', 40, { start: 5, end: 40 }),
      connect('wacid.s2', 'business_initiated', 60),
      status('wacid.s2', 'ringing', 61),
      connect('wacid.s3', 'user_initiated', 120),
    ];
    const seeded = harness();
    expect(await seedCalls(seeded.wacall.store, { businessNumber: BUSINESS_NUMBER, events })).toBe(
      3,
    );
    const ingested = harness();
    await ingested.wacall.ingest(events);
    for (const { wacall } of [seeded, ingested]) {
      expect((await wacall.findCalls()).calls.map((call) => call.callId)).toEqual([
        'wacid.s3',
        'wacid.s2',
        'wacid.s1',
      ]);
    }
    expect(await seeded.wacall.findCalls({ limit: 2 })).toEqual(
      await ingested.wacall.findCalls({ limit: 2 }),
    );
    for (const filter of [{}, { direction: 'outgoing' }, { status: 'completed' }] as const) {
      expect(await seeded.wacall.countCalls(filter)).toBe(await ingested.wacall.countCalls(filter));
    }
  });
});
