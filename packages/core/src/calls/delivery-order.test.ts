// Meta delivers webhooks at least once and in no particular order; a terminate can arrive before its
// connect (Meta's "Create a webhook endpoint" and "Webhooks overview" pages). These tests feed
// the same call's events in every order, each twice, and demand one and the same outcome.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallFacts } from './call-facts';
import { mergeCallFacts, stableKey } from './call-facts';
import { deriveCallActivities } from './derive-call-activities';
import { deriveCallRecord } from './derive-call-record';
import type { Step } from '../../test/support/test-events';
import {
  ana,
  at,
  ben,
  business,
  connect,
  customer,
  factsOf,
  feed,
  networkError,
  replay,
  status,
  terminate,
} from '../../test/support/test-events';

const OUT = 'business_initiated';
const IN = 'user_initiated';
const finalStatuses = new Set(['completed', 'missed', 'declined', 'unanswered', 'disconnected']);

/** Record and activities, as one comparable string. */
const outcomeOf = (facts: CallFacts) =>
  stableKey({ record: deriveCallRecord(facts), activities: deriveCallActivities(facts) });

/**
 * Visits every distinct order of a multiset of steps (depth first, sharing prefixes) and calls
 * `leaf` with the facts at the end of each order. Returns how many orders there were.
 */
function everyOrder(steps: readonly Step[], leaf: (facts: CallFacts) => void): number {
  const counts = new Map<Step, number>();
  for (const step of steps) counts.set(step, (counts.get(step) ?? 0) + 1);
  let orders = 0;
  const visit = (facts: CallFacts | undefined, left: number) => {
    if (left === 0 && facts) {
      orders += 1;
      leaf(facts);
      return;
    }
    for (const [step, count] of counts) {
      if (count === 0) continue;
      counts.set(step, count - 1);
      visit(feed(facts, step), left - 1);
      counts.set(step, count);
    }
  };
  visit(undefined, steps.length);
  return orders;
}

const twice = (steps: readonly Step[]) => [...steps, ...steps];

describe('an outgoing call, every order, every event twice', () => {
  const id = 'wacid.order-1';
  const started: Step = {
    callId: id,
    kind: 'started',
    agent: ana,
    at: at(0),
    customer: { waId: customer.waId, name: customer.name },
    businessNumber: business.display,
  };

  it('answered: 113,400 delivery orders end in one record and one activity list', () => {
    const steps = [
      started,
      connect(id, OUT, 1),
      status(id, 'RINGING', 2),
      status(id, 'ACCEPTED', 11),
      terminate(id, OUT, 72, { start: 11, end: 71 }),
    ];
    // Derivation is a pure function of the facts, so each distinct end state is derived once.
    const endStates = new Set<string>();
    // 10! / 2^5 distinct orders of five events delivered twice each.
    expect(everyOrder(twice(steps), (facts) => endStates.add(JSON.stringify(facts)))).toBe(113_400);
    const outcomes = new Set(
      [...endStates].map((json) => outcomeOf(JSON.parse(json) as CallFacts)),
    );
    expect([...outcomes]).toEqual([outcomeOf(factsOf(steps))]);
    expect(deriveCallRecord(factsOf(steps))).toMatchObject({
      status: 'completed',
      durationSeconds: 60,
    });
  }, 120_000);
});

