/**
 * Builders for the `value` of each webhook change, in Meta's wire shapes (Meta "Calling webhooks" reference). Each returns one
 * update; the dispatcher wraps updates into envelopes, batches, signs and delivers them.
 */
import { unixSeconds } from '../world/clock';
import type { BusinessState, CallState, ConversationState, InboxMessage } from '../world/state';

/** One change (`entry[].changes[]`) before it is wrapped into an envelope. */
export interface WebhookUpdate {
  wabaId: string;
  field: string;
  value: Record<string, unknown>;
  /** The entry's `time` (Unix seconds), for account-level changes that carry no timestamp. */
  time?: number;
}

/** Terminate errors of dropped calls, worded the way real traffic carries them. */
export const dropErrors = {
  138021: {
    title: 'Call dropped: no media received',
    details: 'The WhatsApp client received no media from the business for too long.',
  },
  138022: {
    title: 'Call dropped: no media sent',
    details: "The WhatsApp client sent no media for too long (the user's network dropped).",
  },
} as const;

function baseValue(business: BusinessState): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    metadata: {
      display_phone_number: business.displayPhoneNumber,
      phone_number_id: business.phoneNumberId,
    },
  };
}

function contacts(conversation: ConversationState): unknown[] {
  const { customer } = conversation;
  return [
    {
      profile: { name: customer.name },
      wa_id: customer.waId,
      ...(customer.userId === undefined ? {} : { user_id: customer.userId }),
    },
  ];
}

function update(business: BusinessState, field: string, value: Record<string, unknown>) {
  return { wabaId: business.wabaId, field, value: { ...baseValue(business), ...value } };
}

/** `from`/`to` (and BSUID twins) of a call item: the user calls the business, or the other way. */
function callParties(call: CallState): Record<string, string> {
  const { business, customer } = call.conversation;
  const incoming = call.direction === 'USER_INITIATED';
  const userIdKey = incoming ? 'from_user_id' : 'to_user_id';
  return {
    from: incoming ? customer.waId : business.displayPhoneNumber,
    to: incoming ? business.displayPhoneNumber : customer.waId,
    ...(customer.userId === undefined ? {} : { [userIdKey]: customer.userId }),
  };
}

