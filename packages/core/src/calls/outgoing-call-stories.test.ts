// Outgoing calls from dial to ticket: statuses after each event, activities, post-call outcome.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../test/support/test-events';
import {
  ana,
  at,
  business,
  connect,
  customer,
  networkError,
  panel,
  status,
  statusesOf,
  story,
  terminate,
} from '../../test/support/test-events';

const OUT = 'business_initiated';

describe('outgoing call stories', () => {
  const id = 'wacid.out-1';
  const started = {
    callId: id,
    kind: 'started',
    agent: ana,
    at: at(0),
    customer: { waId: customer.waId },
    businessNumber: business.display,
  } as const;

  it('answered by the customer: the connect webhook is media, not an answer', () => {
    const steps: Step[] = [
      started,
      connect(id, OUT, 1),
      status(id, 'RINGING', 2),
      status(id, 'ACCEPTED', 11),
      terminate(id, OUT, 72, { start: 11, end: 71 }),
    ];
    expect(statusesOf(steps)).toEqual(['calling', 'calling', 'ringing', 'ongoing', 'completed']);
    const { record, activities, summary } = story(steps);
    expect(record).toMatchObject({
      direction: OUT,
      createdAt: at(0),
      ringingAt: at(2),
      answeredAt: at(11),
      durationSeconds: 60,
      agent: ana,
      endedBy: 'customer',
      outcome: 'completed',
    });
    expect(panel(activities)).toEqual([
      { kind: 'call.started_by_agent', params: {}, actor: 'Ana', text: 'Call placed by Ana' },
      {
        kind: 'call.answered_by_customer',
        params: { seconds: 11 },
        actor: undefined,
        text: 'Picked up by the customer after 11 s',
      },
      {
        kind: 'call.ended_by_customer',
        params: { durationSeconds: 60 },
        actor: undefined,
        text: 'Ended by the customer after 1:00',
      },
    ]);
    expect(summary).toMatchObject({
      from: business.display,
      to: customer.waId,
      outcome: 'completed',
      durationSeconds: 60,
    });
  });

  it('unanswered: the platform gives up', () => {
    const steps: Step[] = [
      started,
      connect(id, OUT, 1),
      status(id, 'RINGING', 2),
      terminate(id, OUT, 32),
    ];
    expect(statusesOf(steps)).toEqual(['calling', 'calling', 'ringing', 'unanswered']);
    const { record, activities, summary } = story(steps);
    expect(record).toMatchObject({ outcome: 'missed', endedBy: 'platform', endedAt: at(32) });
    expect(panel(activities).at(-1)).toEqual({
      kind: 'call.unanswered',
      params: { seconds: 32, endedBy: 'platform' },
      actor: undefined,
      text: 'No answer: the call timed out after 32 s',
    });
    expect(summary).toMatchObject({ outcome: 'missed', durationSeconds: 0 });
  });

  it('unanswered: the agent hangs up while it rings', () => {
    const steps: Step[] = [
      started,
      status(id, 'RINGING', 2),
      { callId: id, kind: 'ended', agent: ana, at: at(20) },
      terminate(id, OUT, 21),
    ];
    expect(statusesOf(steps)).toEqual(['calling', 'ringing', 'unanswered', 'unanswered']);
    const { record, activities } = story(steps);
    expect(record.endedBy).toBe('agent');
    expect(activities.at(-1)).toMatchObject({
      kind: 'call.unanswered',
      params: { seconds: 20, endedBy: 'agent' },
      text: 'No answer: ended by Ana after 20 s',
    });
  });

  it('rejected by the customer: declined at once, outcome rejected', () => {
    const steps: Step[] = [
      started,
      connect(id, OUT, 1),
      status(id, 'RINGING', 2),
      status(id, 'REJECTED', 6),
      terminate(id, OUT, 7),
    ];
    expect(statusesOf(steps)).toEqual(['calling', 'calling', 'ringing', 'declined', 'declined']);
    const { record, activities, summary } = story(steps);
    expect(record).toMatchObject({ outcome: 'rejected', endedBy: 'customer' });
    expect(panel(activities).at(-1)).toEqual({
      kind: 'call.rejected_by_customer',
      params: { seconds: 6 },
      actor: undefined,
      text: 'Rejected by the customer after 6 s',
    });
    expect(summary.outcome).toBe('rejected');
  });

  it('dropped on the agent’s side (138021): FAILED with timing means it had connected', () => {
    const steps: Step[] = [
      started,
      status(id, 'RINGING', 2),
      status(id, 'ACCEPTED', 5),
      terminate(id, OUT, 46, { start: 5, end: 45, errors: [networkError(138021)] }),
    ];
    expect(statusesOf(steps)).toEqual(['calling', 'ringing', 'ongoing', 'disconnected']);
    const { record, activities, summary } = story(steps);
    expect(record).toMatchObject({ outcome: 'dropped', endedBy: 'network', durationSeconds: 40 });
    expect(panel(activities).at(-1)).toEqual({
      kind: 'call.dropped',
      params: { side: 'agent', code: 138021, durationSeconds: 40 },
      actor: undefined,
      text: 'Dropped after 0:40: network problem on the agent’s side (error 138021)',
    });
    expect(summary.outcome).toBe('dropped');
  });

  it('lost before pickup (138020): disconnected, told once, without a duration', () => {
    const { record, activities } = story([
      started,
      terminate(id, OUT, 9, { errors: [networkError(138020)] }),
    ]);
    expect(record).toMatchObject({ status: 'disconnected', outcome: 'dropped' });
    expect(record.durationSeconds).toBeUndefined();
    expect(activities.map((a) => a.text)).toEqual([
      'Call placed by Ana',
      'Dropped: network problem on the customer’s side (error 138020)',
    ]);
  });

  it('a media failure the platform cannot place (138023) is a drop on an unknown side', () => {
    const { activities } = story([
      started,
      terminate(id, OUT, 30, { start: 3, end: 30, errors: [networkError(138023)] }),
    ]);
    expect(activities.at(-1)).toMatchObject({
      params: { side: 'unknown', code: 138023, durationSeconds: 27 },
      text: 'Dropped after 0:27: the connection was lost (error 138023)',
    });
  });
});
