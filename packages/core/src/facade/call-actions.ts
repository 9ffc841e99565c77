import { recordAgentEvent } from '../calls/record-agent-event';
import type { CallRecord } from '../calls/types';
import { WacallDecisionError } from '../errors/wacall-decision-error';
import type { FacadeContext } from './facade-context';
import { changeCall, notePermission } from './facade-context';
import { activeCallOf } from './customer-reader';
import type { WacallAcceptCallInput, CallActionInput, StartCallInput } from './wacall-types';

/**
 * Places a business-initiated call: reserve the use (every limit checked atomically), dial, then
 * commit — or release the reservation when Meta refused, so a failed call costs nothing.
 */
export async function startCall(
  context: FacadeContext,
  businessNumber: string,
  input: StartCallInput,
): Promise<CallRecord> {
  const activeCall = await activeCallOf(context, input.to);
  const reservation = await context.engine.reserve({
    customer: input.to,
    action: 'start_call',
    ...(activeCall ? { activeCallId: activeCall.callId } : {}),
  });
  if (!reservation.allowed) throw new WacallDecisionError(reservation);
  let callId: string;
  try {
    ({ callId } = await context.client.calls.connect({
      to: input.to,
      sdp: input.sdp,
      bizOpaqueCallbackData: input.bizOpaqueCallbackData,
      recording: input.recording,
      transcription: input.transcription,
    }));
  } catch (error) {
    await reservation.release();
    throw error;
  }
  await reservation.commit({ callId });
  const at = context.now();
  const record = await changeCall(context, callId, (facts) =>
    recordAgentEvent(facts, {
      kind: 'started',
      callId,
      at,
      agent: input.agent,
      customer: { waId: input.to },
      businessNumber,
      ...(input.bizOpaqueCallbackData === undefined
        ? {}
        : { bizOpaqueCallbackData: input.bizOpaqueCallbackData }),
    }),
  );
  await notePermission(context, input.to, at);
  return record;
}

/** Answers an incoming call: pre-accept lets media set up, accept (same SDP) picks up. */
export async function acceptCall(
  context: FacadeContext,
  input: WacallAcceptCallInput,
): Promise<CallRecord> {
  const { callId, sdp } = input;
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
  const at = context.now();
  return changeCall(context, input.callId, (facts) =>
    recordAgentEvent(facts, { kind, callId: input.callId, at, agent: input.agent }),
  );
}
