/** The customer's permission actions and their replies (Meta "User call permissions" page). */
import { SimulatorUsageError } from '../errors/simulator-usage-error';
import { grantPermission, refusePermission, type ReplyContext } from '../flows/permission-replies';
import { inboundMessageUpdate } from '../webhooks/payloads';
import { notifyCustomer, type ChangeFeed } from '../world/changes';
import { actionableRequest, hasCallPermission, openWindow } from '../world/conversations';
import type { ConversationState } from '../world/state';
import type { StepOutcome } from './call-actions';

/** What the customer's permission steps read and write. */
export type PermissionActionContext = ReplyContext & ChangeFeed;

function usage(message: string, fix: string): never {
  throw new SimulatorUsageError(message, fix);
}

export function writeMessage(
  context: PermissionActionContext,
  conversation: ConversationState,
  text: unknown,
): StepOutcome<{ messageId: string }> {
  if (typeof text !== 'string' || text === '') {
    usage('sendMessage needs a non-empty text.', 'Pass the message body as a string.');
  }
  const messageId = context.random.messageId();
  openWindow(context, conversation);
  notifyCustomer(context, conversation);
  const message = { id: messageId, type: 'text', text: { body: text } };
  return {
    result: { messageId },
    updates: [inboundMessageUpdate(conversation, message, context.clock.now())],
  };
}

/** Approves the latest request; `permanent` without a request is the business-profile toggle. */
export function acceptPermission(
  context: PermissionActionContext,
  conversation: ConversationState,
  permanent: boolean,
): StepOutcome<void> {
  const request = actionableRequest(context, conversation);
  if (request === undefined && !permanent) {
    usage(
      `${conversation.customer.waId} has no permission request to accept (none sent, or it expired).`,
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
}

export function declinePermission(
  context: PermissionActionContext,
  conversation: ConversationState,
): StepOutcome<void> {
  const request = actionableRequest(context, conversation);
  if (request === undefined) {
    usage(
      `${conversation.customer.waId} has no permission request to decline (none sent, or it expired).`,
      'Send one from the business first.',
    );
  }
  Object.assign(request, { answer: 'reject', answeredAt: context.clock.now() });
  const update = refusePermission(context, conversation, {
    kind: 'declined',
    by: 'customer',
    contextId: request.messageId,
  });
  return { result: undefined, updates: [update] };
}

export function revokePermission(
  context: PermissionActionContext,
  conversation: ConversationState,
): StepOutcome<void> {
  if (!hasCallPermission(conversation, context.clock.now())) {
    usage(
      `${conversation.customer.waId} has no call permission to revoke.`,
      'Grant one first (acceptPermission).',
    );
  }
  return {
    result: undefined,
    updates: [refusePermission(context, conversation, { kind: 'revoked', by: 'customer' })],
  };
}

/** The "let this business call you" prompt after a call: an automatic grant whose context is the call. */
export function acceptCallbackPermission(
  context: PermissionActionContext,
  conversation: ConversationState,
): StepOutcome<void> {
  const { business } = conversation;
  const lastCall = [...context.calls.values()]
    .filter((call) => call.conversation === conversation && call.direction === 'USER_INITIATED')
    .at(-1);
  const enabled =
    String(business.calling['callback_permission_status']).toUpperCase() === 'ENABLED';
  if (!enabled || lastCall === undefined) {
    usage(
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
}
