// The public surface of @wacall/core. Explicit names only: values first, then types, per area.
// Each area keeps its own block; add to your block, never reorder another's.

// --- client ---
export { DEFAULT_API_VERSION, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from './client/client-options';
export { createClient } from './client/create-client';
export { parseCallTranscript } from './client/call-transcript';
export type {
  AnalyticsDimension,
  AnalyticsDirection,
  AnalyticsGranularity,
  AnalyticsMetric,
  AnalyticsResource,
  CallAnalytics,
  CallAnalyticsDataPoint,
  CallAnalyticsInput,
} from './client/analytics';
export type {
  CallTranscript,
  TranscriptSegment,
  TranscriptSpeaker,
  TranscriptWord,
} from './client/call-transcript';
export type {
  HealthEntity,
  HealthError,
  HealthResource,
  HealthStatus,
  NumberHealth,
} from './client/health';
export type { DownloadedMedia, MediaInfo, MediaResource } from './client/media';
export type {
  AnswerCallInput,
  CallCaptureOptions,
  CallIdInput,
  ClientAcceptCallInput,
  CallsResource,
  ConnectCallInput,
} from './client/calls';
export type {
  ClientHooks,
  ClientOptions,
  ErrorEvent,
  RequestEvent,
  RequestOptions,
  ResponseEvent,
  RetryEvent,
  RetryPolicy,
} from './client/client-options';
export type { WhatsAppClient } from './client/create-client';
export type {
  MessagesResource,
  SendCallInviteInput,
  SendCallInviteTemplateInput,
  SendCallPermissionRequestInput,
  SendCallPermissionRequestTemplateInput,
  SentMessage,
  SentMessageContact,
  TemplateRef,
} from './client/messages';
export type {
  ActionLimit,
  ApiPermissionStatus,
  CallPermissions,
  PermissionActionInfo,
} from './client/permission-types';
export type { GetPermissionsInput, PermissionsResource } from './client/permissions';
export type { GetSettingsOptions, SettingsResource } from './client/settings';
export type {
  CallHoursSettings,
  CallingRestriction,
  CallingSettings,
  DayOfWeek,
  HolidayHours,
  SettingsToggle,
  SipServer,
  SipSettings,
  VoicemailSettings,
  VoicemailTrigger,
  WeeklyHours,
} from './client/settings-types';
export type {
  CallingTemplateKind,
  TemplatePage,
  TemplateQualityScore,
  TemplateStatus,
  TemplateSummary,
} from './client/template-types';
export type {
  CreateCallInviteTemplateInput,
  CreatedTemplate,
  CreateTemplateInput,
  ListTemplatesInput,
  TemplatesResource,
} from './client/templates';
// --- end client ---

// --- errors ---
export { summariseError } from './errors/summarise-error';
export { isWacallNetworkError, WacallNetworkError } from './errors/wacall-network-error';
export { isWacallResponseError, WacallResponseError } from './errors/wacall-response-error';
export { isWacallTimeoutError, WacallTimeoutError } from './errors/wacall-timeout-error';
export { isWacallValidationError, WacallValidationError } from './errors/wacall-validation-error';
export { WacallError } from './errors/wacall-error';
export { isWhatsAppApiError, WhatsAppApiError } from './errors/whatsapp-api-error';
export type { ValidationIssue } from './errors/wacall-validation-error';
export type { WhatsAppApiErrorInit } from './errors/whatsapp-api-error';
// --- end errors ---

// --- webhooks ---
export { isWebhookPayloadError, WebhookPayloadError } from './errors/webhook-payload-error';
export { eventKey } from './webhooks/event-key';
export { parseWebhook } from './webhooks/parse-webhook';
export type { WebhookPayloadErrorReason } from './errors/webhook-payload-error';
export type {
  AccountUpdateEvent,
  CallConnectEvent,
  CallCreatedEvent,
  CallDirection,
  CallId,
  CallMedia,
  CallParties,
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
  TemplateStatusEvent,
  TemplateStatusValue,
  UnknownEvent,
  WebhookContact,
  WebhookError,
  WebhookEvent,
  WebhookEventType,
  WebhookIssue,
} from './webhooks/events';
// --- end webhooks ---

// --- permissions ---
export { decisionMessages } from './permissions/decision-messages';
export {
  isPermissionEngineError,
  PermissionEngineError,
} from './permissions/permission-engine-error';
export type { PermissionEngineErrorCode } from './permissions/permission-engine-error';
export type { DeepPartial, PermissionPolicy, PolicyOverride } from './permissions/policy';
export type { RollingLimit } from './platform/rolling-limit';
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
export { isStoreError, StoreError } from './store/store-error';
export { MemoryStore } from './store/memory-store';
export type { MemoryStoreOptions } from './store/memory-store';
export type {
  ChangeFeedListener,
  JsonValue,
  ListAddOptions,
  ListCursor,
  ListItem,
  ListPage,
  ListPageOptions,
  Store,
  StoreCommit,
  StoreCondition,
  StoreWrite,
  Versioned,
  WriteOptions,
} from './store/store';
export type { StoreErrorCode } from './store/store-error';
// --- end store ---

// --- calls ---
export { defaultActivityMessages, formatActivity } from './calls/activity-messages';
export { CallLifecycleError, isCallLifecycleError } from './calls/call-lifecycle-error';
export { summarizeCall } from './calls/summarize-call';
export type { ActivityMessageKey, ActivityMessages } from './calls/activity-messages';
export type { CallLifecycleErrorCode } from './calls/call-lifecycle-error';
export type { AgentEvent } from './calls/record-agent-event';
export type { CallSummary } from './calls/summarize-call';
export type {
  Activity,
  ActivityKind,
  ActivityParamsMap,
  Agent,
  CallEndedBy,
  CallOutcome,
  CallSession,
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
export { createWacall } from './wacall';
export { isWacallDecisionError, WacallDecisionError } from './errors/wacall-decision-error';
export type {
  AcceptCallInput,
  CallActionInput,
  CallInviteInput,
  IngestResult,
  PageOptions,
  PermissionUpdatedEvent,
  RequestPermissionInput,
  SentMessageResult,
  StartCallInput,
  SweepResult,
  Wacall,
  WacallAcceptCallInput,
  WacallCallInviteInput,
  WacallEventMap,
  WacallOptions,
} from './facade/wacall-types';
export type {
  AgentPresenceState,
  CallLogDirection,
  CallLogFilter,
  CallLogPage,
  CallOffer,
  CallOfferWithdrawn,
  DeclineOfferInput,
  FindCallsInput,
  OfferWithdrawnReason,
  PresenceStatus,
  RoutingOptions,
  RoutingStrategy,
  SetPresenceInput,
} from './facade/agent-types';
export type { CustomerView } from './customer-view';
export type { CallRecordingFile } from './facade/media-actions';
// --- end facade ---

// --- templates ---
// The rules themselves are in `@wacall/core/engine` and `@wacall/core/browser`; the types are here
// because the template screen renders them.
export type {
  TemplateDraft,
  TemplateDraftKind,
  TemplateField,
  TemplateProblem,
  TemplateProblemCode,
} from './templates/template-rules';
export type { TemplateUpdatedEvent } from './facade/template-updated';
// --- end templates ---
