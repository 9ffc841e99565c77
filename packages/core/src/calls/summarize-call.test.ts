import { describe, expect, it } from 'vitest';
import { isCallLifecycleError } from './call-lifecycle-error';
import { deriveCallActivities } from './derive-call-activities';
import { deriveCallRecord } from './derive-call-record';
import { callInviteSentActivity } from './permission-activities';
import { summarizeCall } from './summarize-call';
import {
  ana,
  at,
  business,
  connect,
  customer,
  factsOf,
  status,
  terminate,
} from '../../test/support/test-events';

describe('summarizeCall', () => {
  const id = 'wacid.sum';
  const steps = [
    {
      callId: id,
      kind: 'started',
      agent: ana,
      at: at(0),
      customer: { waId: customer.waId },
    } as const,
    status(id, 'RINGING', 3),
    status(id, 'ACCEPTED', 9),
    { callId: id, kind: 'ended', agent: ana, at: at(309) } as const,
    terminate(id, 'business_initiated', 310, { start: 9, end: 309 }),
  ];

  it('gives the ticket its numbers, durations, outcome and this call’s history in story order', () => {
    const facts = factsOf(steps);
    const record = deriveCallRecord(facts);
    const invite = callInviteSentActivity({
      customer: customer.waId,
      at: at(-600),
      agent: ana,
      channel: 'free_form',
    });
    const summary = summarizeCall(
      record,
      [...deriveCallActivities(facts)].reverse().concat(invite),
    );
    expect(summary).toEqual({
      callId: id,
      direction: 'business_initiated',
      from: business.display,
      to: customer.waId,
      customer,
      businessNumber: business.display,
      outcome: 'completed',
      status: 'completed',
      startedAt: at(0),
      answeredAt: at(9),
      endedAt: at(309),
      durationSeconds: 300,
      totalSeconds: 309,
      agent: ana,
      endedBy: 'agent',
      errors: [],
      history: deriveCallActivities(facts),
    });
    expect(summary.history.map((a) => a.text)).toEqual([
      'Call placed by Ana',
      'Picked up by the customer after 9 s',
      'Ended by Ana after 5:00',
    ]);
  });

  it('refuses a call that has not ended, saying when to ask', () => {
    const ringing = deriveCallRecord(factsOf([connect(id, 'user_initiated', 0)]));
    let thrown: unknown;
    try {
      summarizeCall(ringing);
    } catch (error) {
      thrown = error;
    }
    expect(isCallLifecycleError(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      code: 'call_not_ended',
      callId: id,
      message: expect.stringContaining('still ringing'),
    });
  });
});
