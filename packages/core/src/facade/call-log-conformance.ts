import { createClient } from '../client/create-client';
import type { CallRecord } from '../calls/types';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { createTestClock } from '../store/test-clock';
import type { ConformanceRunner, MakeStore } from '../store/conformance/kit';
import type { CallDirection, WebhookEvent } from '../webhooks/events';
import { createWacall } from '../wacall';
import type { Wacall } from './wacall-types';
import type { CallLogFilter, FindCallsInput } from './agent-types';

export interface CallLogConformanceOptions extends ConformanceRunner {
  /** The suite's title (default `Call log`). */
  title?: string;
}

const phoneNumberId = '106540352242922';
const display = '15550001111';
/** A Monday morning; calls are placed seconds after it. */
const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const at = (seconds: number) => t0 + seconds * 1000;
const customers = ['4915112345678', '447700900123', '14085551234'];
const agents = [
  { id: 'agent-ana', name: 'Ana' },
  { id: 'agent-ben', name: 'Ben' },
];

type Shape = 'ringing' | 'answered' | 'missed' | 'out-ringing' | 'out-answered' | 'out-unanswered';
const shapes: Shape[] = [
  'ringing',
  'answered',
  'missed',
  'out-ringing',
  'out-answered',
  'out-unanswered',
];

const base = (seconds: number) => ({
  wabaId: '102290129340398',
  phoneNumberId,
  displayPhoneNumber: display,
  timestamp: at(seconds),
  raw: {},
});

function parties(direction: CallDirection, customer: string) {
  return direction === 'user_initiated'
    ? { from: customer, to: display }
    : { from: display, to: customer };
}

/** The webhook events of one call shaped like the parser's output, and the agent who took it. */
function callEvents(callId: string, shape: Shape, customer: string, seconds: number) {
  const direction: CallDirection = shape.startsWith('out-')
    ? 'business_initiated'
    : 'user_initiated';
  const who = parties(direction, customer);
  const events: WebhookEvent[] = [
    {
      ...base(seconds),
      type: 'call.connect',
      callId,
      direction,
      ...who,
      session: { sdpType: direction === 'user_initiated' ? 'offer' : 'answer', sdp: 'v=0\r\n' },
      contact: { waId: customer },
    },
  ];
  const status = (value: string, after: number): WebhookEvent => ({
    ...base(seconds + after),
    type: 'call.status',
    callId,
    status: value,
    recipientId: customer,
  });
  const end = (answered: boolean): WebhookEvent => ({
    ...base(seconds + 30),
    type: 'call.terminate',
    callId,
    direction,
    ...who,
    status: 'completed',
    answered,
    errors: [],
    ...(answered
      ? { startTime: at(seconds + 5), endTime: at(seconds + 30), durationSeconds: 25 }
      : {}),
  });
  if (shape === 'out-ringing') events.push(status('ringing', 1));
  if (shape === 'out-answered') events.push(status('ringing', 1), status('accepted', 5), end(true));
  if (shape === 'out-unanswered') events.push(status('ringing', 1), end(false));
  if (shape === 'answered') events.push(end(true));
  if (shape === 'missed') events.push(end(false));
  return { events, answered: shape === 'answered' };
}

/** A Wacall on the store under test, on a clock the suite moves. */
async function facade(makeStore: MakeStore, retentionMs?: number) {
  const clock = createTestClock(at(0));
  const store = await makeStore({ now: clock.now });
  const wacall = createWacall({
    client: createClient({ accessToken: 'conformance-token', phoneNumberId }),
    businessNumber: '+55 11 95555 0100',
    store,
    now: clock.now,
    ...(retentionMs === undefined ? {} : { retentionMs }),
  });
  const close = async () => {
    await wacall.close();
    await store.close();
  };
  return { wacall, clock, close };
}

/** Places `count` calls: every shape, customers and agents in turn, some at the same second. */
async function placeCalls(wacall: Wacall, count: number, prefix = 'wacid.log') {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const callId = `${prefix}-${String(i).padStart(3, '0')}`;
    // Every fourth call shares its second with the one before: ties are ordered by call id.
    const seconds = 60 * i - (i % 4 === 3 ? 60 : 0);
    const shape = shapes[i % shapes.length] as Shape;
    const customer = customers[i % customers.length] as string;
    const { events, answered } = callEvents(callId, shape, customer, seconds);
    await wacall.ingest(events.slice(0, 1));
    if (answered) {
      const agent = agents[i % agents.length] as (typeof agents)[number];
      await wacall.recordAgentEvent({ kind: 'answered', callId, at: at(seconds + 5), agent });
    }
    await wacall.ingest(events.slice(1));
    ids.push(callId);
  }
  return ids;
}

const incoming = (direction: string | undefined) =>
  direction === 'incoming' || direction === 'user_initiated'
    ? 'user_initiated'
    : direction === 'outgoing' || direction === 'business_initiated'
      ? 'business_initiated'
      : undefined;

