import { recordAgentEvent } from '../calls/record-agent-event';
import type { AgentEvent } from '../calls/record-agent-event';
import { CallLifecycleError } from '../calls/call-lifecycle-error';
import type { CallRecord } from '../calls/types';
import { WacallDecisionError } from '../errors/wacall-decision-error';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { correlationReserve, withCorrelation } from '../permissions/correlation';
import { customerKey } from '../permissions/customer-key';
import { commitUse } from '../permissions/reservation';
import { callChange, readCall } from './call-change';
import type { FacadeContext } from './facade-context';
import { changePermission, reserve, settleFailure } from './reserve';
import { transact } from './transact';
import { joinChanges } from './change';
import { startedCallChange } from './presence-actions';
import { claimCall } from './routing-actions';
import type { CallActionInput, StartCallInput, WacallAcceptCallInput } from './wacall-types';

const maxCallbackData = 512 - correlationReserve;

/**
 * Places a business-initiated call: reserve the use (every limit checked atomically), dial, then
 * commit the call and its activity in one go. Meta's refusal gives the reservation back; an unknown
 * outcome (timeout, network, 5xx, unreadable answer) keeps it, so the next click cannot dial twice.
 */
export async function startCall(
  context: FacadeContext,
  businessNumber: string,
  input: StartCallInput,
): Promise<CallRecord> {
  checkCallbackData('startCall', input.bizOpaqueCallbackData);
  const customer = customerKey(input.to);
  const agent = { id: input.agent.id, name: input.agent.name };
  const { decision, reserved } = await reserve(
    context,
    customer,
    { action: 'start_call' },
    { agent },
  );
  if (!reserved) throw new WacallDecisionError(decision);
  let callId: string;
  try {
    ({ callId } = await context.client.calls.connect({
      to: input.to,
      sdp: input.sdp,
      // The token sits in the platform's 512 characters; the helpdesk's data comes back without it.
      bizOpaqueCallbackData: withCorrelation(reserved.id, input.bizOpaqueCallbackData),
      recording: input.recording,
      transcription: input.transcription,
    }));
  } catch (error) {
    await settleFailure(context, customer, reserved, error);
    throw error;
  }
  const started: AgentEvent = {
    kind: 'started',
    callId,
    // The reservation's time, as a webhook that confirms the call by its token would record it.
    at: reserved.at,
    agent,
    customer: /^\d+$/.test(customer) ? { waId: customer } : { userId: customer },
    businessNumber,
    ...(input.bizOpaqueCallbackData === undefined
      ? {}
      : { bizOpaqueCallbackData: input.bizOpaqueCallbackData }),
  };
  const keys = [context.keys.call(callId), context.keys.agents];
  return changePermission(context, customer, keys, (state, _now, [call, agents]) => {
    const before = readCall(call);
    const { change, record } = callChange(context, before, recordAgentEvent(before, started));
    return {
      after: commitUse(state, 'start_call', reserved.id, { callId }) ?? state,
      // The agent is busy from the moment the call is placed.
      also: joinChanges(change, startedCallChange(context, agents, record)),
      result: shown(record, callId),
    };
  });
}

/** Answers an incoming call: pre-accept lets media set up, accept (same SDP) picks up. */
export async function acceptCall(
  context: FacadeContext,
  input: WacallAcceptCallInput,
): Promise<CallRecord> {
  checkCallbackData('acceptCall', input.bizOpaqueCallbackData);
  const { callId, sdp } = input;
  // With routing, the first accept wins before Meta hears of it: a loser never touches the call.
  if (context.routing)
    await claimCall(context, callId, { id: input.agent.id, name: input.agent.name });
  await context.client.calls.preAccept({ callId, sdp });
  await context.client.calls.accept({
    callId,
    sdp,
    ...(input.bizOpaqueCallbackData === undefined
      ? {}
      : { bizOpaqueCallbackData: input.bizOpaqueCallbackData }),
  });
  return recordAction(context, 'answered', input);
}

export async function rejectCall(
  context: FacadeContext,
  input: CallActionInput,
): Promise<CallRecord> {
  await context.client.calls.reject({ callId: input.callId });
  return recordAction(context, 'rejected', input);
}

export async function endCall(context: FacadeContext, input: CallActionInput): Promise<CallRecord> {
  await context.client.calls.terminate({ callId: input.callId });
  return recordAction(context, 'ended', input);
}

function recordAction(
  context: FacadeContext,
  kind: 'answered' | 'rejected' | 'ended',
  input: CallActionInput,
): Promise<CallRecord> {
  return changeCall(context, { kind, callId: input.callId, at: context.now(), agent: input.agent });
}

/** Adds an agent event to a call's facts and files what it changes, in one commit. */
export function changeCall(context: FacadeContext, event: AgentEvent): Promise<CallRecord> {
  const key = context.keys.call(event.callId);
  return transact(context, [key], ([value]) => {
    const before = readCall(value);
    const { change, record } = callChange(context, before, recordAgentEvent(before, event));
    return { ...change, result: shown(record, event.callId) };
  });
}

/** An agent event always tells a call's direction, except an `ended` report about a call known only by a file. */
function shown(record: CallRecord | undefined, callId: string): CallRecord {
  if (record) return record;
  throw new CallLifecycleError(
    'unknown_call',
    `Call ${callId} is known only by a recording or transcript so far, which does not tell its direction. ` +
      'Apply its connect or terminate webhook first.',
    { callId },
  );
}

function checkCallbackData(operation: string, data: string | undefined): void {
  if (data === undefined || (typeof data === 'string' && data.length <= maxCallbackData)) return;
  throw new WacallValidationError(operation, [
    {
      path: 'bizOpaqueCallbackData',
      message: `must be a string of at most ${maxCallbackData} characters (got ${typeof data === 'string' ? `${data.length}` : typeof data}): @wacall keeps ${correlationReserve} of the platform's 512 for the token that recognises its own calls.`,
      fix: 'Store larger data in your helpdesk and pass its id (a ticket id, say).',
    },
  ]);
}
