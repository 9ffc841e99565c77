import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWebhookPayloadError, parseWebhook, WebhookPayloadError } from '../../src/index';
import {
  fixtureCast as cast,
  firstValue,
  loadFixture,
  readFixture,
  setAt,
  webhookFixtureNames,
} from '../fixtures';

function payloadError(body: Parameters<typeof parseWebhook>[0]): WebhookPayloadError {
  try {
    parseWebhook(body);
  } catch (error) {
    if (isWebhookPayloadError(error)) return error;
    throw error;
  }
  throw new Error('parseWebhook accepted the body');
}

describe('batches', () => {
  it('walks every entry, change and item', () => {
    const { events, issues } = parseWebhook(readFixture('batch-multi-entry'));
    expect(issues).toEqual([]);
    expect(events.map((e) => [e.type, e.wabaId, e.phoneNumberId])).toEqual([
      ['call.terminate', cast.wabaId, cast.phoneNumberId],
      ['call.terminate', cast.wabaId, cast.phoneNumberId],
      ['call.status', cast.wabaId, cast.phoneNumberId],
      ['call.status', cast.wabaId, cast.phoneNumberId],
      ['call.status', '209384756102938', '118273645509182'],
      ['message', '209384756102938', '118273645509182'],
    ]);
    expect(events[4]?.displayPhoneNumber).toBe('15550783999');
  });

  it('returns a text message mixed with a call in one body', () => {
    const { events } = parseWebhook(readFixture('batch-text-with-calls'));
    expect(events.map((e) => e.type)).toEqual(['message', 'call.connect']);
    expect(events[0]).toMatchObject({ text: 'Calling you now' });
  });

  it('skips broken items, reports each with its path, and returns the rest', () => {
    const { events, issues } = parseWebhook(readFixture('batch-with-invalid-items'));
    expect(events.map((e) => e.type)).toEqual(['call.connect', 'message.status']);
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['entry[0].changes[0].value.calls[0]', 'id: expected a non-empty string'],
      [
        'entry[0].changes[0].value.calls[2]',
        'timestamp: expected whole Unix seconds (or milliseconds), as a number or numeric string, from 1970 to 2200',
      ],
      ['entry[0].changes[1].value', 'metadata: expected an object with phone_number_id'],
    ]);
    expect(issues[2]?.raw).toMatchObject({ messaging_product: 'whatsapp' });
  });

  it('reports a malformed entry or change without losing its siblings', () => {
    const body = loadFixture('batch-multi-entry');
    setAt(body, 'entry.0.changes.1', 'not a change');
    setAt(body, 'entry.1.id', undefined);
    const { events, issues } = parseWebhook(body);
    expect(events.map((e) => e.type)).toEqual(['call.terminate', 'call.terminate']);
    expect(issues.map((i) => i.path)).toEqual(['entry[0].changes[1]', 'entry[1]']);
  });

  it('reports a malformed contact but keeps the call', () => {
    const body = loadFixture('call-connect-incoming');
    setAt(body, `${firstValue}.contacts.0.wa_id`, 13055550123);
    const { events, issues } = parseWebhook(body);
    expect(events[0]).toMatchObject({ type: 'call.connect', contact: undefined });
    expect(issues.map((i) => i.path)).toEqual(['entry[0].changes[0].value.contacts[0]']);
  });

  it('refuses times that are negative or too large to be exact, instead of returning -Infinity', () => {
    const hugeText = `1${'0'.repeat(400)}`;
    for (const time of [-1.797693134862316e305, hugeText, 2 ** 60]) {
      const body = loadFixture('account-update-calling-violation');
      setAt(body, 'entry.0.time', time);
      const { events, issues } = parseWebhook(body);
      expect(events).toEqual([]);
      expect(issues[0]?.message).toMatch(/time: expected whole Unix seconds \(or milliseconds\)/);
    }
  });

  it('ignores unknown keys and lowercases the field name', () => {
    const body = loadFixture('call-status-ringing');
    setAt(body, 'entry.0.changes.0.field', 'CALLS');
    setAt(body, `${firstValue}.statuses.0.brand_new_key`, { nested: true });
    setAt(body, 'brand_new_top_level', 1);
    expect(parseWebhook(body).events[0]).toMatchObject({ type: 'call.status', status: 'ringing' });
  });
});

