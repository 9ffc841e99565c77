/**
 * The WhatsApp user's side of the simulation. Each action changes the simulated world and resolves
 * once the webhooks Meta would send for it have been delivered.
 */
import { withinCallHours } from './call-hours';
import { endCall, pickUp, startIncomingCall, type EndOptions } from './call-flow';
import type { SimulatorContext } from './context';
import { actionableRequest, hasCallPermission, openWindow } from './conversations';
import { SimulatorUsageError } from './errors/simulator-usage-error';
import { callingEnabled, grantPermission, refusePermission } from './permissions';
import { activeCallOf, customerSnapshot, notifyCustomer, type CustomerSnapshot } from './snapshots';
import type { CallState, ConversationState } from './state';
import { inboundMessageUpdate, type WebhookUpdate } from './webhook-payloads';

export interface CustomerCallOptions {
  /** The wamid of a call invite (free-form or template) whose button the user taps; its payload becomes `cta_payload`. */
  fromInvite?: string;
  /** The `biz_payload` of a `wa.me/call` deep link, echoed as `deeplink_payload`. */
  deeplinkPayload?: string;
  /** Meta's SDP offer; a realistic one is generated when absent. */
  sdp?: string;
}

/** Drives one WhatsApp user in their conversation with one business number. */
export interface SimulatedCustomer {
  readonly waId: string;
  readonly phoneNumberId: string;
  /** What the user's phone shows now: permission, window, inbox, active call, limit usage. */
  snapshot(): CustomerSnapshot;
  /** Writes a text message to the business (opens the 24 h window). */
  sendMessage(text: string): Promise<{ messageId: string }>;
  /** Calls the business; resolves with the call id once the connect webhook (with Meta's offer) is out. */
  call(options?: CustomerCallOptions): Promise<`wacid.${string}`>;
  /** Picks up a ringing business call (ACCEPTED status). */
  answer(callId: string): Promise<void>;
  /** Declines a ringing business call (REJECTED status, terminate; counts toward auto-revoke). */
  reject(callId: string): Promise<void>;
  /** Lets a business call ring out unanswered (terminate; counts toward auto-revoke). */
  ignore(callId: string): Promise<void>;
  /** Ends a call: hangs up a call in progress, cancels their own ringing call, or declines a ringing one. */
  hangUp(callId: string): Promise<void>;
  /** Ends a call in progress on a network failure: terminate FAILED with 138021 (business side) or 138022 (customer side). */
  dropCall(callId: string, options: { side: 'business' | 'customer' }): Promise<void>;
  /** Approves the latest permission request, or with `permanent` grants from the business profile unprompted. */
  acceptPermission(options?: { permanent?: boolean }): Promise<void>;
  /** Declines the latest permission request. */
  declinePermission(): Promise<void>;
  /** Withdraws a granted permission. */
  revokePermission(): Promise<void>;
  /** Accepts the "let this business call you" prompt shown after calling (needs `callback_permission_status` ENABLED). */
  acceptCallbackPermission(): Promise<void>;
}