/** What the log must return: every record read by id, filtered and ordered in plain code. */
function expected(records: CallRecord[], filter: CallLogFilter): string[] {
  const direction = incoming(filter.direction);
  return records
    .filter(
      (call) =>
        (direction === undefined || call.direction === direction) &&
        (filter.status === undefined || call.status === filter.status) &&
        (filter.agentId === undefined || call.agent?.id === filter.agentId) &&
        (filter.customer === undefined ||
          (call.customer.waId ?? call.customer.userId) === filter.customer) &&
        (filter.since === undefined || call.createdAt >= filter.since) &&
        (filter.until === undefined || call.createdAt < filter.until),
    )
    .sort((a, b) => b.createdAt - a.createdAt || (a.callId < b.callId ? 1 : -1))
    .map((call) => call.callId);
}

/** Every page of a filter, `limit` at a time. */
async function allPages(wacall: Wacall, input: FindCallsInput) {
  const ids: string[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await wacall.findCalls(before === undefined ? input : { ...input, before });
    ids.push(...page.calls.map((call) => call.callId));
    if (page.next === undefined) return ids;
    if (page.calls.length !== input.limit)
      throw new Error(`a short page before the last: ${page.calls.length}`);
    before = page.next;
  }
  throw new Error('findCalls never reached its last page');
}

function check(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) {
    throw new Error(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
  }
}

const same = (actual: unknown, wanted: unknown, what: string) =>
  check(JSON.stringify(actual) === JSON.stringify(wanted), what, { actual, wanted });

async function refused(run: () => Promise<unknown>, path: string, what: string) {
  try {
    await run();
  } catch (error) {
    check(
      WacallValidationError.isInstance(error),
      `${what}: a WacallValidationError`,
      String(error),
    );
    const issue = (error as WacallValidationError).issues.find((each) => each.path === path);
    check(issue !== undefined && issue.fix.length > 0, `${what}: an issue at ${path} with a fix`);
    return;
  }
  throw new Error(`${what}: was not refused`);
}

type Case = [name: string, body: (makeStore: MakeStore) => Promise<void>];

const filters: CallLogFilter[] = [
  {},
  { direction: 'incoming' },
  { direction: 'outgoing' },
  { direction: 'user_initiated', status: 'missed' },
  { direction: 'outgoing', status: 'completed' },
  { status: 'ringing' },
  { status: 'completed' },
  { agentId: 'agent-ana' },
  { customer: '+44 7700 900123' },
  { since: at(300), until: at(1200) },
  { direction: 'incoming', agentId: 'agent-ben', since: at(60) },
  { customer: '4915112345678', status: 'ringing' },
  { agentId: 'agent-ana', customer: '14085551234' },
  { direction: 'outgoing', status: 'unanswered', customer: '447700900123', until: at(1500) },
];