describe('body forms', () => {
  it('gives the same events for a string, bytes and a parsed object', () => {
    const text = readFixture('call-connect-incoming');
    const fromText = parseWebhook(text);
    expect(parseWebhook(new TextEncoder().encode(text))).toEqual(fromText);
    expect(parseWebhook(Buffer.from(text))).toEqual(fromText);
    expect(parseWebhook(JSON.parse(text) as object)).toEqual(fromText);
  });

  it('tolerates a UTF-8 byte-order mark', () => {
    const text = readFixture('message-text');
    expect(parseWebhook(`\uFEFF${text}`).events).toHaveLength(1);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(parseWebhook(bytes).events).toHaveLength(1);
  });
});

describe('bodies that are not WhatsApp webhooks', () => {
  it.each([
    ['', 'invalid_json'],
    ['{"object":', 'invalid_json'],
    ['null', 'invalid_envelope'],
    ['[1,2]', 'invalid_envelope'],
    ['"whatsapp_business_account"', 'invalid_envelope'],
    ['{"object":"whatsapp_business_account","entry":{}}', 'invalid_envelope'],
  ])('refuses %j as %s', (body, reason) => {
    const error = payloadError(body);
    expect(error.reason).toBe(reason);
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect(WebhookPayloadError.isInstance(error)).toBe(true);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(payloadError(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])).reason).toBe('invalid_encoding');
  });

  it('names the other object, and says how to fix the subscription', () => {
    const error = payloadError(readFixture('envelope-wrong-object'));
    expect(error.message).toContain('"page"');
    expect(error.message).toContain('whatsapp_business_account');
  });

  it('says which keys it found when entry is missing, without quoting the body', () => {
    const error = payloadError(readFixture('envelope-missing-entry'));
    expect(error.reason).toBe('invalid_envelope');
    expect(error.message).toContain('keys object, changes');
  });

  it('does not quote the body in the message of a JSON error', () => {
    const secretish = '{"object":"whatsapp_business_account","entry":[{"id":"SECRET-CONTENT"';
    expect(payloadError(secretish).message).not.toContain('SECRET-CONTENT');
  });
});

describe('the fixture corpus', () => {
  const dir = new URL('../fixtures/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('lists every fixture file in index.ts and in the README', () => {
    const readme = readFileSync(new URL('README.md', dir), 'utf8');
    expect([...webhookFixtureNames].map((n) => `${n}.json`).sort()).toEqual(files.sort());
    for (const file of files) expect(readme).toContain(`\`${file}\``);
  });

  it('parses every fixture except the refused envelopes without issues', () => {
    for (const name of webhookFixtureNames) {
      if (name.startsWith('envelope-')) {
        expect(() => parseWebhook(readFixture(name))).toThrow(WebhookPayloadError);
        continue;
      }
      const { events, issues } = parseWebhook(readFixture(name));
      expect(events.length, name).toBeGreaterThan(0);
      if (name !== 'batch-with-invalid-items') expect(issues, name).toEqual([]);
    }
  });

  it('writes every SDP with \\r\\n record separators', () => {
    for (const name of webhookFixtureNames.filter((n) => n.startsWith('call-connect'))) {
      const [event] = parseWebhook(readFixture(name)).events;
      if (event?.type !== 'call.connect') throw new Error(`${name} is not a connect`);
      expect(event.session.sdp.split('\r\n').length, name).toBeGreaterThan(20);
      expect(event.session.sdp.replaceAll('\r\n', ''), name).not.toContain('\n');
    }
  });
});
