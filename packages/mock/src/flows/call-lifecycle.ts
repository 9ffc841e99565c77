/**
 * The call state machine both sides drive: start, pick up, end. Each transition updates the
 * conversation's counters and returns the webhooks Meta sends for it, in Meta's order.
 */
import { buildSdp } from '../media/sample-sdp';
import type { SimulatorMedia } from '../media/simulator-media';
import { notifyCall, type ChangeFeed } from '../world/changes';
import { openWindow } from '../world/conversations';
import { recordConnectedCall } from '../world/permission-rules';
import type { CallEnd, CallParty, CallState, ConversationState } from '../world/state';
import type { World } from '../world/world';
import {
  callConnectUpdate,
  callCreatedUpdate,
  callStatusUpdate,
  callTerminateUpdate,
  type WebhookUpdate,
} from '../webhooks/payloads';
import { callMediaUpdates, type RecordingContext } from './call-recordings';
import { recordMissedBusinessCall } from './permission-replies';

/** What the call state machine reads and writes: calls, time, ids, counters, recordings, media. */
export type LifecycleContext = Pick<World, 'clock' | 'limits' | 'random' | 'calls'> &
  RecordingContext &
  ChangeFeed & {
    /** Real WebRTC peers per call, when the simulator was created with `media`. */
    readonly media?: SimulatorMedia;
  };

export interface IncomingCallOptions {
  ctaPayload?: string;
  deeplinkPayload?: string;
  /** Meta's offer; generated when absent. */
  offerSdp?: string;
}

/** The customer calls the business: Meta sends the connect webhook with its SDP offer. */
export function startIncomingCall(
  context: LifecycleContext,
  conversation: ConversationState,
  options: IncomingCallOptions,
): { call: CallState; updates: WebhookUpdate[] } {
  const now = context.clock.now();
  const call: CallState = {
    id: context.random.callId(),
    direction: 'USER_INITIATED',
    conversation,
    phase: 'ringing',
    createdAt: now,
    offerSdp: options.offerSdp ?? buildSdp('offer', 'platform', context.random),
    ...(options.ctaPayload === undefined ? {} : { ctaPayload: options.ctaPayload }),
    ...(options.deeplinkPayload === undefined ? {} : { deeplinkPayload: options.deeplinkPayload }),
  };
  const sip = sipDelivery(conversation);
  if (sip !== 'off') call.sip = true;
  context.calls.set(call.id, call);
  // A user calling the business opens the customer-service window, answered or not.
  openWindow(context, conversation);
  notifyCall(context, call);
  // A SIP number's calls are signalled over SIP; webhooks only with webhook delivery on, and no SDP.
  const update = sip === 'off' ? callConnectUpdate(call, now) : callCreatedUpdate(call, now);
  return { call, updates: sip === 'silent' ? [] : [update] };
}

/** Whether the number uses SIP, and if so whether Meta sends its calling webhooks. */
function sipDelivery(conversation: ConversationState): 'off' | 'webhooks' | 'silent' {
  const sip = conversation.business.calling['sip'];
  if (typeof sip !== 'object' || sip === null) return 'off';
  const fields = sip as Record<string, unknown>;
  if (String(fields['status']).toUpperCase() !== 'ENABLED') return 'off';
  return String(fields['webhook_delivery']).toUpperCase() === 'ENABLED' ? 'webhooks' : 'silent';
}

/** The business called (`connect`): Meta answers the SDP and the customer's phone rings. */
export function startOutgoingCall(
  context: LifecycleContext,
  conversation: ConversationState,
  options: { offerSdp: string; bizOpaqueCallbackData?: string },
): { call: CallState; updates: WebhookUpdate[] } {
  const now = context.clock.now();
  const call: CallState = {
    id: context.random.callId(),
    direction: 'BUSINESS_INITIATED',
    conversation,
    phase: 'ringing',
    createdAt: now,
    offerSdp: options.offerSdp,
    answerSdp: '',
    ...(options.bizOpaqueCallbackData === undefined
      ? {}
      : { bizOpaqueCallbackData: options.bizOpaqueCallbackData }),
  };
  call.answerSdp =
    context.media?.takeAnswer(call.id) ?? buildSdp('answer', 'platform', context.random);
  conversation.business.callInitiations.push(now);
  context.calls.set(call.id, call);
  notifyCall(context, call);
  return {
    call,
    updates: [callConnectUpdate(call, now), callStatusUpdate(call, 'RINGING', now)],
  };
}

/** The callee picks up: the business accepts an incoming call, or the customer answers. */
export function pickUp(context: LifecycleContext, call: CallState): WebhookUpdate[] {
  const now = context.clock.now();
  call.phase = 'ongoing';
  call.answeredAt = now;
  recordConnectedCall(context, call.conversation, call.direction);
  const updates: WebhookUpdate[] = [];
  if (call.direction === 'BUSINESS_INITIATED') {
    // Accepting a business call opens the customer-service window.
    openWindow(context, call.conversation);
    updates.push(callStatusUpdate(call, 'ACCEPTED', now));
  }
  notifyCall(context, call);
  return updates;
}

export interface EndOptions {
  end: CallEnd;
  endedBy: CallParty;
  /** When the call ended, if not now (a ring timeout found late by `tick()`). */
  at?: number;
  errorCode?: number;
}

/** Ends a call: REJECTED status first when the customer declined, then terminate, then any auto-revoke. */
export function endCall(
  context: LifecycleContext,
  call: CallState,
  options: EndOptions,
): WebhookUpdate[] {
  const at = options.at ?? context.clock.now();
  call.phase = 'ended';
  call.end = options.end;
  call.endedBy = options.endedBy;
  call.endedAt = at;
  context.media?.close(call.id);
  if (options.errorCode !== undefined) call.errorCode = options.errorCode;
  const updates: WebhookUpdate[] = [];
  const outgoing = call.direction === 'BUSINESS_INITIATED';
  if (outgoing && options.end === 'rejected') updates.push(callStatusUpdate(call, 'REJECTED', at));
  if (!call.sip || sipDelivery(call.conversation) === 'webhooks') {
    updates.push(callTerminateUpdate(call));
  }
  updates.push(...callMediaUpdates(context, call));
  if (outgoing && (options.end === 'rejected' || options.end === 'unanswered')) {
    const revoked = recordMissedBusinessCall(context, call.conversation);
    if (revoked !== undefined) updates.push(revoked);
  }
  notifyCall(context, call);
  return updates;
}

/** Ends calls that rang past the platform's window; each ends at the moment its window closed. */
export function expireRingingCalls(context: LifecycleContext): WebhookUpdate[] {
  const now = context.clock.now();
  const updates: WebhookUpdate[] = [];
  const ringing = [...context.calls.values()]
    .filter((call) => call.phase === 'ringing' || call.phase === 'pre_accepted')
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const call of ringing) {
    const windowMs =
      call.direction === 'USER_INITIATED'
        ? context.limits.incomingAnswerWindowMs
        : context.limits.outgoingRingTimeoutMs;
    const deadline = call.createdAt + windowMs;
    if (deadline > now) continue;
    updates.push(
      ...endCall(context, call, { end: 'unanswered', endedBy: 'platform', at: deadline }),
    );
  }
  return updates;
}
