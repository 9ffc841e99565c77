/**
 * The typed webhook events that `parseWebhook()` produces. One union, discriminated by `type`.
 *
 * Values from the platform are normalised: enums lowercased, timestamps in epoch milliseconds,
 * empty-string phone numbers turned into `undefined`. Enums stay open (`string & {}`) so a value
 * Meta adds tomorrow is passed through instead of dropped.
 */

/** A WhatsApp call id, as Meta issues them. */
export type CallId = `wacid.${string}`;

export type CallDirection = 'user_initiated' | 'business_initiated';

/** An error Meta attaches to a webhook item (terminate of a failed call, failed message status). */
export interface WebhookError {
  code: number;
  title?: string;
  message?: string;
  /** `error_data.details` */
  details?: string;
  href?: string;
}

/** The user on the other side of a call or message, from `contacts[]`. */
export interface WebhookContact {
  waId?: string;
  /** Business-scoped user id (BSUID), e.g. `US.13491208655302741918`. */
  userId?: string;
  parentUserId?: string;
  name?: string;
  username?: string;
  /** `profile.country_code`, e.g. `US` (Meta marks it "subject to change"). */
  countryCode?: string;
}

/**
 * Both sides of a call as Meta names them. Phones are `undefined` for username-only users; the
 * BSUID fields are set wherever Meta sends them (parent ids under either of its two spellings).
 */
export interface CallParties {
  from?: string;
  to?: string;
  fromUserId?: string;
  toUserId?: string;
  fromParentUserId?: string;
  toParentUserId?: string;
}

interface WebhookEventBase {
  /** The WhatsApp Business Account id (`entry[].id`). */
  wabaId: string;
  /** The Graph id of the business phone number (`metadata.phone_number_id`). */
  phoneNumberId: string;
  displayPhoneNumber?: string;
  /** When Meta says the event happened, epoch ms. */
  timestamp: number;
  /** The original item, untouched, for anything this union does not model. */
  raw: unknown;
}

/** Account-level changes (`account_update`, fields this version does not model) may name no phone number. */
interface AccountEventBase extends Omit<WebhookEventBase, 'phoneNumberId'> {
  phoneNumberId?: string;
}

export interface CallConnectEvent extends WebhookEventBase, CallParties {
  type: 'call.connect';
  callId: string;
  direction: CallDirection;
  /** `offer` on an incoming call (answer it), `answer` on an outgoing one (apply it). SDP is byte-exact. */
  session: { sdpType: 'offer' | 'answer'; sdp: string };
  contact?: WebhookContact;
  ctaPayload?: string;
  deeplinkPayload?: string;
  bizOpaqueCallbackData?: string;
}

export type CallStatusValue = 'ringing' | 'accepted' | 'rejected' | (string & {});

/** `statuses[]` on field `calls`: progress of a business-initiated call. */
export interface CallStatusEvent extends WebhookEventBase {
  type: 'call.status';
  callId: string;
  status: CallStatusValue;
  recipientId?: string;
  recipientUserId?: string;
  recipientParentUserId?: string;
  /** The callee, from the `contacts[]` Meta now sends with call statuses too. */
  contact?: WebhookContact;
  bizOpaqueCallbackData?: string;
}

/**
 * `call_created` (SIP numbers with `sip.webhookDelivery` enabled): a call began on the SIP side. Like a
 * connect without SDP, since the media is negotiated over SIP; a normal terminate follows.
 */
export interface CallCreatedEvent extends WebhookEventBase, CallParties {
  type: 'call.created';
  callId: string;
  direction: CallDirection;
  contact?: WebhookContact;
  bizOpaqueCallbackData?: string;
}

export type CallTerminateStatus = 'completed' | 'failed' | (string & {});

export interface CallTerminateEvent extends WebhookEventBase, CallParties {
  type: 'call.terminate';
  callId: string;
  direction: CallDirection;
  status: CallTerminateStatus;
  /** Epoch ms; present only when the other party picked up. */
  startTime?: number;
  endTime?: number;
  durationSeconds?: number;
  /** Whether the call was picked up, read from the timing fields (the status does not say). */
  answered: boolean;
  /** From `calls[].errors` and `value.errors`, de-duplicated. */
  errors: WebhookError[];
  contact?: WebhookContact;
  bizOpaqueCallbackData?: string;
  ctaPayload?: string;
  deeplinkPayload?: string;
}

