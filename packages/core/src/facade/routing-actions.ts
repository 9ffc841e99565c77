import { readOffer } from '../agents/offer-state';
import { callCustomerKey } from '../calls/derive-call-record';
import type { AgentEvent } from '../calls/record-agent-event';
import type { Agent, CallRecord } from '../calls/types';
import { WacallDecisionError } from '../errors/wacall-decision-error';
import { WacallValidationError } from '../errors/wacall-validation-error';
import type { DeclineOfferInput } from './agent-types';
import { callChange, readShownCall } from './call-change';
import { joinChanges, noChange } from './change';
import type { FacadeContext, RoutingSettings } from './facade-context';
import { transactFleet } from './fleet-transact';
import { deadlineWrite } from './permission-change';
import type { RoutingStep } from './routing-step';
import {
  bookWrite,
  closeOffer,
  offerNext,
  offerWrites,
  recordOf,
  stillRinging,
  withdrawal,
  withEvents,
} from './routing-step';
import { presenceMessage } from './presence-actions';
import { deadlineId } from './state-keys';

/**
 * An offered agent passes the call on: records `call.agent_declined` (seconds since it rang), stops
 * ringing them, and rings the next agents once nobody rings any more. Declining an offer that no longer
 * rings for this agent (it expired, was taken, or was declined already) changes nothing.
 */
export async function declineOffer(
  context: FacadeContext,
  settings: RoutingSettings,
  input: DeclineOfferInput,
): Promise<CallRecord> {
  checkCallAndAgent('declineOffer', input);
  const agent = { id: input.agent.id, name: input.agent.name };
  const { callId } = input;
  const callKey = context.keys.call(callId);
  return transactFleet(context, [callKey, context.keys.offer(callId)], callId, (values, fleet) => {
    const now = context.now();
    const facts = readShownCall(values[0]);
    const record = recordOf(context, facts);
    const state = readOffer(values[1]);
    if (!facts || !record) throw unknownCall(callId);
    if (!state?.offered.some((offered) => offered.id === agent.id)) {
      return { ...noChange(), result: record };
    }
    const left = state.offered.filter((offered) => offered.id !== agent.id);
    const declined: AgentEvent = { kind: 'declined', callId, at: now, agent };
    const withdrawn = withdrawal(context, callId, [agent], 'declined');
    let step: RoutingStep = {
      state: { ...state, offered: left },
      events: [],
      change: offerWrites(context, { ...state, offered: left }),
    };
    if (left.length === 0 && stillRinging(record)) {
      // Dated a millisecond after the decline it follows, so the history lists them in that order.
      step = offerNext(context, settings, step.state, fleet, record, now + 1, now);
    }
    const after = withEvents(facts, [declined, ...step.events]);
    const filed = callChange(context, facts, after);
    step.change.publish.unshift(withdrawn);
    return { ...joinChanges(filed.change, step.change), result: filed.record ?? record };
  });
}

/**
 * Passes on an offer nobody answered in time: `call.missed_no_answer` for each agent it rang (dated at
 * its expiry), then the next agents. `true` when it recorded something.
 */
