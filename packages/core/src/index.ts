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
export { MemoryStore } from './store/memory-store';
export { storeInput } from './store/store-input';
export { updateValue } from './store/update-value';
export type { MemoryStoreOptions } from './store/memory-store';
export type {
  JsonValue,
  ListAddOptions,
  ListCursor,
  ListItem,
  ListPage,
  ListPageOptions,
  Store,
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
