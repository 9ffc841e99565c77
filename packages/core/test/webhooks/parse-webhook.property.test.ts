import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventKey, isWebhookPayloadError, parseWebhook } from '../../src/index';
import type { ParsedWebhook, WebhookEvent } from '../../src/index';
import { getAt, loadFixture, readFixture, setAt, webhookFixtureNames } from '../fixtures';

const validFixtures = webhookFixtureNames.filter((n) => !n.startsWith('envelope-'));

/** Parses, and fails the property on any throw other than WebhookPayloadError. */
function parseOrRefuse(body: Parameters<typeof parseWebhook>[0]): ParsedWebhook | undefined {
  try {
    return parseWebhook(body);
  } catch (error) {
    if (isWebhookPayloadError(error)) return undefined;
    throw error;
  }
}

const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
const isOptionalText = (v: unknown) => v === undefined || isText(v);
const isLowerText = (v: unknown) => isText(v) && v === (v as string).toLowerCase();
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
// Every time an event carries is a whole millisecond the Store and Date can hold.
const isWholeTime = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isOptionalTime = (v: unknown) => v === undefined || isTime(v);
const directions = ['user_initiated', 'business_initiated'];

/** The problems of one event against its type's required fields (empty when it is sound). */
function problemsOf(e: WebhookEvent): string[] {
  const checks: [string, boolean][] = [
    ['wabaId', isText(e.wabaId)],
    ['timestamp', isWholeTime(e.timestamp)],
    ['displayPhoneNumber', isOptionalText(e.displayPhoneNumber)],
    ['key', isText(eventKey(e))],
  ];
  if (e.type !== 'account.update' && e.type !== 'template.status' && e.type !== 'unknown') {
    checks.push(['phoneNumberId', isText(e.phoneNumberId)]);
  }
  switch (e.type) {
    case 'call.connect':
      checks.push(
        ['callId', isText(e.callId)],
        ['direction', directions.includes(e.direction)],
        ['sdpType', e.session.sdpType === 'offer' || e.session.sdpType === 'answer'],
        ['sdp', typeof e.session.sdp === 'string'],
        ['phones', [e.from, e.to, e.fromUserId, e.toUserId].every(isOptionalText)],
      );
      break;
    case 'call.created':
      checks.push(
        ['callId', isText(e.callId)],
        ['direction', directions.includes(e.direction)],
        ['phones', [e.from, e.to, e.fromUserId, e.toUserId].every(isOptionalText)],
      );
      break;
    case 'call.status':
      checks.push(['callId', isText(e.callId)], ['status', isLowerText(e.status)]);
      checks.push(['recipient', [e.recipientId, e.recipientUserId].every(isOptionalText)]);
      break;
    case 'call.terminate':
      checks.push(
        ['callId', isText(e.callId)],
        ['direction', directions.includes(e.direction)],
        ['status', isLowerText(e.status)],
        ['answered', typeof e.answered === 'boolean'],
        ['times', [e.startTime, e.endTime, e.durationSeconds].every(isOptionalTime)],
        ['errors', e.errors.every((x) => isTime(x.code))],
        ['phones', [e.from, e.to].every(isOptionalText)],
      );
      break;
    case 'call.recording_available':
    case 'call.transcription_available':
      checks.push(
        ['callId', isText(e.callId)],
        ['media', isText(e.media.id) && typeof e.media.url === 'string'],
      );
      break;
    case 'permission.reply':
      checks.push(
        ['messageId', isText(e.messageId)],
        ['response', isLowerText(e.response)],
        ['permanent', typeof e.permanent === 'boolean'],
        ['expiresAt', isOptionalTime(e.expiresAt)],
        ['source', isLowerText(e.source)],
        ['from', isOptionalText(e.from)],
      );
      break;
    case 'message':
      checks.push(['messageId', isText(e.messageId)], ['messageType', isLowerText(e.messageType)]);
      break;
    case 'message.status':
      checks.push(['messageId', isText(e.messageId)], ['status', isLowerText(e.status)]);
      checks.push(['errors', e.errors.every((x) => isTime(x.code))]);
      break;
    case 'account.update':
      checks.push(
        ['event', isLowerText(e.event)],
        ['restrictions', e.restrictions.every((r) => isText(r.type))],
      );
      break;
    case 'template.status':
      checks.push(
        ['templateId', isText(e.templateId)],
        ['status', isLowerText(e.status)],
        ['name', isText(e.name)],
      );
      break;
    case 'unknown':
      checks.push(['field', isText(e.field)]);
      break;
  }
  return checks.filter(([, ok]) => !ok).map(([name]) => `${e.type}.${name}`);
}

function assertSound(result: ParsedWebhook | undefined): void {
  if (!result) return;
  for (const event of result.events) expect(problemsOf(event)).toEqual([]);
  for (const issue of result.issues) {
    expect(issue.path).toMatch(/^entry\[\d+\]/);
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** Every path to a value inside a JSON value, as lists of keys. */
function pathsOf(node: unknown, prefix: string[] = []): string[][] {
  if (typeof node !== 'object' || node === null) return [];
  const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf(getAt(node, [key]), path)];
  });
}

