import {
  callInviteSentActivity,
  permissionRequestSentActivity,
} from '../calls/permission-activities';
import type { TemplateRef } from '../client/messages';
import { WacallDecisionError } from '../errors/wacall-decision-error';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { customerKey } from '../permissions/customer-key';
import type { MessageChannel, PermissionAction } from '../permissions/types';
import type { FacadeContext } from './facade-context';
import { addActivities, notePermission } from './facade-context';
import type {
  RequestPermissionInput,
  WacallCallInviteInput,
  SentMessageResult,
} from './wacall-types';

type Sender = (channel: MessageChannel) => Promise<{ messageId: string }>;

/**
 * The shared path of both agent messages: reserve (the engine picks the channel from the window and
 * refuses free-form outside it), send, commit or release, record the activity.
 */
async function sendReserved(
  context: FacadeContext,
  operation: 'requestPermission' | 'sendCallInvite',
  action: PermissionAction,
  input: {
    to: string;
    body?: string;
    template?: TemplateRef;
    agent: RequestPermissionInput['agent'];
  },
  send: Sender,
): Promise<{ messageId: string; channel: MessageChannel }> {
  const wanted: MessageChannel | undefined = input.template
    ? 'template'
    : input.body !== undefined
      ? 'free_form'
      : undefined;
  const reservation = await context.engine.reserve({
    customer: input.to,
    action,
    ...(wanted ? { channel: wanted } : {}),
  });
  if (!reservation.allowed) throw new WacallDecisionError(reservation);
  const channel = reservation.channel ?? wanted ?? 'free_form';
  try {
    if (channel === 'template' && !input.template) {
      throw new WacallValidationError(operation, [
        {
          path: 'template',
          message:
            'is required: the customer has not written in the last 24 hours, so free-form messages are refused.',
          fix: 'Pick an approved template (templates.list()) and pass it as { name, language }.',
        },
      ]);
    }
    const { messageId } = await send(channel);
    await reservation.commit();
    return { messageId, channel };
  } catch (error) {
    await reservation.release();
    throw error;
  }
}

export async function requestPermission(
  context: FacadeContext,
  input: RequestPermissionInput,
): Promise<SentMessageResult> {
  const { messages } = context.client;
  const sent = await sendReserved(
    context,
    'requestPermission',
    'send_permission_request',
    input,
    (channel) =>
      channel === 'template' && input.template
        ? messages.sendCallPermissionRequestTemplate({ to: input.to, template: input.template })
        : messages.sendCallPermissionRequest({
            to: input.to,
            ...(input.body === undefined ? {} : { body: input.body }),
          }),
  );
  const activity = permissionRequestSentActivity(
    sentActivityInput(context, input, sent),
    context.activityMessages,
  );
  await addActivities(context, [activity]);
  await notePermission(context, customerKey(input.to), context.now());
  return { ...sent, activity };
}

export async function sendCallInvite(
  context: FacadeContext,
  input: WacallCallInviteInput,
): Promise<SentMessageResult> {
  const { messages } = context.client;
  const extras = {
    ...(input.ttlMinutes === undefined ? {} : { ttlMinutes: input.ttlMinutes }),
    ...(input.payload === undefined ? {} : { payload: input.payload }),
  };
  const sent = await sendReserved(
    context,
    'sendCallInvite',
    'send_call_invite',
    input,
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
  const activity = callInviteSentActivity(
    sentActivityInput(context, input, sent),
    context.activityMessages,
  );
  await addActivities(context, [activity]);
  return { ...sent, activity };
}

function sentActivityInput(
  context: FacadeContext,
  input: { to: string; agent: RequestPermissionInput['agent']; template?: TemplateRef },
  sent: { messageId: string; channel: MessageChannel },
) {
  return {
    customer: customerKey(input.to),
    at: context.now(),
    agent: input.agent,
    channel: sent.channel,
    messageId: sent.messageId,
    ...(sent.channel === 'template' && input.template ? { templateName: input.template.name } : {}),
  };
}