export function createCustomer(
  context: SimulatorContext,
  conversation: ConversationState,
  settle: () => void,
): SimulatedCustomer {
  const { waId } = conversation.customer;
  const business = conversation.business;
  const deliver = (updates: WebhookUpdate[]) => context.dispatcher.emit(updates);

  /** Runs due timers, then the step; a step that breaks the platform's rules throws before any change. */
  const step = async <T>(run: () => { result: T; updates: WebhookUpdate[] }): Promise<T> => {
    settle();
    const { result, updates } = run();
    await deliver(updates);
    return result;
  };

  const ownCall = (callId: string): CallState => {
    const call = context.calls.get(callId);
    if (call === undefined || call.conversation !== conversation) {
      throw new SimulatorUsageError(
        `Call ${callId} is not a call between ${waId} and ${business.displayPhoneNumber}.`,
        'Use the id returned by customer.call() or by the connect response.',
      );
    }
    return call;
  };

  const ringingBusinessCall = (callId: string, action: string): CallState => {
    const call = ownCall(callId);
    if (call.direction !== 'BUSINESS_INITIATED' || call.phase !== 'ringing') {
      throw new SimulatorUsageError(
        `Cannot ${action} call ${callId}: it is a ${call.direction === 'USER_INITIATED' ? 'call the customer made' : 'business call'} in state ${call.phase}.`,
        `Only a ringing business-initiated call can be ${action === 'answer' ? 'answered' : action === 'reject' ? 'rejected' : 'ignored'}.`,
      );
    }
    return call;
  };

  const end = (call: CallState, options: EndOptions) => ({
    result: undefined,
    updates: endCall(context, call, options),
  });

  return {
    waId,
    phoneNumberId: business.phoneNumberId,
    snapshot: () => customerSnapshot(context, conversation),

    sendMessage: (text) =>
      step(() => {
        if (typeof text !== 'string' || text === '') {
          throw new SimulatorUsageError(
            'sendMessage needs a non-empty text.',
            'Pass the message body as a string.',
          );
        }
        const messageId = context.random.messageId();
        openWindow(context, conversation);
        notifyCustomer(context, conversation);
        const update = inboundMessageUpdate(
          conversation,
          { id: messageId, type: 'text', text: { body: text } },
          context.clock.now(),
        );
        return { result: { messageId }, updates: [update] };
      }),

    call: (options = {}) =>
      step(() => {
        const now = context.clock.now();
        if (!callingEnabled(business)) {
          throw new SimulatorUsageError(
            `${business.displayPhoneNumber} has calling disabled, so the user has no call button.`,
            'Enable calling with POST /{phone-number-id}/settings first.',
          );
        }
        if (!withinCallHours(business.calling['call_hours'], now)) {
          throw new SimulatorUsageError(
            `${business.displayPhoneNumber} is outside its call hours; WhatsApp offers the user a chat instead.`,
            'Advance the clock into the call hours or change the settings.',
          );
        }
        const active = activeCallOf(context, conversation);
        if (active !== undefined) {
          throw new SimulatorUsageError(
            `${waId} is already in call ${active.id} with this business.`,
            'End that call first (hangUp, or answer/reject it).',
          );
        }
        let ctaPayload: string | undefined;
        if (options.fromInvite !== undefined) {
          const invite = conversation.inbox.find((m) => m.messageId === options.fromInvite);
          if (
            invite === undefined ||
            (invite.kind !== 'call_invite' && invite.kind !== 'call_invite_template')
          ) {
            throw new SimulatorUsageError(
              `Message ${options.fromInvite} is not a call invite this customer received.`,
              'Pass the wamid returned when the business sent the voice_call message.',
            );
          }
          if ((invite.expiresAt ?? Infinity) <= now) {
            throw new SimulatorUsageError(
              `The call button of ${options.fromInvite} expired at ${new Date(invite.expiresAt ?? 0).toISOString()}.`,
              'Send a new call invite, or call without one.',
            );
          }
          ctaPayload = invite.payload;
        }
        const { call, updates } = startIncomingCall(context, conversation, {
          ...(ctaPayload === undefined ? {} : { ctaPayload }),
          ...(options.deeplinkPayload === undefined
            ? {}
            : { deeplinkPayload: options.deeplinkPayload }),
          ...(options.sdp === undefined ? {} : { offerSdp: options.sdp }),
        });
        return { result: call.id, updates };
      }),

    answer: (callId) =>
      step(() => ({
        result: undefined,
        updates: pickUp(context, ringingBusinessCall(callId, 'answer')),
      })),
    reject: (callId) =>
      step(() =>
        end(ringingBusinessCall(callId, 'reject'), { end: 'rejected', endedBy: 'customer' }),
      ),
    ignore: (callId) =>
      step(() =>
        end(ringingBusinessCall(callId, 'ignore'), { end: 'unanswered', endedBy: 'platform' }),
      ),

    hangUp: (callId) =>
      step(() => {
        const call = ownCall(callId);
        if (call.phase === 'ended') {
          throw new SimulatorUsageError(
            `Call ${callId} has already ended (${call.end ?? 'ended'}).`,
            'Only a ringing or ongoing call can be hung up.',
          );
        }
        if (call.phase === 'ongoing') return end(call, { end: 'completed', endedBy: 'customer' });
        return end(call, {
          end: call.direction === 'USER_INITIATED' ? 'cancelled' : 'rejected',
          endedBy: 'customer',
        });
      }),

    dropCall: (callId, options) =>
      step(() => {
        const call = ownCall(callId);
        if (call.phase !== 'ongoing') {
          throw new SimulatorUsageError(
            `Call ${callId} is ${call.phase}; only a call in progress can drop.`,
            'Answer the call first (customer.answer or the accept action).',
          );
        }
        if (options?.side !== 'business' && options?.side !== 'customer') {
          throw new SimulatorUsageError(
            'dropCall needs { side: "business" | "customer" }.',
            'Say whose network failed.',
          );
        }
        return end(call, {
          end: 'failed',
          endedBy: 'platform',
          errorCode: options.side === 'business' ? 138021 : 138022,
        });
      }),

    acceptPermission: (options = {}) =>
      step(() => {
        const permanent = options.permanent === true;
        const request = actionableRequest(context, conversation);
        if (request === undefined && !permanent) {
          throw new SimulatorUsageError(
            `${waId} has no permission request to accept (none sent, or it expired).`,
            'Send one from the business first, or pass { permanent: true } to grant from the business profile.',
          );
        }
        if (request !== undefined)
          Object.assign(request, { answer: 'accept', answeredAt: context.clock.now() });
        const update = grantPermission(context, conversation, {
          permanent,
          source: 'user_action',
          ...(request === undefined ? {} : { contextId: request.messageId }),
        });
        return { result: undefined, updates: [update] };
      }),

    declinePermission: () =>
      step(() => {
        const request = actionableRequest(context, conversation);
        if (request === undefined) {
          throw new SimulatorUsageError(
            `${waId} has no permission request to decline (none sent, or it expired).`,
            'Send one from the business first.',
          );
        }
        Object.assign(request, { answer: 'reject', answeredAt: context.clock.now() });
        return {
          result: undefined,
          updates: [
            refusePermission(context, conversation, {
              kind: 'declined',
              by: 'customer',
              contextId: request.messageId,
            }),
          ],
        };
      }),

    revokePermission: () =>
      step(() => {
        if (!hasCallPermission(conversation, context.clock.now())) {
          throw new SimulatorUsageError(
            `${waId} has no call permission to revoke.`,
            'Grant one first (acceptPermission).',
          );
        }
        return {
          result: undefined,
          updates: [refusePermission(context, conversation, { kind: 'revoked', by: 'customer' })],
        };
      }),

    acceptCallbackPermission: () =>
      step(() => {
        const lastCall = [...context.calls.values()]
          .filter((c) => c.conversation === conversation && c.direction === 'USER_INITIATED')
          .at(-1);
        if (
          String(business.calling['callback_permission_status']).toUpperCase() !== 'ENABLED' ||
          lastCall === undefined
        ) {
          throw new SimulatorUsageError(
            'The callback prompt appears only after the user called a number whose callback_permission_status is ENABLED.',
            'Enable it in the settings and have the customer call first.',
          );
        }
        const update = grantPermission(context, conversation, {
          permanent: false,
          source: 'automatic',
          contextId: lastCall.id,
        });
        return { result: undefined, updates: [update] };
      }),
  };
}
