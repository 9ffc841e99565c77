// The public surface of @wacall/core. Explicit names only: values first, then types, per area.
// Each area keeps its own block; add to your block, never reorder another's.

// --- client ---
export type {
  ActionLimit,
  ApiPermissionStatus,
  CallPermissions,
  PermissionActionInfo,
} from './client/permission-types';
export type { CallingTemplateKind, TemplateStatus, TemplateSummary } from './client/template-types';
// --- end client ---

// --- errors ---
export { WacallError } from './errors/wacall-error';
// --- end errors ---

// --- webhooks ---
export { isWebhookPayloadError, WebhookPayloadError } from './errors/webhook-payload-error';
export { eventKey } from './webhooks/event-key';
export { parseWebhook } from './webhooks/parse-webhook';
export type { WebhookPayloadErrorReason } from './errors/webhook-payload-error';
export type {
  AccountUpdateEvent,
  CallConnectEvent,
  CallDirection,
  CallId,
  CallMedia,
  CallRecordingAvailableEvent,
  CallStatusEvent,
  CallStatusValue,
  CallTerminateEvent,
  CallTerminateStatus,
  CallTranscriptionAvailableEvent,
  MessageEvent,
  MessageStatusEvent,
  MessageStatusValue,
  ParsedWebhook,
  PermissionReplyEvent,
  UnknownEvent,
  WebhookContact,
  WebhookError,
  WebhookEvent,
  WebhookEventType,
  WebhookIssue,
} from './webhooks/events';
// --- end webhooks ---

// --- permissions ---
export type {
  Decision,
  DecisionReason,
  DecisionUsage,
  LimitUsage,
  MessageChannel,
  PermissionAction,
  PermissionState,
  PermissionStatus,
  RevokedReason,
} from './permissions/types';
// --- end permissions ---

// --- store ---
// --- end store ---

// --- calls ---
export type {
  Activity,
  ActivityKind,
  ActivityParamsMap,
  Agent,
  CallEndedBy,
  CallOutcome,
  CallRecord,
  CallStatus,
  CustomerRef,
  IncomingCallRecord,
  IncomingCallStatus,
  OutgoingCallRecord,
  OutgoingCallStatus,
} from './calls/types';
// --- end calls ---

// --- facade ---
export type { CustomerView } from './customer-view';
// --- end facade ---
