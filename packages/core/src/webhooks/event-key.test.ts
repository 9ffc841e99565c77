import { describe, expect, it } from 'vitest';
import {
  fixtureCast as cast,
  firstValue,
  loadFixture,
  readFixture,
  setAt,
  webhookFixtureNames,
} from '../../test/fixtures';
import { eventKey } from './event-key';
import { parseWebhook } from './parse-webhook';

const keysOf = (body: string | object) => parseWebhook(body).events.map(eventKey);

describe('eventKey', () => {
  it('gives a redelivered body the same keys', () => {
    for (const name of webhookFixtureNames.filter((n) => !n.startsWith('envelope-'))) {
      expect(keysOf(readFixture(name)), name).toEqual(keysOf(readFixture(name)));
    }
  });

  it('tells apart the events of one call and the updates of one message', () => {
    const keys = [
      'call-connect-outgoing',
      'call-status-ringing',
      'call-status-accepted',
      'call-terminate-failed-both-errors',
      'message-status-delivered',
      'permission-reply-temporary',
    ].flatMap((name) => keysOf(readFixture(name as (typeof webhookFixtureNames)[number])));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe(`call:${cast.calls.outgoingDropped}:connect`);
    expect(keys[1]).toBe(`call:${cast.calls.outgoingDropped}:status:ringing`);
    expect(keys[4]).toBe(`message:${cast.permissionRequestId}:status:delivered`);
  });

  it('is the same whatever case Meta used for the status', () => {
    const body = loadFixture('call-status-ringing');
    const lower = keysOf(body);
    setAt(body, `${firstValue}.statuses.0.status`, 'Ringing');
    expect(keysOf(body)).toEqual(lower);
  });

  it('keys unknown events by their content', () => {
    const body = loadFixture('account-settings-update');
    const first = keysOf(body);
    expect(keysOf(loadFixture('account-settings-update'))).toEqual(first);
    setAt(body, `${firstValue}.phone_number_settings.calling.status`, 'DISABLED');
    expect(keysOf(body)).not.toEqual(first);
    expect(first[0]?.startsWith(`unknown:${cast.wabaId}:account_settings_update:`)).toBe(true);
  });

  it('keeps a key for unknown values that JSON cannot encode', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const key = eventKey({
      type: 'unknown',
      wabaId: '1',
      timestamp: 0,
      raw: cyclic,
      field: 'x',
      value: cyclic,
    });
    expect(key.startsWith('unknown:1:x:')).toBe(true);
  });
});
