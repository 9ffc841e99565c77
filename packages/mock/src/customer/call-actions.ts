/** The customer's call actions: each checks the step is possible, then runs the call state machine. */
import { SimulatorUsageError } from '../errors/simulator-usage-error';
import {
  endCall,
  pickUp,
  startIncomingCall,
  type EndOptions,
  type LifecycleContext,
} from '../flows/call-lifecycle';
import type { WebhookUpdate } from '../webhooks/payloads';
import { withinCallHours } from '../world/call-hours';
import { callingEnabled } from '../world/permission-rules';
import { activeCallOf } from '../world/snapshots';
import type { CallState, ConversationState } from '../world/state';

/** What a customer step produced: its result and the webhooks Meta sends for it. */
export interface StepOutcome<T> {
  result: T;
  updates: WebhookUpdate[];
}

export interface CustomerCallOptions {
  /** The wamid of a call invite (free-form or template) whose button the user taps; its payload becomes `cta_payload`. */
  fromInvite?: string;
  /** The `biz_payload` of a `wa.me/call` deep link, echoed as `deeplink_payload`. */
  deeplinkPayload?: string;
  /** Meta's SDP offer; a realistic one is generated when absent. */
  sdp?: string;
}

function usage(message: string, fix: string): never {
  throw new SimulatorUsageError(message, fix);
}

/** The call with this id between this customer and business number. */
export function ownCall(
  context: LifecycleContext,
  conversation: ConversationState,
  callId: string,
): CallState {
  const call = context.calls.get(callId);
  if (call === undefined || call.conversation !== conversation) {
    usage(
      `Call ${callId} is not a call between ${conversation.customer.waId} and ${conversation.business.displayPhoneNumber}.`,
      'Use the id returned by customer.call() or by the connect response.',
    );
  }
  return call;
}

function ringingBusinessCall(
  context: LifecycleContext,
  conversation: ConversationState,
  callId: string,
  verb: 'answered' | 'rejected' | 'ignored',
): CallState {
  const call = ownCall(context, conversation, callId);
  if (call.direction !== 'BUSINESS_INITIATED' || call.phase !== 'ringing') {
    const what =
      call.direction === 'USER_INITIATED' ? 'a call the customer made' : 'a business call';
    usage(
      `Call ${callId} is ${what} in state ${call.phase}.`,
      `Only a ringing business-initiated call can be ${verb}.`,
    );
  }
  return call;
}

function ended(context: LifecycleContext, call: CallState, options: EndOptions): StepOutcome<void> {
  return { result: undefined, updates: endCall(context, call, options) };
}

/** The payload of the invite whose button the user taps, after checking the button still works. */
function invitePayload(
  conversation: ConversationState,
  inviteId: string,
  now: number,
): string | undefined {
  const invite = conversation.inbox.find((message) => message.messageId === inviteId);
  if (invite === undefined || !invite.kind.startsWith('call_invite')) {
    usage(
      `Message ${inviteId} is not a call invite this customer received.`,
      'Pass the wamid returned when the business sent the voice_call message.',
    );
  }
  if ((invite.expiresAt ?? Infinity) <= now) {
    usage(
      `The call button of ${inviteId} expired at ${new Date(invite.expiresAt ?? 0).toISOString()}.`,
      'Send a new call invite, or call without one.',
    );
  }
  return invite.payload;
}

export function placeCall(
  context: LifecycleContext,
  conversation: ConversationState,
  options: CustomerCallOptions,
): StepOutcome<`wacid.${string}`> {
  const { business, customer } = conversation;
  const now = context.clock.now();
  if (!callingEnabled(business)) {
    usage(
      `${business.displayPhoneNumber} has calling disabled, so the user has no call button.`,
      'Enable calling with POST /{phone-number-id}/settings first.',
    );
  }
  if (!withinCallHours(business.calling['call_hours'], now)) {
    usage(
      `${business.displayPhoneNumber} is outside its call hours; WhatsApp offers the user a chat instead.`,
      'Advance the clock into the call hours or change the settings.',
    );
  }
  const active = activeCallOf(context, conversation);
  if (active !== undefined) {
    usage(
      `${customer.waId} is already in call ${active.id} with this business.`,
      'End that call first (hangUp, or answer/reject it).',
    );
  }
  const ctaPayload =
    options.fromInvite === undefined
      ? undefined
      : invitePayload(conversation, options.fromInvite, now);
  const { call, updates } = startIncomingCall(context, conversation, {
    ...(ctaPayload === undefined ? {} : { ctaPayload }),
    ...(options.deeplinkPayload === undefined ? {} : { deeplinkPayload: options.deeplinkPayload }),
    ...(options.sdp === undefined ? {} : { offerSdp: options.sdp }),
  });
  return { result: call.id, updates };
}

export function answerCall(
  context: LifecycleContext,
  conversation: ConversationState,
  callId: string,
): StepOutcome<void> {
  const call = ringingBusinessCall(context, conversation, callId, 'answered');
  return { result: undefined, updates: pickUp(context, call) };
}

export function rejectCall(
  context: LifecycleContext,
  conversation: ConversationState,
  callId: string,
): StepOutcome<void> {
  const call = ringingBusinessCall(context, conversation, callId, 'rejected');
  return ended(context, call, { end: 'rejected', endedBy: 'customer' });
}

export function ignoreCall(
  context: LifecycleContext,
  conversation: ConversationState,
  callId: string,
): StepOutcome<void> {
  const call = ringingBusinessCall(context, conversation, callId, 'ignored');
  return ended(context, call, { end: 'unanswered', endedBy: 'platform' });
}

/** Hangs up a call in progress, cancels the customer's own ringing call, or declines a ringing business call. */
export function hangUpCall(
  context: LifecycleContext,
  conversation: ConversationState,
  callId: string,
): StepOutcome<void> {
  const call = ownCall(context, conversation, callId);
  if (call.phase === 'ended') {
    usage(
      `Call ${callId} has already ended (${call.end ?? 'ended'}).`,
      'Only a ringing or ongoing call can be hung up.',
    );
  }
  if (call.phase === 'ongoing')
    return ended(context, call, { end: 'completed', endedBy: 'customer' });
  const end = call.direction === 'USER_INITIATED' ? 'cancelled' : 'rejected';
  return ended(context, call, { end, endedBy: 'customer' });
}

export function dropCall(
  context: LifecycleContext,
  conversation: ConversationState,
  callId: string,
  side: unknown,
): StepOutcome<void> {
  const call = ownCall(context, conversation, callId);
  if (call.phase !== 'ongoing') {
    usage(
      `Call ${callId} is ${call.phase}; only a call in progress can drop.`,
      'Answer the call first (customer.answer or the accept action).',
    );
  }
  if (side !== 'business' && side !== 'customer') {
    usage('dropCall needs { side: "business" | "customer" }.', 'Say whose network failed.');
  }
  // The WhatsApp client reports what it saw: no media coming in (138021) or none going out (138022).
  return ended(context, call, {
    end: 'failed',
    endedBy: 'platform',
    errorCode: side === 'business' ? 138021 : 138022,
  });
}