const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'empty', 'upper', 'numeric-string', 'number'),
  value: fc.jsonValue({ maxDepth: 2 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(body: Record<string, unknown>, m: Mutation): void {
  const paths = pathsOf(body);
  const path = paths[m.pick % paths.length];
  if (path === undefined) return;
  const current = getAt(body, path);
  const next = {
    delete: undefined,
    replace: m.value,
    empty: '',
    upper: typeof current === 'string' ? current.toUpperCase() : m.value,
    'numeric-string': '1767268800',
    number: 1767268800,
  }[m.op];
  setAt(body, path, next);
}

// Thousands of runs each: allow for a busy machine (no timing is asserted).
const slow = { timeout: 60_000 };

describe('parseWebhook under hostile input', () => {
  it(
    'never throws anything but WebhookPayloadError on mutated valid payloads, and every event is sound',
    slow,
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...validFixtures),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          (name, mutations) => {
            const body = loadFixture(name);
            for (const m of mutations) mutate(body, m);
            assertSound(parseOrRefuse(body));
            assertSound(parseOrRefuse(JSON.stringify(body)));
          },
        ),
        { numRuns: 3000 },
      );
    },
  );

  it('refuses or parses random JSON text, objects and bytes', slow, () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        assertSound(parseOrRefuse(text));
        assertSound(parseOrRefuse(JSON.parse(text) as object));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string(), (bytes, text) => {
        assertSound(parseOrRefuse(bytes));
        assertSound(parseOrRefuse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('survives random items inside a valid envelope', slow, () => {
    const item = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record(
        {
          id: fc.oneof(fc.constant('wacid.X'), fc.constant('wamid.Y'), fc.string()),
          event: fc.constantFrom(
            'connect',
            'terminate',
            'CALL_RECORDING_AVAILABLE',
            'call_created',
            'x',
          ),
          type: fc.constantFrom('call', 'text', 'audio', 'interactive', 'image'),
          status: fc.constantFrom('RINGING', 'completed', 'FAILED', '', 'read'),
          timestamp: fc.oneof(fc.nat().map(String), fc.nat(), fc.string()),
          direction: fc.constantFrom('USER_INITIATED', 'BUSINESS_INITIATED', 'sideways'),
          from: fc.constantFrom('', '15550783881', '13055550123'),
          session: fc.record(
            { sdp_type: fc.constantFrom('offer', 'ANSWER', 'x'), sdp: fc.string() },
            { requiredKeys: [] },
          ),
          errors: fc.array(
            fc.record({ code: fc.oneof(fc.nat(), fc.string()), message: fc.string() }),
            { maxLength: 2 },
          ),
          interactive: fc.record({
            type: fc.constant('call_permission_reply'),
            call_permission_reply: fc.jsonValue({ maxDepth: 2 }),
          }),
          start_time: fc.oneof(fc.nat().map(String), fc.string()),
          duration: fc.oneof(fc.nat(), fc.string()),
        },
        { requiredKeys: [] },
      ),
    );
    const change = fc.record({
      field: fc.constantFrom(
        'calls',
        'messages',
        'account_update',
        'message_template_status_update',
        'CALLS',
        'other',
      ),
      value: fc.record(
        {
          metadata: fc.oneof(
            fc.constant({
              phone_number_id: '106540352242922',
              display_phone_number: '15550783881',
            }),
            fc.jsonValue(),
          ),
          contacts: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
          calls: fc.array(item, { maxLength: 3 }),
          statuses: fc.array(item, { maxLength: 3 }),
          messages: fc.array(item, { maxLength: 3 }),
          errors: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
          event: fc.string(),
          message_template_id: fc.oneof(fc.nat(), fc.string()),
          message_template_name: fc.string(),
          message_template_language: fc.string(),
          reason: fc.oneof(fc.constant(null), fc.string()),
        },
        { requiredKeys: [] },
      ),
    });
    const body = fc.record({
      object: fc.constant('whatsapp_business_account'),
      entry: fc.array(
        fc.record(
          {
            id: fc.oneof(fc.string(), fc.nat()),
            time: fc.nat(),
            changes: fc.array(change, { maxLength: 3 }),
          },
          { requiredKeys: ['changes'] },
        ),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(body, (b) => {
        const result = parseOrRefuse(b);
        expect(result).toBeDefined();
        assertSound(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every valid item of a fixture when a sibling item is broken', slow, () => {
    fc.assert(
      fc.property(
        fc.constantFrom('batch-multi-entry', 'batch-text-with-calls'),
        fc.jsonValue({ maxDepth: 2 }),
        (name, junk) => {
          const intact = parseWebhook(readFixture(name)).events.length;
          const body = loadFixture(name);
          const list = getAt(body, 'entry.0.changes.0.value');
          const key = ['calls', 'messages', 'statuses'].find((k) => Array.isArray(getAt(list, k)));
          if (!key) throw new Error(`${name} has no item list`);
          const items = getAt(list, key) as unknown[];
          setAt(list, `${key}.${items.length}`, junk);
          const result = parseWebhook(body);
          expect(result.events.length + result.issues.length).toBeGreaterThanOrEqual(intact + 1);
          expect(result.events.length).toBeGreaterThanOrEqual(intact);
        },
      ),
      { numRuns: 300 },
    );
  });
});