export function sweepOffer(
  context: FacadeContext,
  settings: RoutingSettings,
  callId: string,
): Promise<boolean> {
  const keys = [context.keys.call(callId), context.keys.offer(callId)];
  return transactFleet(context, keys, callId, (values, fleet) => {
    const now = context.now();
    const facts = readShownCall(values[0]);
    const record = recordOf(context, facts);
    const state = readOffer(values[1]);
    const forget = { writes: [deadlineWrite(context, deadlineId.offer(callId), undefined)] };
    if (
      !facts ||
      !record ||
      !state ||
      state.offered.length === 0 ||
      state.expiresAt === undefined
    ) {
      return { ...forget, publish: [], result: false };
    }
    if (!stillRinging(record)) {
      // The end's webhook closes an offer; this one was lost or is late: close it the same way.
      const ended = record.endedAt !== undefined || record.outcome !== undefined;
      const step = closeOffer(context, state, ended ? 'ended' : 'accepted', record.agent);
      return { ...step.change, result: true };
    }
    if (state.expiresAt > now) {
      return { ...offerWrites(context, state), result: false };
    }
    const missed: AgentEvent[] = state.offered.map((agent) => ({
      kind: 'no_answer',
      callId,
      at: state.expiresAt ?? now,
      agent,
    }));
    const passed = { ...state, offered: [] };
    const step = offerNext(context, settings, passed, fleet, record, state.expiresAt + 1, now);
    const filed = callChange(context, facts, withEvents(facts, [...missed, ...step.events]));
    step.change.publish.unshift(withdrawal(context, callId, state.offered, 'expired'));
    return { ...joinChanges(filed.change, step.change), result: true };
  });
}

/**
 * The first accept of a routed call wins, fleet-wide, before anybody talks to Meta: the winner is
 * recorded (and made busy) in one commit; the agents still ringing are told `accepted`. An agent
 * who was not offered the call may take it too, as long as nobody has. A later accept by someone else
 * is refused with `call_taken`; the winner's own retry passes.
 */
export async function claimCall(context: FacadeContext, callId: string, agent: Agent) {
  const keys = [context.keys.call(callId), context.keys.offer(callId)];
  const winner = await transactFleet(context, keys, callId, (values, fleet) => {
    const state = readOffer(values[1]);
    const record = recordOf(context, readShownCall(values[0]));
    if (!state) return { ...noChange(), result: agent };
    if (state.takenBy) return { ...noChange(), result: state.takenBy };
    const step = closeOffer(context, state, 'accepted', agent);
    const entry = fleet.book[agent.id];
    if (entry && record) {
      const book = { ...fleet.book, [agent.id]: { ...entry, callId } };
      step.change.writes.push(bookWrite(context, book));
      // The call still rings at Meta, but it holds the agent from now on.
      step.change.publish.push(presenceMessage(context, { ...entry, callId }, record));
    }
    return { ...step.change, result: step.state.takenBy ?? agent };
  });
  if (winner.id === agent.id) return;
  const facts = readShownCall(await context.store.get(context.keys.call(callId)));
  const customer = facts ? callCustomerKey(recordOf(context, facts)?.customer ?? {}) : '';
  const base = await context.engine.check({ customer, action: 'start_call' });
  const { channel: _channel, retryAt: _retryAt, ...rest } = base;
  throw new WacallDecisionError({
    ...rest,
    action: 'accept_call',
    allowed: false,
    reason: 'call_taken',
    message: `${winner.name} (${winner.id}) has already answered call ${callId}. Stop ringing it on this console; it is theirs now.`,
  });
}

function checkCallAndAgent(operation: string, input: DeclineOfferInput): void {
  const value = input as Partial<DeclineOfferInput> | undefined;
  const issues = [];
  if (typeof value?.callId !== 'string' || value.callId === '') {
    issues.push({
      path: 'callId',
      message: `must be the call's id (got ${JSON.stringify(value?.callId)}).`,
      fix: 'Pass the callId of the `call.offered` event.',
    });
  }
  const agent = value?.agent as Partial<Agent> | undefined;
  if (!agent || typeof agent.id !== 'string' || agent.id === '' || typeof agent.name !== 'string') {
    issues.push({
      path: 'agent',
      message: 'must be { id, name } with a non-empty id.',
      fix: 'Pass the agent the offer rang, as in `call.offered` agents.',
    });
  }
  if (issues.length > 0) throw new WacallValidationError(operation, issues);
}

function unknownCall(callId: string): Error {
  return new WacallValidationError('declineOffer', [
    {
      path: 'callId',
      message: `names no call this helpdesk knows (${callId}).`,
      fix: 'Pass the callId of a `call.offered` event; offers exist only for calls ingested from webhooks.',
    },
  ]);
}
