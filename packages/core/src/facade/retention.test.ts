import { describe, expect, it } from 'vitest';
import { connect, terminate } from '../../test/support/test-events';
import { useGraphServer } from '../../test/support/test-graph';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { harness } from '../../test/support/facade-test-kit';

useGraphServer();

const day = 86_400_000;
const events = [
  connect('wacid.kept', 'user_initiated', 0),
  terminate('wacid.kept', 'user_initiated', 40, { start: 5, end: 40 }),
];

describe('retentionMs', () => {
  it('drops a call from the store once its retention has passed', async () => {
    const h = harness({ retentionMs: 30 * day });
    await h.wacall.ingest(events);
    h.clock.now += 31 * day;
    await h.wacall.sweep();
    expect(await h.wacall.getCall('wacid.kept')).toBeUndefined();
    expect(await h.wacall.countCalls()).toBe(0);
  });

  it('keeps history forever with Infinity: no expiry on records, activities or the log', async () => {
    const h = harness({ retentionMs: Infinity });
    await h.wacall.ingest(events);
    h.clock.now += 20 * 365 * day;
    await h.wacall.sweep();
    expect((await h.wacall.getCall('wacid.kept'))?.status).toBe('completed');
    expect((await h.wacall.findCalls()).calls.map((call) => call.callId)).toEqual(['wacid.kept']);
    expect(await h.wacall.countCalls({ status: 'completed' })).toBe(1);
    const customer = (await h.wacall.getCall('wacid.kept'))?.customer.waId ?? '';
    expect((await h.wacall.listActivities(customer)).length).toBeGreaterThan(0);
  });

  it.each([0, -1, 1.5, Number.NaN, -Infinity, '90d'])('refuses %s with a fix', (retentionMs) => {
    let caught: unknown;
    try {
      harness({ retentionMs: retentionMs as number });
    } catch (error) {
      caught = error;
    }
    expect(isWacallValidationError(caught)).toBe(true);
    if (!isWacallValidationError(caught)) return;
    expect(caught.issues.map((issue) => issue.path)).toEqual(['retentionMs']);
    expect(caught.issues[0]?.fix).toMatch(/Infinity/);
  });

  it('keeps de-duplication finite: dedupeTtlMs refuses Infinity', () => {
    expect(() => harness({ dedupeTtlMs: Infinity })).toThrow(/dedupeTtlMs/);
  });
});
