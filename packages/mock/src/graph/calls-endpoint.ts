/** `POST /{phone-number-id}/calls`: connect, pre_accept, accept, reject, terminate (Meta "Calling API reference"). */
import { fieldLimits, rollingLimitPeriod } from '@wacall/core/platform';
import { endCall, pickUp, startOutgoingCall, type LifecycleContext } from '../flows/call-lifecycle';
import { conversationFor, hasCallPermission } from '../world/conversations';
import { isObject, type JsonObject } from '../world/json-object';
import { checkLimit } from '../world/limits';
import { activeCallOf } from '../world/snapshots';
import type { BusinessState, CallState } from '../world/state';
import type { World } from '../world/world';
import type { EndpointResult } from './graph-context';
import { assertBusinessCallingAvailable } from './permission-refusals';
import {
  checkMediaOptIn,
  invalid,
  optionalString,
  recipientWaId,
  requireObject,
  requireString,
  requireWhatsApp,
} from './request-fields';
import { findSdpProblems } from './sdp-checks';
import { SimulatedGraphError } from './simulated-graph-error';

/** What `/calls` reads and writes: the call state machine's context, and who the customers are. */
export type CallsEndpointContext = LifecycleContext & Pick<World, 'customers' | 'conversations'>;

const success = { messaging_product: 'whatsapp', success: true };

function srtpOf(business: BusinessState): 'DTLS' | 'SDES' {
  return String(business.calling['srtp_key_exchange_protocol'] ?? 'DTLS').toUpperCase() === 'SDES'
    ? 'SDES'
    : 'DTLS';
}

/** `session` with the expected `sdp_type` and an SDP the platform can use. */
function readSession(
  body: JsonObject,
  business: BusinessState,
  sdpType: 'offer' | 'answer',
): string {
  const session = requireObject(body, 'session');
  if (session['sdp_type'] !== sdpType) {
    throw invalid(
      `session.sdp_type must be "${sdpType}" for action ${String(body['action'])}; got ${JSON.stringify(session['sdp_type'])}.`,
    );
  }
  const problems = findSdpProblems(session['sdp'], sdpType, srtpOf(business));
  if (problems.length > 0) throw invalid(`Invalid SDP: ${problems.join('; ')}.`);
  return session['sdp'] as string;
}

function findCall(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
): CallState {
  const callId = requireString(body, 'call_id');
  const call = context.calls.get(callId);
  if (call === undefined || call.conversation.business !== business) {
    throw invalid(
      `The call_id ${callId} does not match any call of phone number ${business.phoneNumberId}.`,
    );
  }
  if (call.phase === 'ended') {
    throw invalid(
      `The call ${callId} has already ended (${call.end ?? 'ended'}); it can no longer be changed.`,
    );
  }
  return call;
}

function findRingingIncoming(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
) {
  const call = findCall(context, business, body);
  if (call.direction !== 'USER_INITIATED') {
    throw invalid(
      `The call ${call.id} is business-initiated; ${String(body['action'])} applies to calls from users.`,
    );
  }
  if (call.phase === 'ongoing') {
    throw invalid(`The call ${call.id} is already in progress; it was accepted before.`);
  }
  return call;
}

