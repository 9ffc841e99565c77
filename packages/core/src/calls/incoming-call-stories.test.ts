// Incoming calls from ring to ticket: statuses after each event, activities, post-call outcome.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../test/support/test-events';
import {
  ana,
  at,
  ben,
  business,
  connect,
  customer,
  networkError,
  panel,
  statusesOf,
  story,
  terminate,
} from '../../test/support/test-events';

const IN = 'user_initiated';

describe('incoming call stories', () => {
  const id = 'wacid.in-1';

  it('answered by an agent, ended by the customer', () => {
    const steps: Step[] = [
      connect(id, IN, 0),
      { callId: id, kind: 'answered', agent: ana, at: at(7) },
      terminate(id, IN, 128, { start: 7, end: 127 }),
    ];
    expect(statusesOf(steps)).toEqual(['ringing', 'ongoing', 'completed']);
    const { record, activities, summary } = story(steps);
    expect(record).toMatchObject({
      direction: IN,
      customer,
      businessNumber: business.display,
      createdAt: at(0),
      ringingAt: at(0),
      answeredAt: at(7),
      endedAt: at(127),
      durationSeconds: 120,
      agent: ana,
      endedBy: 'customer',
      outcome: 'completed',
    });
    expect(panel(activities)).toEqual([
      {
        kind: 'call.answered_by_agent',
        params: { seconds: 7 },
        actor: 'Ana',
        text: 'Picked up by Ana after 7 s',
      },
      {
        kind: 'call.ended_by_customer',
        params: { durationSeconds: 120 },
        actor: undefined,
        text: 'Ended by the customer after 2:00',
      },
    ]);
    expect(summary).toMatchObject({
      from: customer.waId,
      to: business.display,
      outcome: 'completed',
      durationSeconds: 120,
      totalSeconds: 127,
    });
    expect(summary.history.map((a) => a.id)).toEqual([`${id}:connection`, `${id}:end`]);
  });

  it('answered, then ended by the agent before the terminate webhook arrives', () => {
    const steps: Step[] = [
      connect(id, IN, 0),
      { callId: id, kind: 'answered', agent: ben, at: at(4) },
      { callId: id, kind: 'ended', agent: ben, at: at(64) },
      terminate(id, IN, 65, { start: 4, end: 64 }),
    ];
    expect(statusesOf(steps)).toEqual(['ringing', 'ongoing', 'completed', 'completed']);
    const { record, activities } = story(steps);
    expect(record).toMatchObject({ endedBy: 'agent', durationSeconds: 60, agent: ben });
    expect(activities.at(-1)?.text).toBe('Ended by Ben after 1:00');
  });

  describe.each([
    {
      reason: 'no agent response in time',
      report: { kind: 'no_answer', agent: ana, at: at(20) },
      activity: {
        kind: 'call.missed_no_answer',
        params: { seconds: 20 },
        actor: 'Ana',
        text: 'Ana did not answer within 20 s',
      },
    },
    {
      reason: 'the agent declined',
      report: { kind: 'declined', agent: ana, at: at(8) },
      activity: {
        kind: 'call.agent_declined',
        params: { seconds: 8 },
        actor: 'Ana',
        text: 'Ana declined the call after 8 s',
      },
    },
    {
      reason: 'the agent was inactive',
      report: { kind: 'inactive', agent: ana, at: at(1) },
      activity: {
        kind: 'call.agent_inactive',
        params: { seconds: 1 },
        actor: 'Ana',
        text: 'Ana was inactive and could not take the call (1 s)',
      },
    },
    {
      reason: 'all agents were busy',
      report: { kind: 'all_busy', at: at(2) },
      activity: {
        kind: 'call.all_agents_busy',
        params: {},
        actor: undefined,
        text: 'All agents were busy',
      },
    },
    {
      reason: 'nobody was assigned',
      report: { kind: 'unassigned', at: at(3) },
      activity: {
        kind: 'call.unassigned',
        params: {},
        actor: undefined,
        text: 'The call was not assigned to any agent',
      },
    },
  ] as const)('missed because $reason', ({ report, activity }) => {
    const steps: Step[] = [connect(id, IN, 0), { callId: id, ...report }, terminate(id, IN, 45)];

    it('rings, then ends missed with the reason and the ring time', () => {
      expect(statusesOf(steps)).toEqual(['ringing', 'ringing', 'missed']);
      const { record, activities, summary } = story(steps);
      expect(record).toMatchObject({
        status: 'missed',
        outcome: 'missed',
        endedAt: at(45),
        endedBy: 'platform',
      });
      expect(record.agent).toBeUndefined();
      expect(record.durationSeconds).toBeUndefined();
      expect(panel(activities)).toEqual([
        activity,
        {
          kind: 'call.missed_no_answer',
          params: { seconds: 45 },
          actor: undefined,
          text: 'Missed: no agent answered within 45 s',
        },
      ]);
      expect(summary).toMatchObject({ outcome: 'missed', durationSeconds: 0, totalSeconds: 45 });
    });
  });

  it('missed because the customer hung up before the platform’s ring window', () => {
    const { record } = story([connect(id, IN, 0), terminate(id, IN, 12)]);
    expect(record).toMatchObject({ status: 'missed', endedBy: 'customer' });
  });

  it('missed because the platform failed the call (FAILED terminate): the platform ended it, however short it rang', () => {
    const { record } = story([connect(id, IN, 0), terminate(id, IN, 12, { status: 'failed' })]);
    expect(record).toMatchObject({ status: 'missed', outcome: 'missed', endedBy: 'platform' });
  });

  it('declined by the agent: final at once, and the terminate keeps it declined', () => {
    const steps: Step[] = [
      connect(id, IN, 0),
      { callId: id, kind: 'rejected', agent: ana, at: at(9) },
      terminate(id, IN, 10),
    ];
    expect(statusesOf(steps)).toEqual(['ringing', 'declined', 'declined']);
    const { record, activities, summary } = story(steps);
    expect(record).toMatchObject({ outcome: 'rejected', endedBy: 'agent', agent: ana });
    expect(panel(activities)).toEqual([
      {
        kind: 'call.agent_declined',
        params: { seconds: 9 },
        actor: 'Ana',
        text: 'Ana declined the call after 9 s',
      },
    ]);
    expect(summary.outcome).toBe('rejected');
  });

  it('dropped by the customer’s network (138022) mid-call', () => {
    const { record, activities, summary } = story([
      connect(id, IN, 0),
      { callId: id, kind: 'answered', agent: ana, at: at(5) },
      terminate(id, IN, 95, { start: 5, end: 95, errors: [networkError(138022)] }),
    ]);
    expect(record).toMatchObject({
      status: 'disconnected',
      outcome: 'dropped',
      endedBy: 'network',
      durationSeconds: 90,
    });
    expect(record.errors.map((e) => e.code)).toEqual([138022]);
    expect(panel(activities).at(-1)).toEqual({
      kind: 'call.dropped',
      params: { side: 'customer', code: 138022, durationSeconds: 90 },
      actor: undefined,
      text: 'Dropped after 1:30: network problem on the customer’s side (error 138022)',
    });
    expect(summary.outcome).toBe('dropped');
  });
});