const cases: Case[] = [
  [
    'every filter and combination pages newest first, each call once, and counts what it finds',
    async (makeStore) => {
      const { wacall, close } = await facade(makeStore);
      try {
        const ids = await placeCalls(wacall, 36);
        const records = (await Promise.all(ids.map((id) => wacall.getCall(id)))).filter(
          (call): call is CallRecord => call !== undefined,
        );
        same(records.length, ids.length, 'every call readable by id');
        const statuses = new Set(records.map((call) => `${call.direction}:${call.status}`));
        check(statuses.size >= 6, 'the calls cover many statuses', [...statuses]);
        for (const filter of filters) {
          const wanted = expected(records, {
            ...filter,
            ...(filter.customer ? { customer: filter.customer.replace(/\D/g, '') } : {}),
          });
          for (const limit of [1, 5, 200]) {
            same(
              await allPages(wacall, { ...filter, limit }),
              wanted,
              `findCalls ${JSON.stringify(filter)} by ${limit}`,
            );
          }
          same(
            await wacall.countCalls(filter),
            wanted.length,
            `countCalls ${JSON.stringify(filter)}`,
          );
        }
      } finally {
        await close();
      }
    },
  ],
  [
    'the first page holds the newest 50; the records are the ones getCall reads',
    async (makeStore) => {
      const { wacall, close } = await facade(makeStore);
      try {
        const ids = await placeCalls(wacall, 56);
        const page = await wacall.findCalls();
        same(page.calls.length, 50, 'default page size');
        check(page.next !== undefined, 'a next page');
        const newest = await wacall.getCall(page.calls[0]?.callId ?? '');
        same(page.calls[0], newest, 'the record getCall reads');
        const rest = await wacall.findCalls({ before: page.next });
        same(rest.calls.length + page.calls.length, ids.length, 'both pages hold every call');
        same(rest.next, undefined, 'no third page');
        same(await wacall.countCalls(), 56, 'countCalls()');
      } finally {
        await close();
      }
    },
  ],
  [
    'a call moves from one status filter to the next as it changes, and the counts follow',
    async (makeStore) => {
      const { wacall, close } = await facade(makeStore);
      try {
        const { events } = callEvents('wacid.moving', 'answered', customers[0] as string, 0);
        const ringing = { direction: 'incoming', status: 'ringing' } as const;
        const completed = { direction: 'incoming', status: 'completed' } as const;
        await wacall.ingest(events.slice(0, 1));
        same(
          (await wacall.findCalls(ringing)).calls.map((call) => call.callId),
          ['wacid.moving'],
          'ringing',
        );
        same(
          [await wacall.countCalls(ringing), await wacall.countCalls(completed)],
          [1, 0],
          'counts while ringing',
        );
        await wacall.ingest(events.slice(1));
        same((await wacall.findCalls(ringing)).calls, [], 'no longer ringing');
        same(
          (await wacall.findCalls(completed)).calls.map((call) => call.status),
          ['completed'],
          'completed',
        );
        same(
          [await wacall.countCalls(ringing), await wacall.countCalls(completed)],
          [0, 1],
          'counts after',
        );
        // The same webhooks again change nothing.
        await wacall.ingest(events);
        same(
          [await wacall.countCalls(), await wacall.countCalls(completed)],
          [1, 1],
          'after duplicates',
        );
      } finally {
        await close();
      }
    },
  ],
  [
    'a cursor keeps its place when the call it names leaves the filter before the next page',
    async (makeStore) => {
      const { wacall, close } = await facade(makeStore);
      try {
        for (let i = 0; i < 5; i++) {
          const { events } = callEvents(`wacid.r${i}`, 'ringing', customers[0] as string, i * 10);
          await wacall.ingest(events);
        }
        const ringing = { direction: 'incoming', status: 'ringing', limit: 2 } as const;
        const first = await wacall.findCalls(ringing);
        same(
          first.calls.map((call) => call.callId),
          ['wacid.r4', 'wacid.r3'],
          'first page',
        );
        const { events } = callEvents('wacid.r3', 'missed', customers[0] as string, 30);
        await wacall.ingest(events);
        const second = await wacall.findCalls({ ...ringing, before: first.next });
        same(
          second.calls.map((call) => call.callId),
          ['wacid.r2', 'wacid.r1'],
          'second page',
        );
      } finally {
        await close();
      }
    },
  ],
  [
    'bad filters, limits and cursors are refused with a fix',
    async (makeStore) => {
      const { wacall, close } = await facade(makeStore);
      try {
        await refused(
          () => wacall.findCalls({ direction: 'incoming', status: 'calling' }),
          'status',
          'an outgoing status on incoming calls',
        );
        await refused(
          () => wacall.countCalls({ direction: 'outgoing', status: 'missed' }),
          'status',
          'an incoming status on outgoing calls',
        );
        await refused(
          () => wacall.findCalls({ status: 'lost' as never }),
          'status',
          'an unknown status',
        );
        await refused(
          () => wacall.findCalls({ direction: 'sideways' as never }),
          'direction',
          'an unknown direction',
        );
        await refused(() => wacall.findCalls({ limit: 201 }), 'limit', 'a limit over 200');
        await refused(() => wacall.findCalls({ limit: 0 }), 'limit', 'a limit of 0');
        await refused(() => wacall.findCalls({ before: 'page-2' }), 'before', 'a made-up cursor');
        await refused(
          () => wacall.findCalls({ since: at(10), until: at(5) }),
          'until',
          'until before since',
        );
        await refused(() => wacall.findCalls({ customer: '  ' }), 'customer', 'a blank customer');
        await refused(() => wacall.countCalls({ agentId: '' }), 'agentId', 'an empty agent id');
      } finally {
        await close();
      }
    },
  ],
  [
    'sweep takes calls past retentionMs out of the log and its counts',
    async (makeStore) => {
      const day = 86_400_000;
      const { wacall, clock, close } = await facade(makeStore, day);
      try {
        await placeCalls(wacall, 6, 'wacid.old');
        clock.advance(day / 2);
        const { events } = callEvents('wacid.new', 'missed', customers[1] as string, 43_200);
        await wacall.ingest(events);
        clock.advance(day / 2 + 3_600_000);
        await wacall.sweep();
        same(
          (await wacall.findCalls()).calls.map((call) => call.callId),
          ['wacid.new'],
          'the log',
        );
        same(
          [
            await wacall.countCalls(),
            await wacall.countCalls({ direction: 'incoming', status: 'missed' }),
          ],
          [1, 1],
          'counts',
        );
        same(await wacall.countCalls({ agentId: 'agent-ana' }), 0, 'agent count');
      } finally {
        await close();
      }
    },
  ],
];

/**
 * Registers the call log's tests (`findCalls`, `countCalls`: filters, paging, counts, retention) against
 * a Store, with your test runner's `describe` and `it`. `makeStore` is called once per test and must
 * return an empty store; the suite closes it.
 */
export function runCallLogConformance(
  makeStore: MakeStore,
  options: CallLogConformanceOptions,
): void {
  options.describe(options.title ?? 'Call log', () => {
    for (const [name, body] of cases) options.it(name, () => body(makeStore), 60_000);
  });
}
