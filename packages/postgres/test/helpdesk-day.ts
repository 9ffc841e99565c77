// A helpdesk's day through the facade, for the tests of the readable views and of durability: incoming
// and outgoing calls, answered, missed, declined and still ringing, with and without an agent, and
// permission replies of two customers. Plain functions: the caller asserts.
import { createClient, createWacall } from '@wacall/core';
import type {
  Agent,
  CallDirection,
  Store,
  Wacall,
  WacallOptions,
  WebhookEvent,
} from '@wacall/core';

const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const phoneNumberId = '106540352242922';

/** The day's time `seconds` after it began, in epoch milliseconds. */
export const dayTime = (seconds: number): number => t0 + seconds * 1000;

/** The business number's digits, as the tables and views carry it. */
export const businessDigits = '15550001111';
export const mia = { waId: '4915112345678', userId: 'DE.8812345', name: 'Mia Keller' };
export const leo = { waId: '4917600000002', name: 'Leo Brandt' };
export const ana: Agent = { id: 'agent-ana', name: 'Ana' };
export const ben: Agent = { id: 'agent-ben', name: 'Ben' };

type Customer = { waId: string; userId?: string; name: string };

/** Every call of the day and the status it ends the day in. */
export const dayCalls = {
  'wacid.in1': 'completed',
  'wacid.in2': 'ringing',
  'wacid.in3': 'missed',
  'wacid.in4': 'declined',
  'wacid.out1': 'ringing',
  'wacid.out2': 'completed',
} as const;

const base = (seconds: number) => ({
  wabaId: '102290129340398',
  phoneNumberId,
  displayPhoneNumber: businessDigits,
  timestamp: dayTime(seconds),
  raw: {},
});

function parties(direction: CallDirection, customer: Customer) {
  const ids = customer.userId
    ? { [direction === 'user_initiated' ? 'fromUserId' : 'toUserId']: customer.userId }
    : {};
  return direction === 'user_initiated'
    ? { from: customer.waId, to: businessDigits, ...ids }
    : { from: businessDigits, to: customer.waId, ...ids };
}

const contactOf = (customer: Customer) => ({
  waId: customer.waId,
  name: customer.name,
  ...(customer.userId ? { userId: customer.userId } : {}),
});

function connect(callId: string, customer: Customer, seconds: number): WebhookEvent {
  return {
    ...base(seconds),
    type: 'call.connect',
    callId,
    direction: 'user_initiated',
    ...parties('user_initiated', customer),
    session: { sdpType: 'offer', sdp: 'v=0\r\n' },
    contact: contactOf(customer),
  };
}

function status(callId: string, value: string, customer: Customer, seconds: number): WebhookEvent {
  return {
    ...base(seconds),
    type: 'call.status',
    callId,
    status: value,
    recipientId: customer.waId,
  };
}

function terminate(
  callId: string,
  direction: CallDirection,
  customer: Customer,
  seconds: number,
  talked?: { start: number },
): WebhookEvent {
  return {
    ...base(seconds),
    type: 'call.terminate',
    callId,
    direction,
    ...parties(direction, customer),
    status: 'completed',
    answered: talked !== undefined,
    errors: [],
    contact: contactOf(customer),
    ...(talked
      ? {
          startTime: dayTime(talked.start),
          endTime: dayTime(seconds),
          durationSeconds: seconds - talked.start,
        }
      : {}),
  };
}

function reply(
  customer: Customer,
  messageId: string,
  seconds: number,
  response: 'accept' | 'reject',
  permanent = false,
): WebhookEvent {
  return {
    ...base(seconds),
    type: 'permission.reply',
    messageId,
    from: customer.waId,
    response,
    permanent,
    source: 'user_action',
    ...(response === 'accept' && !permanent
      ? { expiresAt: dayTime(seconds) + 7 * 86_400_000 }
      : {}),
  };
}

/** A facade that only ingests and records agent events (any Cloud API call rejects). */
export function dayWacall(store: Store, options: Pick<WacallOptions, 'retentionMs'> = {}): Wacall {
  const client = createClient({
    accessToken: 'test-token',
    phoneNumberId,
    fetch: () => Promise.reject(new Error('the day never calls the Cloud API')),
  });
  return createWacall({
    client,
    businessNumber: '+1 555 000 1111',
    store,
    now: () => dayTime(10_000),
    ...options,
  });
}

/** Plays the day: webhooks through `ingest`, the agents' actions through `recordAgentEvent`. */
export async function playDay(wacall: Wacall): Promise<void> {
  await wacall.ingest([
    {
      ...base(0),
      type: 'message',
      messageId: 'wamid.in-0',
      from: mia.waId,
      messageType: 'text',
      text: 'Hi',
    },
    reply(mia, 'wamid.reply-1', 10, 'accept'),
    connect('wacid.in1', mia, 100),
  ]);
  await wacall.recordAgentEvent({
    kind: 'accepted',
    callId: 'wacid.in1',
    at: dayTime(105),
    agent: ana,
  });
  await wacall.ingest([
    terminate('wacid.in1', 'user_initiated', mia, 170, { start: 105 }),
    connect('wacid.in2', mia, 200),
  ]);
  await wacall.recordAgentEvent({
    kind: 'started',
    callId: 'wacid.out1',
    at: dayTime(300),
    agent: ben,
    customer: { waId: mia.waId },
  });
  await wacall.ingest([status('wacid.out1', 'ringing', mia, 302)]);
  await wacall.recordAgentEvent({
    kind: 'started',
    callId: 'wacid.out2',
    at: dayTime(400),
    agent: ana,
    customer: { waId: mia.waId },
  });
  await wacall.ingest([
    status('wacid.out2', 'ringing', mia, 402),
    status('wacid.out2', 'accepted', mia, 410),
    terminate('wacid.out2', 'business_initiated', mia, 470, { start: 410 }),
    connect('wacid.in3', leo, 500),
    terminate('wacid.in3', 'user_initiated', leo, 540),
    reply(leo, 'wamid.reply-2', 600, 'reject'),
    reply(leo, 'wamid.reply-3', 700, 'accept', true),
    connect('wacid.in4', mia, 800),
  ]);
  await wacall.recordAgentEvent({
    kind: 'declined_call',
    callId: 'wacid.in4',
    at: dayTime(805),
    agent: ben,
  });
}

/** Everything the facade shows of the day: calls, both customers' timelines and views, log pages. */
export async function dayHistory(wacall: Wacall) {
  const pages = [];
  let page = await wacall.findCalls({ limit: 4 });
  pages.push(page);
  while (page.next) {
    page = await wacall.findCalls({ limit: 4, before: page.next });
    pages.push(page);
  }
  return {
    calls: await Promise.all(Object.keys(dayCalls).map((id) => wacall.getCall(id))),
    customers: await Promise.all([mia, leo].map((c) => wacall.getCustomer(c.waId))),
    activities: await Promise.all([mia, leo].map((c) => wacall.listActivities(c.waId))),
    customerCalls: await Promise.all([mia, leo].map((c) => wacall.listCalls(c.waId))),
    pages,
    counts: [
      await wacall.countCalls(),
      await wacall.countCalls({ direction: 'incoming', status: 'missed' }),
      await wacall.countCalls({ agentId: ana.id }),
    ],
  };
}
