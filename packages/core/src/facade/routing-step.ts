import type { AgentBook } from '../agents/agent-book';
import { chooseAgents } from '../agents/choose-agents';
import type { OfferState } from '../agents/offer-state';
import { hasDirection } from '../calls/apply-call-event';
import type { CallFacts } from '../calls/call-facts';
import type { AgentEvent } from '../calls/record-agent-event';
import { recordAgentEvent } from '../calls/record-agent-event';
import type { Agent, CallRecord } from '../calls/types';
import type { OfferWithdrawnReason } from './agent-types';
import { deriveCall } from './call-change';
import type { Change } from './change';
import type { FacadeContext, RoutingSettings } from './facade-context';
import { asJson } from './feed-message';
import type { FeedMessage } from './feed-message';
import type { Fleet } from './fleet-transact';
import { candidates } from './fleet-transact';
import { deadlineWrite } from './permission-change';
import { deadlineId } from './state-keys';

/** One routing step: the offer's next state, what it adds to the call's history, and its writes. */
export interface RoutingStep {
  state: OfferState;
  events: AgentEvent[];
  change: Change;
}

/** The offer's state and when the clock must pass it on (nothing while nobody rings). */
export function offerWrites(context: FacadeContext, state: OfferState): Change {
  const ringing = state.offered.length > 0 ? state.expiresAt : undefined;
  return {
    writes: [
      {
        type: 'set',
        key: context.keys.offer(state.callId),
        value: asJson(state),
        ttlMs: context.limits.retentionMs,
      },
      deadlineWrite(context, deadlineId.offer(state.callId), ringing),
    ],
    publish: [],
  };
}

export function withdrawal(
  context: FacadeContext,
  callId: string,
  agents: Agent[],
  reason: OfferWithdrawnReason,
  acceptedBy?: Agent,
): FeedMessage {
  return {
    b: context.businessDigits,
    type: 'call.offer_withdrawn',
    withdrawn: { callId, agents, reason, ...(acceptedBy ? { acceptedBy } : {}) },
  };
}

/** The agents' value with `change` applied to one agent (the whole value: it is one Store key). */
export function bookWrite(context: FacadeContext, book: AgentBook): Change['writes'][number] {
  return { type: 'set', key: context.keys.agents, value: asJson(book) };
}

/**
 * Rings the next agents for a call that rings nobody now, or records that nobody is left: an away
 * assignee (`inactive`), everyone in a call (`all_busy`), nobody who takes calls (`unassigned`).
 * `at` dates the history (when the previous offer ended); the new offer rings from `now`.
 */
export function offerNext(
  context: FacadeContext,
  settings: RoutingSettings,
  state: OfferState,
  fleet: Fleet,
  own: CallRecord,
  at: number,
  now: number,
): RoutingStep {
  const next = chooseAgents(settings.strategy, candidates(fleet, own), state.tried, state.assignee);
  const callId = state.callId;
  const events: AgentEvent[] = next.inactive.map((agent) => ({
    kind: 'inactive',
    callId,
    at,
    agent,
  }));
  if (next.nobody) events.push({ kind: next.nobody, callId, at });
  const { expiresAt: _previous, closed: _closed, ...rest } = state;
  if (next.agents.length === 0) {
    const after: OfferState = { ...rest, offered: [], tried: next.tried, closed: 'nobody' };
    return { state: after, events, change: offerWrites(context, after) };
  }
  const expiresAt = now + settings.ringMs;
  const after: OfferState = { ...rest, offered: next.agents, tried: next.tried, expiresAt };
  const book = { ...fleet.book };
  for (const agent of next.agents) {
    const entry = book[agent.id];
    if (entry) book[agent.id] = { ...entry, lastOfferedAt: now };
  }
  const change = offerWrites(context, after);
  change.writes.push(bookWrite(context, book));
  change.publish.push({
    b: context.businessDigits,
    type: 'call.offered',
    offer: { callId, customer: state.customer, agents: next.agents, expiresAt },
  });
  return { state: after, events, change };
}

/** Stops routing a call that no longer rings: it ended, or somebody answered it (here or elsewhere). */
export function closeOffer(
  context: FacadeContext,
  state: OfferState,
  reason: 'ended' | 'accepted',
  acceptedBy?: Agent,
): RoutingStep {
  const after: OfferState = { ...state, offered: [], closed: reason };
  delete after.expiresAt;
  if (acceptedBy) after.takenBy = acceptedBy;
  const change = offerWrites(context, after);
  const others = state.offered.filter((agent) => agent.id !== acceptedBy?.id);
  if (others.length > 0) {
    change.publish.push(withdrawal(context, state.callId, others, reason, acceptedBy));
  }
  return { state: after, events: [], change };
}

/** Adds routing's agent events to a call's facts (the same path `recordAgentEvent` takes). */
export function withEvents(facts: CallFacts, events: readonly AgentEvent[]): CallFacts {
  return events.reduce((current, event) => recordAgentEvent(current, event), facts);
}

/** The record a call's facts stand for, when its direction is known. */
export function recordOf(context: FacadeContext, facts: CallFacts | undefined) {
  return facts && hasDirection(facts) ? deriveCall(context, facts).record : undefined;
}

/** Whether routing still has work on this call: it rings at Meta and nobody took it. */
export const stillRinging = (record: CallRecord | undefined): boolean =>
  record?.direction === 'user_initiated' && record.status === 'ringing';