function connect(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  const waId = recipientWaId(context, body);
  const offerSdp = readSession(body, business, 'offer');
  const bizOpaqueCallbackData = optionalString(
    body,
    'biz_opaque_callback_data',
    fieldLimits.bizOpaqueCallbackData.maxLength,
  );
  const recording = checkMediaOptIn(body, 'recording');
  const transcription = checkMediaOptIn(body, 'transcription');
  assertBusinessCallingAvailable(context, business);
  const conversation = conversationFor(context, business, waId);
  const now = context.clock.now();
  if (!hasCallPermission(conversation, now)) {
    throw SimulatedGraphError.of(
      138006,
      `User ${waId} has not granted call permission to ${business.displayPhoneNumber}. Send a call permission request first.`,
    );
  }
  const active = activeCallOf(context, conversation);
  if (active !== undefined) {
    throw SimulatedGraphError.of(
      138003,
      `A call with user ${waId} is already in progress (${active.id}).`,
    );
  }
  const callLimit = checkLimit(
    conversation.connectedCalls,
    context.limits.connectedCallsPerUser,
    now,
  );
  if (callLimit.exhausted) {
    const next =
      callLimit.freesAt === undefined
        ? ''
        : ` The next call is allowed at ${new Date(callLimit.freesAt).toISOString()} (unix ${Math.floor(callLimit.freesAt / 1000)}).`;
    throw SimulatedGraphError.of(
      138012,
      `User ${waId} has reached ${context.limits.connectedCallsPerUser.max} connected business-initiated calls per ${rollingLimitPeriod(context.limits.connectedCallsPerUser)}.${next}`,
    );
  }
  if (
    checkLimit(business.callInitiations, context.limits.callInitiationsPerNumber, now).exhausted
  ) {
    throw SimulatedGraphError.of(
      138005,
      `Phone number ${business.phoneNumberId} has reached ${context.limits.callInitiationsPerNumber.max} call initiations per ${rollingLimitPeriod(context.limits.callInitiationsPerNumber)}.`,
    );
  }
  const inProgress = [...context.calls.values()].filter(
    (call) => call.conversation.business === business && call.phase !== 'ended',
  );
  if (inProgress.length >= context.limits.concurrentCallsPerNumber) {
    throw SimulatedGraphError.of(
      138002,
      `Phone number ${business.phoneNumberId} already has ${inProgress.length} calls in progress.`,
    );
  }
  const { call, updates } = startOutgoingCall(context, conversation, {
    offerSdp,
    ...(bizOpaqueCallbackData === undefined ? {} : { bizOpaqueCallbackData }),
  });
  if (recording) call.recording = recording;
  if (transcription) call.transcription = transcription;
  return { body: { messaging_product: 'whatsapp', calls: [{ id: call.id }] }, updates };
}

function preAccept(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  const call = findRingingIncoming(context, business, body);
  call.preAcceptSdp = readSession(body, business, 'answer');
  call.phase = 'pre_accepted';
  return { body: success, updates: [] };
}

function accept(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  const call = findRingingIncoming(context, business, body);
  const sdp = readSession(body, business, 'answer');
  if (call.preAcceptSdp !== undefined && call.preAcceptSdp !== sdp) {
    throw invalid(
      `The SDP sent with accept differs from the one sent with pre_accept for call ${call.id}; send the same answer.`,
    );
  }
  const bizOpaqueCallbackData = optionalString(
    body,
    'biz_opaque_callback_data',
    fieldLimits.bizOpaqueCallbackData.maxLength,
  );
  const recording = checkMediaOptIn(body, 'recording');
  const transcription = checkMediaOptIn(body, 'transcription');
  if (recording) call.recording = recording;
  if (transcription) call.transcription = transcription;
  call.answerSdp = sdp;
  if (bizOpaqueCallbackData !== undefined) call.bizOpaqueCallbackData = bizOpaqueCallbackData;
  return { body: success, updates: pickUp(context, call) };
}

function reject(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  const call = findRingingIncoming(context, business, body);
  return {
    body: success,
    updates: endCall(context, call, { end: 'rejected', endedBy: 'business' }),
  };
}

function terminate(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  const call = findCall(context, business, body);
  // Hanging up before the callee picked up: a cancelled outgoing call, a declined incoming one.
  const end =
    call.phase === 'ongoing'
      ? 'completed'
      : call.direction === 'USER_INITIATED'
        ? 'rejected'
        : 'cancelled';
  return { body: success, updates: endCall(context, call, { end, endedBy: 'business' }) };
}

const actions = { connect, pre_accept: preAccept, accept, reject, terminate };

/** Runs one `/calls` action; throws `SimulatedGraphError` with the platform's code when refused. */
export function handleCalls(
  context: CallsEndpointContext,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  requireWhatsApp(body);
  const sip = business.calling['sip'];
  if (isObject(sip) && String(sip['status']).toUpperCase() === 'ENABLED') {
    throw SimulatedGraphError.of(
      131055,
      `Phone number ${business.phoneNumberId} has SIP enabled; call control goes through SIP, not the Graph API.`,
    );
  }
  const action = body['action'];
  if (typeof action !== 'string' || !Object.hasOwn(actions, action)) {
    throw invalid(
      `The parameter action must be one of ${Object.keys(actions).join(', ')}; got ${JSON.stringify(action)}.`,
    );
  }
  return actions[action as keyof typeof actions](context, business, body);
}
