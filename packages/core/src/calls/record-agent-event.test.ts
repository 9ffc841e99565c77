import { describe, expect, it } from 'vitest';
import { applyCallEvent } from './apply-call-event';
import { CallLifecycleError, isCallLifecycleError } from './call-lifecycle-error';
import { deriveCallRecord } from './derive-call-record';
import type { AgentEvent } from './record-agent-event';
import { recordAgentEvent } from './record-agent-event';
import { ana, at, business, connect, customer } from '../../test/support/test-events';

function errorOf(run: () => unknown): CallLifecycleError {
  try {
    run();
  } catch (error) {
    if (isCallLifecycleError(error)) return error;
    throw error;
  }
  throw new Error('expected a CallLifecycleError');
}

describe('recordAgentEvent', () => {
  it('a started call is `calling` with its customer, number and agent before any webhook', () => {
    const facts = recordAgentEvent(undefined, {
      callId: 'wacid.s',
      kind: 'started',
      agent: ana,
      at: at(0),
      customer: { waId: customer.waId, name: customer.name },
      businessNumber: business.display,
      bizOpaqueCallbackData: 'ticket-4411',
    });
    expect(deriveCallRecord(facts)).toEqual({
      callId: 'wacid.s',
      direction: 'business_initiated',
      customer: { waId: customer.waId, name: customer.name },
      businessNumber: business.display,
      status: 'calling',
      createdAt: at(0),
      agent: ana,
      errors: [],
      bizOpaqueCallbackData: 'ticket-4411',
    });
  });

  it('keeps a formatted phone number as the bare digits webhooks use', () => {
    const facts = recordAgentEvent(undefined, {
      callId: 'wacid.f',
      kind: 'started',
      agent: ana,
      at: at(0),
      customer: { waId: '+49 151 1234-5678' },
    });
    expect(deriveCallRecord(facts).customer).toEqual({ waId: customer.waId });
  });

  it('an assignment report alone makes an incoming call that is ringing', () => {
    const facts = recordAgentEvent(undefined, { callId: 'wacid.a', kind: 'all_busy', at: at(3) });
    expect(deriveCallRecord(facts)).toMatchObject({
      direction: 'user_initiated',
      status: 'ringing',
    });
  });

  it('the webhook’s direction wins over what agent events imply', () => {
    const outgoing = applyCallEvent(undefined, connect('wacid.d', 'business_initiated', 0));
    const facts = recordAgentEvent(outgoing, {
      callId: 'wacid.d',
      kind: 'answered',
      agent: ana,
      at: at(2),
    });
    expect(deriveCallRecord(facts)).toMatchObject({
      direction: 'business_initiated',
      status: 'calling',
    });
  });

  it('refuses an `ended` report for a call nothing else is known of', () => {
    const error = errorOf(() =>
      recordAgentEvent(undefined, { callId: 'wacid.u', kind: 'ended', agent: ana, at: at(1) }),
    );
    expect(error).toMatchObject({ code: 'unknown_call', callId: 'wacid.u' });
    expect(error.message).toContain('Apply its webhook events');
  });

  it('refuses facts of another call', () => {
    const facts = recordAgentEvent(undefined, {
      callId: 'wacid.one',
      kind: 'unassigned',
      at: at(1),
    });
    const error = errorOf(() =>
      recordAgentEvent(facts, { callId: 'wacid.two', kind: 'unassigned', at: at(2) }),
    );
    expect(error).toMatchObject({ code: 'call_id_mismatch' });
    expect(error.message).toContain('wacid.two');
  });

  it.each([
    ['no call id', { callId: '', kind: 'answered', agent: ana, at: at(0) }, /non-empty `callId`/],
    [
      'an unknown kind',
      { callId: 'wacid.k', kind: 'picked', agent: ana, at: at(0) },
      /Unknown agent event kind "picked"/,
    ],
    [
      'a time in seconds as a string',
      { callId: 'wacid.k', kind: 'answered', agent: ana, at: '1767600000' },
      /epoch milliseconds/,
    ],
    [
      'no agent where one is required',
      { callId: 'wacid.k', kind: 'declined', at: at(0) },
      /needs `agent`/,
    ],
    [
      'a nameless agent',
      { callId: 'wacid.k', kind: 'answered', agent: { id: 'a', name: '' }, at: at(0) },
      /needs `agent`/,
    ],
    [
      'a started call without a customer',
      { callId: 'wacid.k', kind: 'started', agent: ana, at: at(0), customer: {} },
      /`customer` with a `waId` or `userId`/,
    ],
  ])('refuses %s with a message that says what to pass', (_case, input, message) => {
    const error = errorOf(() => recordAgentEvent(undefined, input as unknown as AgentEvent));
    expect(error.code).toBe('invalid_agent_event');
    expect(error.message).toMatch(message);
  });
});

describe('recordAgentEvent: one word per concept', () => {
  const incoming = () => applyCallEvent(undefined, connect('wacid.w', 'user_initiated', 0));

  it('`accepted` picks up an incoming call: ongoing, handled by the agent', () => {
    const facts = recordAgentEvent(incoming(), {
      callId: 'wacid.w',
      kind: 'accepted',
      agent: ana,
      at: at(4),
    });
    expect(deriveCallRecord(facts)).toMatchObject({ status: 'ongoing', agent: ana });
  });

  it('`declined_call` turns the incoming call down for good, unlike `declined` (an offer)', () => {
    const declinedCall = recordAgentEvent(incoming(), {
      callId: 'wacid.w',
      kind: 'declined_call',
      agent: ana,
      at: at(4),
    });
    expect(deriveCallRecord(declinedCall)).toMatchObject({
      status: 'declined',
      outcome: 'rejected',
    });
    const declinedOffer = recordAgentEvent(incoming(), {
      callId: 'wacid.w',
      kind: 'declined',
      agent: ana,
      at: at(4),
    });
    expect(deriveCallRecord(declinedOffer)).toMatchObject({ status: 'ringing' });
  });

  it.each([
    ['answered', 'accepted'],
    ['rejected', 'declined_call'],
  ] as const)('still records the deprecated `%s` exactly like `%s`', (old, current) => {
    const event = { callId: 'wacid.w', agent: ana, at: at(4) };
    expect(recordAgentEvent(incoming(), { ...event, kind: old })).toEqual(
      recordAgentEvent(incoming(), { ...event, kind: current }),
    );
  });

  it('names only the current kinds when it refuses an unknown one', () => {
    const error = errorOf(() =>
      recordAgentEvent(undefined, {
        callId: 'wacid.k',
        kind: 'answer',
        agent: ana,
        at: at(0),
      } as unknown as AgentEvent),
    );
    expect(error.message).toContain('accepted, declined_call');
    expect(error.message).not.toMatch(/answered|rejected/);
  });
});

describe('CallLifecycleError', () => {
  it('is recognised across copies of the package, and is a WacallError', () => {
    const foreign = Object.assign(new Error('elsewhere'), {
      [Symbol.for('wacall.error.CallLifecycleError')]: true,
    });
    expect(isCallLifecycleError(foreign)).toBe(true);
    expect(isCallLifecycleError(new Error('plain'))).toBe(false);
    const ours = new CallLifecycleError('call_not_ended', 'still ringing');
    expect(CallLifecycleError.isInstance(ours)).toBe(true);
    expect(ours.name).toBe('CallLifecycleError');
    expect(ours).toBeInstanceOf(Error);
  });
});
