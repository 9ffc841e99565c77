/** The simulator's internal records. Public snapshots of them live in `snapshots.ts`. */
import type { JsonObject } from './json-object';

/** A business phone number as the test sets it up. */
export interface BusinessNumber {
  /** The Graph id used in paths: `/{phoneNumberId}/calls`. */
  phoneNumberId: string;
  /** Digits only, as webhooks carry it in `metadata.display_phone_number`. */
  displayPhoneNumber: string;
  wabaId: string;
  /** ISO country of the number; business-initiated calling is unavailable for some (138013). */
  country: string;
  verifiedName: string;
}

export interface BusinessState extends BusinessNumber {
  /** The `calling` settings object exactly as `GET /settings` returns it. */
  calling: Record<string, unknown>;
  /** `connect` requests, for the per-number initiation limit. */
  callInitiations: number[];
}

/** A WhatsApp user the simulator plays. */
export interface CustomerProfile {
  /** Phone digits, no `+`. */
  waId: string;
  name: string;
  /** Business-scoped user id (BSUID), sent as `*_user_id` fields when set. */
  userId?: string;
}

export type PermissionKind = 'none' | 'temporary' | 'permanent' | 'declined' | 'revoked';

export interface PermissionRecord {
  kind: PermissionKind;
  changedAt?: number;
  /** For temporary grants. */
  expiresAt?: number;
  /** For revocations: the user did it, or the platform after consecutive missed calls. */
  revokedBy?: 'customer' | 'automatic';
}

export interface PermissionRequestRecord {
  messageId: string;
  sentAt: number;
  answer?: 'accept' | 'reject';
  answeredAt?: number;
}

/** What a message the business sent was, as the customer's phone shows it. */
export type InboxMessageKind =
  | 'text'
  | 'call_permission_request'
  | 'call_invite'
  | 'call_permission_request_template'
  | 'call_invite_template'
  | 'template';

/** A message the business sent to the customer. */
export interface InboxMessage {
  messageId: string;
  kind: InboxMessageKind;
  sentAt: number;
  text?: string;
  templateName?: string;
  /** Call invites: the button label, the payload echoed as `cta_payload`, and when the button stops working. */
  buttonText?: string;
  payload?: string;
  expiresAt?: number;
}

/** Everything that holds between one business number and one customer. */
export interface ConversationState {
  business: BusinessState;
  customer: CustomerProfile;
  /** Epoch ms until which free-form messages are allowed. */
  windowOpenUntil?: number;
  permission: PermissionRecord;
  requests: PermissionRequestRecord[];
  /** Requests counted toward the request limits; a connected call clears them. */
  countedRequests: number[];
  /** Connected business-initiated calls, for the per-user call limit. */
  connectedCalls: number[];
  /** Business-initiated calls in a row that were not answered or were rejected. */
  consecutiveMissed: number;
  inbox: InboxMessage[];
}

export type CallPhase = 'ringing' | 'pre_accepted' | 'ongoing' | 'ended';

/** How a call ended, from the platform's point of view. */
export type CallEnd = 'completed' | 'rejected' | 'unanswered' | 'cancelled' | 'failed';

export type CallParty = 'business' | 'customer' | 'platform';

export interface CallState {
  id: `wacid.${string}`;
  direction: 'USER_INITIATED' | 'BUSINESS_INITIATED';
  conversation: ConversationState;
  phase: CallPhase;
  createdAt: number;
  answeredAt?: number;
  endedAt?: number;
  end?: CallEnd;
  endedBy?: CallParty;
  /** The terminate error code for dropped calls (138021/138022). */
  errorCode?: number;
  offerSdp: string;
  answerSdp?: string;
  preAcceptSdp?: string;
  bizOpaqueCallbackData?: string;
  ctaPayload?: string;
  deeplinkPayload?: string;
  /** Opted in on `connect` or `accept`: the announcement language of recording / transcription. */
  recording?: { language: string };
  transcription?: { language: string };
  /** A call the business's SIP server handles: no SDP over Graph, `call_created` instead of connect. */
  sip?: boolean;
}

/** A recording or transcript the simulator serves through its media endpoints. */
export interface StoredMedia {
  id: string;
  callId: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Base64 SHA-256 of the bytes, as Meta reports it. */
  sha256: string;
  createdAt: number;
}

/** A message template of an account, as `POST /{waba-id}/message_templates` stored it. */
export interface StoredTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  /** Meta's spelling: `PENDING`, `APPROVED`, `REJECTED`, `PAUSED`… */
  status: string;
  components: JsonObject[];
  /** Why the review rejected it (Meta's `rejected_reason`). */
  rejectedReason?: string;
  /** When the automatic review decides (simulated epoch ms); absent once decided or when manual. */
  reviewAt?: number;
}
