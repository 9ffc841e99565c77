// Builders of webhook events and agent events for the lifecycle's tests, shaped like parser output.
import type {
  CallConnectEvent,
  CallDirection,
  CallStatusEvent,
  CallTerminateEvent,
  WebhookError,
} from '../../src/webhooks/events';
import type { CallEvent } from '../../src/calls/apply-call-event';
import { applyCallEvent } from '../../src/calls/apply-call-event';
import type { CallFacts } from '../../src/calls/call-facts';
import type { AgentEvent } from '../../src/calls/record-agent-event';
import { recordAgentEvent } from '../../src/calls/record-agent-event';
import { deriveCallActivities } from '../../src/calls/derive-call-activities';
import { deriveCallRecord } from '../../src/calls/derive-call-record';
import { summarizeCall } from '../../src/calls/summarize-call';
import type { Activity, Agent } from '../../src/calls/types';

/** A Monday morning, in epoch ms; `at(s)` is `s` seconds later. */
export const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const at = (seconds: number): number => t0 + seconds * 1000;

export const business = { phoneNumberId: '106540352242922', display: '15550001111' };
export const customer = { waId: '4915112345678', userId: 'DE.8812345', name: 'Mia Keller' };
export const ana: Agent = { id: 'agent-ana', name: 'Ana' };
export const ben: Agent = { id: 'agent-ben', name: 'Ben' };

const base = (timestamp: number) => ({
  wabaId: '102290129340398',
  phoneNumberId: business.phoneNumberId,
  displayPhoneNumber: business.display,
  timestamp,
  raw: {},
});

const contact = { waId: customer.waId, userId: customer.userId, name: customer.name };

function parties(direction: CallDirection) {
  return direction === 'user_initiated'
    ? { from: customer.waId, to: business.display, fromUserId: customer.userId }
    : { from: business.display, to: customer.waId, toUserId: customer.userId };
}

export function connect(
  callId: string,
  direction: CallDirection,
  seconds: number,
): CallConnectEvent {
  return {
    ...base(at(seconds)),
    type: 'call.connect',
    callId,
    direction,
    ...parties(direction),
    session: { sdpType: direction === 'user_initiated' ? 'offer' : 'answer', sdp: 'v=0\r\n' },
    contact,
  };
}

export function status(callId: string, value: string, seconds: number): CallStatusEvent {
  return {
    ...base(at(seconds)),
    type: 'call.status',
    callId,
    status: value,
    recipientId: customer.waId,
    recipientUserId: customer.userId,
  };
}

export interface TerminateTiming {
  /** Seconds after t0 the other party picked up; leave out for an unanswered call. */
  start?: number;
  end?: number;
  errors?: WebhookError[];
  status?: string;
}

export function terminate(
  callId: string,
  direction: CallDirection,
  seconds: number,
  timing: TerminateTiming = {},
): CallTerminateEvent {
  const answered = timing.start !== undefined;
  const end = timing.end ?? seconds;
  const event: CallTerminateEvent = {
    ...base(at(seconds)),
    type: 'call.terminate',
    callId,
    direction,
    ...parties(direction),
    status: timing.status ?? (timing.errors?.length ? 'failed' : 'completed'),
    answered,
    errors: timing.errors ?? [],
    contact,
  };
  if (answered && timing.start !== undefined) {
    event.startTime = at(timing.start);
    event.endTime = at(end);
    event.durationSeconds = end - timing.start;
  }
  return event;
}

export function networkError(code: number): WebhookError {
  return { code, title: 'Call dropped', message: 'Media timeout', details: `code ${code}` };
}

/** One thing that happens to a call: a webhook event or an agent event. */
export type Step = CallEvent | AgentEvent;

export function feed(facts: CallFacts | undefined, step: Step): CallFacts {
  return 'type' in step ? applyCallEvent(facts, step) : recordAgentEvent(facts, step);
}

/** Feeds the steps in order; returns the facts after each one. */
export function replay(steps: readonly Step[]): CallFacts[] {
  const states: CallFacts[] = [];
  let facts: CallFacts | undefined;
  for (const step of steps) {
    facts = feed(facts, step);
    states.push(facts);
  }
  return states;
}

/** The facts after all steps. */
export function factsOf(steps: readonly Step[]): CallFacts {
  const states = replay(steps);
  const last = states[states.length - 1];
  if (!last) throw new Error('replay needs at least one step');
  return last;
}

/** The statuses an agent would have seen after each step. */
export const statusesOf = (steps: Step[]) =>
  replay(steps).map((facts) => deriveCallRecord(facts).status);

/** What the activity panel shows: kind, params, who, and the text. */
export const panel = (activities: Activity[]) =>
  activities.map(({ kind, params, actor, text }) => ({ kind, params, actor: actor?.name, text }));

/** The record, activities and post-call summary at the end of a story. */
export function story(steps: Step[]) {
  const facts = factsOf(steps);
  const record = deriveCallRecord(facts);
  const activities = deriveCallActivities(facts);
  return { record, activities, summary: summarizeCall(record, activities) };
}
