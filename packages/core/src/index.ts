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
export { catalogedErrorCodes, getErrorInfo } from './errors/error-catalogue';
export { ErrorCause } from './errors/error-cause';
export { maskCredentials } from './errors/mask-credentials';
export { sanitiseCause } from './errors/sanitise-cause';
export { summariseError } from './errors/summarise-error';
export { isWacallNetworkError, WacallNetworkError } from './errors/wacall-network-error';
export { isWacallResponseError, WacallResponseError } from './errors/wacall-response-error';
export { isWacallTimeoutError, WacallTimeoutError } from './errors/wacall-timeout-error';
export { isWacallValidationError, WacallValidationError } from './errors/wacall-validation-error';
export { WacallError } from './errors/wacall-error';
export { isWhatsAppApiError, WhatsAppApiError } from './errors/whatsapp-api-error';
export type { ErrorCategory, ErrorInfo } from './errors/error-catalogue';
export type { ErrorCauseInit } from './errors/error-cause';
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
export { countryOfNumber } from './permissions/region';
export { createPermissionEngine } from './permissions/permission-engine';
export { decisionMessages } from './permissions/decision-messages';
export { defaultPolicy, platformLimits, resolvePolicy } from './permissions/policy';
export {
  isPermissionEngineError,
  PermissionEngineError,
} from './permissions/permission-engine-error';
export type { CheckInput, PermissionEngineOptions } from './permissions/engine-input';
export type { PermissionEngine, PermissionUpdate } from './permissions/permission-engine';
export type { PermissionEngineErrorCode } from './permissions/permission-engine-error';
export type {
  DeepPartial,
  PermissionPolicy,
  PolicyOverride,
  RollingLimit,
} from './permissions/policy';
export type {
  RefusedDecision,
  Reservation,
  ReservationCommit,
  ReserveResult,
} from './permissions/reservation';
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
export { FeedListeners } from './store/feed-listeners';
export { MemoryStore } from './store/memory-store';
export { checkCommit, storeInput } from './store/store-input';
export { updateValue } from './store/update-value';
export type { MemoryStoreOptions } from './store/memory-store';
export type { CheckedCommit, CheckedWrite } from './store/store-input';
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
export type { UpdateResult, UpdateValueOptions } from './store/update-value';
// --- end store ---

// --- calls ---
export { defaultActivityMessages, formatActivity } from './calls/activity-messages';
export { applyCallEvent, isCallEvent } from './calls/apply-call-event';
export { mergeCallFacts } from './calls/call-facts';
export { CallLifecycleError, isCallLifecycleError } from './calls/call-lifecycle-error';
export { defaultRingTimeoutSeconds } from './calls/call-timeline';
export { deriveCallActivities } from './calls/derive-call-activities';
export { callCustomerKey, deriveCallRecord } from './calls/derive-call-record';
export { diffActivities } from './calls/diff-activities';
export { networkDropCodes } from './calls/network-drop-codes';
export {
  callInviteSentActivity,
  permissionActivities,
  permissionActivityDefaults,
  permissionRequestSentActivity,
} from './calls/permission-activities';
export { recordAgentEvent } from './calls/record-agent-event';
export { summarizeCall } from './calls/summarize-call';
export type { ActivityMessageKey, ActivityMessages } from './calls/activity-messages';
export type { CallEvent } from './calls/apply-call-event';
export type {
  AgentEventKind,
  AssignmentEventKind,
  BusinessActionKind,
  CallFacts,
} from './calls/call-facts';
export type { CallLifecycleErrorCode } from './calls/call-lifecycle-error';
export type { CallDerivationOptions } from './calls/call-timeline';
export type { CallActivityOptions } from './calls/derive-call-activities';
export type { ActivityDiff } from './calls/diff-activities';
export type { NetworkDropCode, NetworkDropSide } from './calls/network-drop-codes';
export type {
  PermissionChangeContext,
  SentMessageActivityInput,
} from './calls/permission-activities';
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

// --- sdp ---
export { checkAnswerSdp, checkOfferSdp } from './sdp/check-sdp';
export { inspectSdp } from './sdp/inspect-sdp';
export { normalizeSdpLineEndings } from './sdp/normalize-sdp-line-endings';
export type { CheckAnswerSdpOptions } from './sdp/check-sdp';
export type { SdpProblem, SdpProblemCode } from './sdp/sdp-problem';
export type { SdpCandidate, SdpCodec, SdpMediaSection, SdpSummary } from './sdp/sdp-summary';
// --- end sdp ---

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
  AgentPresence,
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
export {
  checkTemplateDraft,
  fillTemplatePlaceholders,
  templatePlaceholders,
  templateRules,
} from './templates/template-rules';
export type {
  TemplateDraft,
  TemplateDraftKind,
  TemplateField,
  TemplateProblem,
  TemplateProblemCode,
} from './templates/template-rules';
export type { TemplateUpdatedEvent } from './facade/template-updated';
// --- end templates ---