function optional(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** `calls[]` connect: Meta's offer on an incoming call, Meta's answer on an outgoing one. */
export function callConnectUpdate(call: CallState, now: number): WebhookUpdate {
  const incoming = call.direction === 'USER_INITIATED';
  const session = incoming
    ? { sdp_type: 'offer', sdp: call.offerSdp }
    : { sdp_type: 'answer', sdp: call.answerSdp };
  return update(call.conversation.business, 'calls', {
    contacts: contacts(call.conversation),
    calls: [
      {
        id: call.id,
        ...callParties(call),
        event: 'connect',
        timestamp: unixSeconds(now),
        direction: call.direction,
        session,
        ...optional({
          cta_payload: call.ctaPayload,
          deeplink_payload: call.deeplinkPayload,
          biz_opaque_callback_data: call.bizOpaqueCallbackData,
        }),
      },
    ],
  });
}

/** `statuses[]` on field `calls`: RINGING, ACCEPTED or REJECTED of a business-initiated call. */
export function callStatusUpdate(
  call: CallState,
  status: 'RINGING' | 'ACCEPTED' | 'REJECTED',
  now: number,
): WebhookUpdate {
  const { customer } = call.conversation;
  return update(call.conversation.business, 'calls', {
    statuses: [
      {
        id: call.id,
        timestamp: unixSeconds(now),
        type: 'call',
        status,
        recipient_id: customer.waId,
        ...optional({
          recipient_user_id: customer.userId,
          biz_opaque_callback_data: call.bizOpaqueCallbackData,
        }),
      },
    ],
  });
}

/** `calls[]` terminate; timing only when the call was picked up, errors in both places for drops. */
export function callTerminateUpdate(call: CallState): WebhookUpdate {
  const endedAt = call.endedAt ?? call.createdAt;
  const timing =
    call.answeredAt === undefined
      ? {}
      : {
          start_time: unixSeconds(call.answeredAt),
          end_time: unixSeconds(endedAt),
          duration: Math.round((endedAt - call.answeredAt) / 1000),
        };
  const code = call.errorCode;
  const drop = code === 138021 || code === 138022 ? dropErrors[code] : undefined;
  const errors =
    drop === undefined
      ? undefined
      : [{ code, title: drop.title, message: drop.title, error_data: { details: drop.details } }];
  return update(call.conversation.business, 'calls', {
    contacts: contacts(call.conversation),
    calls: [
      {
        id: call.id,
        ...callParties(call),
        event: 'terminate',
        direction: call.direction,
        timestamp: unixSeconds(endedAt),
        status: call.end === 'failed' ? 'FAILED' : 'COMPLETED',
        ...timing,
        ...optional({
          biz_opaque_callback_data: call.bizOpaqueCallbackData,
          cta_payload: call.ctaPayload,
          deeplink_payload: call.deeplinkPayload,
        }),
        ...(errors === undefined ? {} : { errors }),
      },
    ],
    ...(errors === undefined ? {} : { errors }),
  });
}

/** An inbound message from the customer on field `messages`. */
export function inboundMessageUpdate(
  conversation: ConversationState,
  message: Record<string, unknown> & { id: string; type: string },
  now: number,
): WebhookUpdate {
  const { customer } = conversation;
  return update(conversation.business, 'messages', {
    contacts: contacts(conversation),
    messages: [
      {
        from: customer.waId,
        ...optional({ from_user_id: customer.userId }),
        timestamp: unixSeconds(now),
        ...message,
      },
    ],
  });
}

export interface PermissionReply {
  messageId: string;
  response: 'accept' | 'reject';
  /** `true`/`false` on grants; absent on rejections, as Meta sends them. */
  permanent?: boolean;
  expiresAt?: number;
  source: 'user_action' | 'automatic';
  /** The request's wamid, or the wacid of the call for automatic callback grants. */
  contextId?: string;
}

/** A `call_permission_reply` interactive message (Meta "User call permissions" page). */
export function permissionReplyUpdate(
  conversation: ConversationState,
  reply: PermissionReply,
  now: number,
): WebhookUpdate {
  return inboundMessageUpdate(
    conversation,
    {
      id: reply.messageId,
      ...(reply.contextId === undefined
        ? {}
        : { context: { from: conversation.business.displayPhoneNumber, id: reply.contextId } }),
      type: 'interactive',
      interactive: {
        type: 'call_permission_reply',
        call_permission_reply: {
          response: reply.response,
          ...(reply.permanent === undefined ? {} : { is_permanent: reply.permanent }),
          ...(reply.expiresAt === undefined
            ? {}
            : { expiration_timestamp: unixSeconds(reply.expiresAt) }),
          response_source: reply.source,
        },
      },
    },
    now,
  );
}

export interface MessageStatusOptions {
  billable: boolean;
  category: string;
  errors?: { code: number; title: string; message: string; details: string }[];
}

/** A delivery status (`sent`, `delivered`, `failed`) of a message the business sent. */
export function messageStatusUpdate(
  conversation: ConversationState,
  message: InboxMessage,
  status: 'sent' | 'delivered' | 'failed',
  now: number,
  options: MessageStatusOptions,
): WebhookUpdate {
  const errors = options.errors?.map((error) => ({
    code: error.code,
    title: error.title,
    message: error.message,
    error_data: { details: error.details },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  }));
  return update(conversation.business, 'messages', {
    statuses: [
      {
        id: message.messageId,
        status,
        timestamp: unixSeconds(now),
        recipient_id: conversation.customer.waId,
        ...optional({ recipient_user_id: conversation.customer.userId }),
        ...(status === 'failed'
          ? { errors }
          : {
              pricing: {
                billable: options.billable,
                pricing_model: 'PMP',
                type: options.billable ? 'regular' : 'free_customer_service',
                category: options.category,
              },
            }),
      },
    ],
  });
}

/** `account_settings_update` after a settings change Meta reports (Meta "Call settings" page). */
export function settingsUpdate(business: BusinessState, now: number): WebhookUpdate {
  return {
    wabaId: business.wabaId,
    field: 'account_settings_update',
    value: {
      messaging_product: 'whatsapp',
      timestamp: unixSeconds(now),
      type: 'PHONE_NUMBER_SETTINGS',
      phone_number_settings: {
        phone_number_id: business.phoneNumberId,
        calling: structuredClone(business.calling),
      },
    },
  };
}

/** `calls[]` call_created (SIP numbers with webhook delivery on): a connect without `session`. */
export function callCreatedUpdate(call: CallState, now: number): WebhookUpdate {
  return update(call.conversation.business, 'calls', {
    contacts: contacts(call.conversation),
    calls: [
      {
        id: call.id,
        ...callParties(call),
        event: 'call_created',
        timestamp: unixSeconds(now),
        direction: call.direction,
        ...optional({
          cta_payload: call.ctaPayload,
          deeplink_payload: call.deeplinkPayload,
          biz_opaque_callback_data: call.bizOpaqueCallbackData,
        }),
      },
    ],
  });
}

/** A media file of a call as the `*_available` webhooks describe it. */
export interface CallMediaDescriptor {
  id: string;
  sha256: string;
  mimeType: string;
  url: string;
}

/** `call_recording_available` or `call_transcription_available` (Meta "Call recording" page). */
export function callMediaUpdate(
  call: CallState,
  kind: 'recording' | 'transcription',
  media: CallMediaDescriptor,
  now: number,
): WebhookUpdate {
  const { customer } = call.conversation;
  const file = { id: media.id, sha256: media.sha256, mime_type: media.mimeType, url: media.url };
  return update(call.conversation.business, 'calls', {
    calls: [
      {
        id: call.id,
        from: customer.waId,
        ...optional({ from_user_id: customer.userId }),
        timestamp: unixSeconds(now),
        ...(kind === 'recording'
          ? {
              event: 'call_recording_available',
              call_recording: { type: 'audio', audio: file },
            }
          : {
              event: 'call_transcription_available',
              call_transcript: { type: 'document', document: file },
            }),
      },
    ],
  });
}
