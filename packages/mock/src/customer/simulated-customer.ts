/**
 * The WhatsApp user's side of the simulation. Each action changes the simulated world and resolves
 * once the webhooks Meta would send for it have been delivered.
 */
import {
  answerCall,
  dropCall,
  hangUpCall,
  ignoreCall,
  placeCall,
  rejectCall,
  type CustomerCallOptions,
  type StepOutcome,
} from './call-actions';
import {
  acceptCallbackPermission,
  acceptPermission,
  declinePermission,
  revokePermission,
  writeMessage,
} from './permission-actions';
import type { LifecycleContext } from '../flows/call-lifecycle';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { customerSnapshot, type CustomerSnapshot } from '../world/snapshots';
import type { ConversationState } from '../world/state';

export type { CustomerCallOptions } from './call-actions';

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
  /** Hangs up a call in progress, cancels their own ringing call, or declines a ringing one. */
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

/** What a customer reads and changes: the call state machine's context, and delivery of its webhooks. */
export type CustomerContext = LifecycleContext & {
  readonly dispatcher: Pick<WebhookDispatcher, 'emit'>;
};

/** @internal `settle` runs the simulator's due timers before each step. */
export function createCustomer(
  context: CustomerContext,
  conversation: ConversationState,
  settle: () => void,
): SimulatedCustomer {
  // A step that breaks the platform's rules throws before it changes anything or sends a webhook.
  const step = async <T>(run: () => StepOutcome<T>): Promise<T> => {
    settle();
    const { result, updates } = run();
    await context.dispatcher.emit(updates);
    return result;
  };
  const on = conversation;
  return {
    waId: on.customer.waId,
    phoneNumberId: on.business.phoneNumberId,
    snapshot: () => customerSnapshot(context, on),
    sendMessage: (text) => step(() => writeMessage(context, on, text)),
    call: async (options = {}) => {
      const media = context.media;
      if (media === undefined || options.sdp !== undefined) {
        return step(() => placeCall(context, on, options));
      }
      // The relay's real offer goes into the connect webhook; its peer joins the call before it is sent.
      const offer = await media.createOffer();
      try {
        settle();
        const { result, updates } = placeCall(context, on, { ...options, sdp: offer.sdp });
        media.attach(result, offer.peer);
        await context.dispatcher.emit(updates);
        return result;
      } catch (error) {
        await offer.peer.close();
        throw error;
      }
    },
    answer: (callId) => step(() => answerCall(context, on, callId)),
    reject: (callId) => step(() => rejectCall(context, on, callId)),
    ignore: (callId) => step(() => ignoreCall(context, on, callId)),
    hangUp: (callId) => step(() => hangUpCall(context, on, callId)),
    dropCall: (callId, options) => step(() => dropCall(context, on, callId, options?.side)),
    acceptPermission: (options = {}) =>
      step(() => acceptPermission(context, on, options.permanent === true)),
    declinePermission: () => step(() => declinePermission(context, on)),
    revokePermission: () => step(() => revokePermission(context, on)),
    acceptCallbackPermission: () => step(() => acceptCallbackPermission(context, on)),
  };
}