/** Stories with agent events and errors, shuffled with duplicates by fast-check. */
const stories: Record<string, Step[]> = {
  'incoming answered and ended by the agent': [
    connect('wacid.s1', IN, 0),
    { callId: 'wacid.s1', kind: 'declined', agent: ben, at: at(5) },
    { callId: 'wacid.s1', kind: 'answered', agent: ana, at: at(9) },
    { callId: 'wacid.s1', kind: 'ended', agent: ana, at: at(70) },
    terminate('wacid.s1', IN, 71, { start: 9, end: 70 }),
  ],
  'incoming missed after two assignment reports': [
    connect('wacid.s2', IN, 0),
    { callId: 'wacid.s2', kind: 'no_answer', agent: ana, at: at(15) },
    { callId: 'wacid.s2', kind: 'all_busy', at: at(16) },
    terminate('wacid.s2', IN, 50),
  ],
  'outgoing dropped by the network': [
    {
      callId: 'wacid.s3',
      kind: 'started',
      agent: ana,
      at: at(0),
      customer: { waId: customer.waId },
    },
    status('wacid.s3', 'RINGING', 1),
    status('wacid.s3', 'ACCEPTED', 4),
    terminate('wacid.s3', OUT, 30, { start: 4, end: 30, errors: [networkError(138021)] }),
    connect('wacid.s3', OUT, 1),
  ],
  'outgoing rejected by the customer': [
    {
      callId: 'wacid.s5',
      kind: 'started',
      agent: ana,
      at: at(0),
      customer: { waId: customer.waId },
    },
    connect('wacid.s5', OUT, 1),
    status('wacid.s5', 'RINGING', 2),
    status('wacid.s5', 'REJECTED', 6),
    terminate('wacid.s5', OUT, 7),
  ],
  'outgoing with conflicting reports: RINGING twice, and the customer renamed mid-call': [
    {
      callId: 'wacid.s6',
      kind: 'started',
      agent: ana,
      at: at(0),
      customer: { waId: customer.waId },
    },
    { ...connect('wacid.s6', OUT, 1), contact: { waId: customer.waId, name: 'Mia' } },
    status('wacid.s6', 'RINGING', 2),
    status('wacid.s6', 'RINGING', 3),
    status('wacid.s6', 'ACCEPTED', 8),
    { callId: 'wacid.s6', kind: 'ended', agent: ana, at: at(40) },
    terminate('wacid.s6', OUT, 41, { start: 8, end: 40 }),
  ],
  'outgoing ended by the agent while ringing': [
    {
      callId: 'wacid.s4',
      kind: 'started',
      agent: ben,
      at: at(0),
      customer: { waId: customer.waId },
    },
    status('wacid.s4', 'RINGING', 1),
    { callId: 'wacid.s4', kind: 'ended', agent: ben, at: at(25) },
    terminate('wacid.s4', OUT, 26),
  ],
};

/** Orders in which no step comes before the first one (an `ended` needs a known call). */
const deliveries = (steps: Step[]) =>
  fc
    .shuffledSubarray([...steps.keys(), ...steps.keys()], { minLength: steps.length * 2 })
    .map((order) => order.map((index) => steps[index] as Step));