export interface CallMedia {
  id: string;
  sha256: string;
  mimeType: string;
  url: string;
}

/** A call's recording can be downloaded (kept 7 days; `media.url` is valid for minutes only). */
export interface CallRecordingAvailableEvent extends WebhookEventBase, CallParties {
  type: 'call.recording_available';
  callId: string;
  media: CallMedia;
  contact?: WebhookContact;
}

/** A call's transcript document (JSON, see `parseCallTranscript`) can be downloaded. */
export interface CallTranscriptionAvailableEvent extends WebhookEventBase, CallParties {
  type: 'call.transcription_available';
  callId: string;
  media: CallMedia;
  contact?: WebhookContact;
}

/** A `call_permission_reply` interactive message: the user granted, declined, or the platform decided. */
export interface PermissionReplyEvent extends WebhookEventBase {
  type: 'permission.reply';
  messageId: string;
  from?: string;
  fromUserId?: string;
  response: 'accept' | 'reject' | (string & {});
  permanent: boolean;
  /** Epoch ms; present for temporary grants. */
  expiresAt?: number;
  source: 'user_action' | 'automatic' | (string & {});
  /** The wamid of the request message, or the wacid of the call for automatic callback grants. */
  contextId?: string;
  contact?: WebhookContact;
}

/** Any other inbound message. Inbound messages open the 24 h customer-service window. */
export interface MessageEvent extends WebhookEventBase {
  type: 'message';
  messageId: string;
  from?: string;
  fromUserId?: string;
  messageType: string;
  /** The body of a text message. */
  text?: string;
  /** Set when the message is a voicemail: an audio message whose id is the call's wacid. */
  voicemailCallId?: string;
  contact?: WebhookContact;
}

export type MessageStatusValue = 'sent' | 'delivered' | 'read' | 'failed' | (string & {});

/** Delivery status of a message we sent (field `messages`), never a call status. */
export interface MessageStatusEvent extends WebhookEventBase {
  type: 'message.status';
  messageId: string;
  status: MessageStatusValue;
  recipientId?: string;
  recipientUserId?: string;
  errors: WebhookError[];
}

/** `account_update`: calling quality warnings and restrictions. */
export interface AccountUpdateEvent extends AccountEventBase {
  type: 'account.update';
  /** e.g. `account_violation`, `account_restriction` (lowercased). */
  event: string;
  violationType?: string;
  restrictions: { type: string; expiresAt?: number }[];
}

export type TemplateStatusValue =
  | 'approved'
  | 'pending'
  | 'rejected'
  | 'paused'
  | 'disabled'
  | 'flagged'
  | 'in_appeal'
  | 'reinstated'
  | (string & {});

/** `message_template_status_update`: Meta's review of a message template ended or changed. */
export interface TemplateStatusEvent extends AccountEventBase {
  type: 'template.status';
  /** The template's Graph id, as a string. */
  templateId: string;
  name: string;
  /** e.g. `en_US`. */
  language: string;
  /** Lowercased, e.g. `approved`, `rejected`, `paused`. */
  status: TemplateStatusValue;
  /** Why, for a rejection or pause (e.g. `INVALID_FORMAT`), as Meta wrote it; absent when Meta says `NONE`. */
  reason?: string;
}

/** A field, event or item kind this version does not model. Kept so nothing vanishes silently. */
export interface UnknownEvent extends AccountEventBase {
  type: 'unknown';
  field: string;
  value: unknown;
}

export type WebhookEvent =
  | CallConnectEvent
  | CallCreatedEvent
  | CallStatusEvent
  | CallTerminateEvent
  | CallRecordingAvailableEvent
  | CallTranscriptionAvailableEvent
  | PermissionReplyEvent
  | MessageEvent
  | MessageStatusEvent
  | AccountUpdateEvent
  | TemplateStatusEvent
  | UnknownEvent;

export type WebhookEventType = WebhookEvent['type'];

/** An item inside a valid envelope that failed its schema: skipped, reported, never fatal. */
export interface WebhookIssue {
  /** Where in the body, e.g. `entry[0].changes[1].value.calls[2]`. */
  path: string;
  message: string;
  raw: unknown;
}

export interface ParsedWebhook {
  events: WebhookEvent[];
  issues: WebhookIssue[];
}
