import {
  callInviteSentActivity,
  permissionRequestSentActivity,
} from '../calls/permission-activities';
import type { Activity } from '../calls/types';
import type { TemplateRef } from '../client/messages';
import { WacallDecisionError } from '../errors/wacall-decision-error';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { customerKey } from '../permissions/customer-key';
import { commitUse, releaseUse } from '../permissions/reservation';
import type { MessageChannel, PermissionAction } from '../permissions/types';
import { newActivities } from './activity-writes';
import type { FacadeContext } from './facade-context';
import { changePermission, reserve, settleFailure } from './reserve';
import type { Reserved } from './reserve';
import type { CallInviteInput, RequestPermissionInput, SentMessageResult } from './wacall-types';

type Sender = (channel: MessageChannel) => Promise<{ messageId: string }>;
type MessageInput = {
  to: string;
  body?: string;
  template?: TemplateRef;
  agent: RequestPermissionInput['agent'];
};
type SentActivity = (
  input: Parameters<typeof permissionRequestSentActivity>[0],
  messages: FacadeContext['activityMessages'],
) => Activity;

/**
 * The shared path of both agent messages: reserve (the engine picks the channel from the window and
 * refuses free-form outside it), send, then record the use and the activity in one commit. Meta's
 * refusal gives the use back; an unknown outcome counts as sent and holds the next send back.
 */
async function sendReserved(
  context: FacadeContext,
  operation: 'requestPermission' | 'sendCallInvite',
  action: PermissionAction,
  input: MessageInput,
  activityOf: SentActivity,
  send: Sender,
): Promise<SentMessageResult> {
  const customer = customerKey(input.to);
  const wanted: MessageChannel | undefined = input.template
    ? 'template'
    : input.body !== undefined
      ? 'free_form'
      : undefined;
  const { decision, reserved } = await reserve(context, customer, {
    action,
    ...(wanted ? { channel: wanted } : {}),
  });
  if (!reserved) throw new WacallDecisionError(decision);
  const channel = decision.channel ?? wanted ?? 'free_form';
  if (channel === 'template' && !input.template) {
    await changePermission(context, customer, [], (state) => ({
      after: releaseUse(state, action, reserved.id) ?? state,
      result: undefined,
    }));
    throw new WacallValidationError(operation, [
      {
        path: 'template',
        message:
          'is required: the customer has not written in the last 24 hours, so free-form messages are refused.',
        fix: 'Pick an approved template (templates.list()) and pass it as { name, language }.',
      },
    ]);
  }
  const activity = (at: number, messageId: string) =>
    activityOf(
      sentActivityInput(customer, input, channel, at, messageId),
      context.activityMessages,
    );
  let messageId: string;
  try {
    ({ messageId } = await send(channel));
  } catch (error) {
    // An unknown outcome counts as sent: the customer may well have the message.
    await settleFailure(context, customer, reserved, error, () =>
      newActivities(context, [activity(reserved.at, `unconfirmed-${reserved.id}`)]),
    );
    throw error;
  }
  // Dated when it was reserved, as the request is counted: never after the reply that answers it.
  const sent = activity(reserved.at, messageId);
  await recordSent(context, customer, reserved, action, sent);
  return { messageId, channel, activity: sent };
}

function recordSent(
  context: FacadeContext,
  customer: string,
  reserved: Reserved,
  action: PermissionAction,
  activity: Activity,
): Promise<void> {
  return changePermission(context, customer, [], (state) => {
    const after = commitUse(state, action, reserved.id, {});
    return {
      ...(after ? { after } : {}),
      also: newActivities(context, [activity]),
      result: undefined,
    };
  });
}

export function requestPermission(
  context: FacadeContext,
  input: RequestPermissionInput,
): Promise<SentMessageResult> {
  const { messages } = context.client;
  return sendReserved(
    context,
    'requestPermission',
    'send_permission_request',
    input,
    permissionRequestSentActivity,
    (channel) =>
      channel === 'template' && input.template
        ? messages.sendCallPermissionRequestTemplate({ to: input.to, template: input.template })
        : messages.sendCallPermissionRequest({
            to: input.to,
            ...(input.body === undefined ? {} : { body: input.body }),
          }),
  );
}

export function sendCallInvite(
  context: FacadeContext,
  input: CallInviteInput,
): Promise<SentMessageResult> {
  const { messages } = context.client;
  const extras = {
    ...(input.ttlMinutes === undefined ? {} : { ttlMinutes: input.ttlMinutes }),
    ...(input.payload === undefined ? {} : { payload: input.payload }),
  };
  return sendReserved(
    context,
    'sendCallInvite',
    'send_call_invite',
    input,
    callInviteSentActivity,
    (channel) =>
      channel === 'template' && input.template
        ? messages.sendCallInviteTemplate({ to: input.to, template: input.template, ...extras })
        : messages.sendCallInvite({
            to: input.to,
            body: input.body ?? '',
            ...(input.displayText === undefined ? {} : { displayText: input.displayText }),
            ...extras,
          }),
  );
}

function sentActivityInput(
  customer: string,
  input: MessageInput,
  channel: MessageChannel,
  at: number,
  messageId: string,
) {
  return {
    customer,
    at,
    agent: input.agent,
    channel,
    messageId,
    ...(channel === 'template' && input.template ? { templateName: input.template.name } : {}),
  };
}