describe.each(Object.entries(stories))('%s', (_name, steps) => {
  const expected = outcomeOf(factsOf(steps));

  it('ends the same in any order with duplicates, and never reopens once ended', () => {
    fc.assert(
      fc.property(deliveries(steps), (order) => {
        const known = order.findIndex((step) => !('kind' in step && step.kind === 'ended'));
        // A business `ended` report always follows a call the helpdesk already knows.
        const sequence = [...order.slice(known), ...order.slice(0, known)];
        const states = replay(sequence).map((facts) => deriveCallRecord(facts).status);
        const firstFinal = states.findIndex((s) => finalStatuses.has(s));
        if (firstFinal >= 0) {
          expect(states.slice(firstFinal).every((s) => finalStatuses.has(s))).toBe(true);
        }
        expect(outcomeOf(factsOf(sequence))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('late and lonely events', () => {
  it('a call seen only through its terminate is already final', () => {
    const cases = [
      [terminate('wacid.t1', IN, 40), 'missed', 'missed'],
      [terminate('wacid.t2', IN, 90, { start: 10, end: 90 }), 'completed', 'completed'],
      [terminate('wacid.t3', OUT, 30), 'unanswered', 'missed'],
      [
        terminate('wacid.t4', OUT, 60, { start: 5, end: 60, errors: [networkError(138022)] }),
        'disconnected',
        'dropped',
      ],
    ] as const;
    for (const [event, status, outcome] of cases) {
      const record = deriveCallRecord(feed(undefined, event));
      expect(record).toMatchObject({ status, outcome, customer: { waId: customer.waId } });
      expect(record.endedAt).toBeDefined();
    }
  });

  it('a terminate-only missed call says it was missed without inventing a ring time', () => {
    const activities = deriveCallActivities(feed(undefined, terminate('wacid.t5', IN, 40)));
    expect(activities).toMatchObject([
      { kind: 'call.missed_no_answer', params: {}, text: 'Missed: no agent answered' },
    ]);
  });

  it('connect, RINGING and ACCEPTED after the terminate do not reopen the call', () => {
    const id = 'wacid.late';
    const steps: Step[] = [
      terminate(id, OUT, 60, { start: 5, end: 60 }),
      connect(id, OUT, 1),
      status(id, 'RINGING', 2),
      status(id, 'ACCEPTED', 5),
    ];
    const records = replay(steps).map((facts) => deriveCallRecord(facts));
    expect(records.map((r) => r.status)).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(new Set(records.map((r) => `${r.endedAt}/${r.durationSeconds}/${r.outcome}`)).size).toBe(
      1,
    );
  });

  it('an ACCEPTED that arrives after an unanswered terminate turns it into a completed call', () => {
    // Answered = an ACCEPTED status, or a terminate with start_time/duration (Meta's "Business-initiated
    // calls" and "Calling API reference" pages). The call moves between final states only.
    const id = 'wacid.late-accept';
    const states = replay([terminate(id, OUT, 30), status(id, 'ACCEPTED', 3)]).map(
      (facts) => deriveCallRecord(facts).status,
    );
    expect(states).toEqual(['unanswered', 'completed']);
  });

  it('a redelivered terminate adds nothing', () => {
    const id = 'wacid.dup';
    const end = terminate(id, IN, 30, { start: 3, end: 30 });
    const once = factsOf([connect(id, IN, 0), end]);
    expect(feed(once, end)).toEqual(once);
  });
});

describe('facts', () => {
  const fragments = [
    connect('wacid.m', IN, 0),
    { callId: 'wacid.m', kind: 'answered', agent: ana, at: at(3) },
    terminate('wacid.m', IN, 30, {
      start: 3,
      end: 30,
      errors: [networkError(138022), { code: 131044 }],
    }),
    { callId: 'wacid.m', kind: 'declined', agent: ben, at: at(2) },
    { ...connect('wacid.m', IN, 1), contact: { waId: customer.waId, name: 'Mia' } },
    {
      ...terminate('wacid.m', IN, 31, { start: 2, end: 31 }),
      displayPhoneNumber: '+1 555-000-1111',
    },
  ].map((step) => feed(undefined, step as Step));

  it('merge in any grouping and order to the same facts', () => {
    const pick = fc.constantFrom(...fragments);
    fc.assert(
      fc.property(pick, pick, pick, (a, b, c) => {
        expect(mergeCallFacts(a, b)).toEqual(mergeCallFacts(b, a));
        expect(mergeCallFacts(mergeCallFacts(a, b), c)).toEqual(
          mergeCallFacts(a, mergeCallFacts(b, c)),
        );
        expect(mergeCallFacts(a, a)).toEqual(a);
      }),
    );
  });

  it('of two different calls are never merged', () => {
    const other = feed(undefined, connect('wacid.other', IN, 0));
    expect(() => mergeCallFacts(fragments[0] as CallFacts, other)).toThrow(/wacid.m .*wacid.other/);
  });

  it('survive a JSON round trip through a store unchanged', () => {
    const facts = fragments.reduce(mergeCallFacts);
    const stored = JSON.parse(JSON.stringify(facts)) as CallFacts;
    expect(outcomeOf(stored)).toBe(outcomeOf(facts));
  });
});
