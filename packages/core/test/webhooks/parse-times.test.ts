// Times stop at the edge: only whole seconds (or milliseconds) a webhook can really carry become events.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../src/index';
import { fixtureCast as cast, firstValue, loadFixture, setAt } from '../fixtures';

const timeIssue = /timestamp: expected whole Unix seconds \(or milliseconds\)/;

describe('webhook times', () => {
  it.each([
    ['a fraction of a second', '100000000000.5'],
    ['a fraction as a number', 1767268800.25],
    ['seconds past the Date range', '9000000000000'],
    ['seconds past the Date range, as a number', 9_000_000_000_000],
    ['the largest Date in seconds', '8640000000000'],
    ['milliseconds after the year 2200', String(Date.UTC(2200, 0, 1) + 1)],
    ['a negative time', '-1767268800'],
    ['an exponent', '1.7e9'],
    ['digits with spaces', ' 1767268800'],
  ])('refuses %s as an issue, not an event', (_, value) => {
    const body = loadFixture('call-terminate-completed');
    setAt(body, `${firstValue}.calls.0.timestamp`, value);
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(timeIssue);
  });

  it('refuses a fractional start time of an otherwise sound terminate', () => {
    const body = loadFixture('call-terminate-completed');
    setAt(body, `${firstValue}.calls.0.start_time`, '1767268812.5');
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues[0]?.message).toMatch(/^start_time: expected whole Unix seconds/);
  });

  it('reads whole seconds and whole milliseconds, as strings or numbers', () => {
    for (const value of [cast.t0, String(cast.t0), cast.t0 * 1000, String(cast.t0 * 1000)]) {
      const body = loadFixture('call-connect-incoming');
      setAt(body, `${firstValue}.calls.0.timestamp`, value);
      expect(parseWebhook(body).events[0]?.timestamp).toBe(cast.t0 * 1000);
    }
  });

  it('never lets one bad time block the rest of the batch, even items of the same call', () => {
    const connect = loadFixture('call-connect-incoming');
    const terminate = loadFixture('call-terminate-completed');
    const calls = [
      getCall(connect),
      { ...getCall(terminate), timestamp: '100000000000.5' },
      getCall(terminate),
    ];
    setAt(connect, `${firstValue}.calls`, calls);
    const { events, issues } = parseWebhook(connect);
    expect(events.map((e) => e.type)).toEqual(['call.connect', 'call.terminate']);
    expect(events.every((e) => Number.isInteger(e.timestamp))).toBe(true);
    expect(issues.map((i) => i.path)).toEqual(['entry[0].changes[0].value.calls[1]']);
  });

  it('refuses an impossible permission expiry but keeps the message id out of the events', () => {
    const body = loadFixture('permission-reply-temporary');
    setAt(
      body,
      `${firstValue}.messages.0.interactive.call_permission_reply.expiration_timestamp`,
      '9000000000000',
    );
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues[0]?.message).toMatch(/expiration_timestamp: expected whole Unix seconds/);
  });
});

function getCall(body: Record<string, unknown>): Record<string, unknown> {
  const entry = (body.entry as { changes: { value: { calls: Record<string, unknown>[] } }[] }[])[0];
  const call = entry?.changes[0]?.value.calls[0];
  if (!call) throw new Error('fixture changed');
  return call;
}
