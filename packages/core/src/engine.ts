// `@wacall/core/engine`: the building blocks under `createWacall` — the permission engine, the call
// lifecycle's pure functions, the SDP and template rules, and the helpers for writing a Store. Use them
// to build something `createWacall` does not do; they follow the same rules but keep no history of their
// own. They are versioned like the root: a breaking change to any of them is a major release.
// Each area keeps its own block; add to your block, never reorder another's.

// --- errors ---
export { catalogedErrorCodes, getErrorInfo } from './platform/error-catalogue';
export { ErrorCause } from './errors/error-cause';
export { maskCredentials } from './errors/mask-credentials';
export { sanitiseCause } from './errors/sanitise-cause';
export type { ErrorCategory, ErrorInfo } from './platform/error-catalogue';
export type { ErrorCauseInit } from './errors/error-cause';
// --- end errors ---

// --- permissions ---
export { countryOfNumber } from './permissions/region';
export { createPermissionEngine } from './permissions/permission-engine';
export { defaultPolicy, platformLimits, resolvePolicy } from './permissions/policy';
export type { CheckInput, PermissionEngineOptions } from './permissions/engine-input';
export type { PermissionEngine, PermissionUpdate } from './permissions/permission-engine';
export type {
  RefusedDecision,
  Reservation,
  ReservationCommit,
  ReserveResult,
} from './permissions/reservation';
// --- end permissions ---

// --- store ---
export { FeedListeners } from './store/feed-listeners';
export { checkCommit, storeInput } from './store/store-input';
export { updateValue } from './store/update-value';
export type { CheckedCommit, CheckedWrite } from './store/store-input';
export type { UpdateResult, UpdateValueOptions } from './store/update-value';
// --- end store ---

// --- calls ---
export { applyCallEvent, isCallEvent } from './calls/apply-call-event';
export { mergeCallFacts } from './calls/call-facts';
export { defaultRingTimeoutSeconds } from './calls/call-timeline';
export { deriveCallActivities } from './calls/derive-call-activities';
export { callCustomerKey, deriveCallRecord } from './calls/derive-call-record';
export { diffActivities } from './calls/diff-activities';
export { networkDropCodes } from './platform/network-drop-codes';
export {
  callInviteSentActivity,
  permissionActivities,
  permissionActivityDefaults,
  permissionRequestSentActivity,
} from './calls/permission-activities';
export { recordAgentEvent } from './calls/record-agent-event';
export type { CallEvent } from './calls/apply-call-event';
export type {
  AgentEventKind,
  AssignmentEventKind,
  BusinessActionKind,
  CallFacts,
} from './calls/call-facts';
export type { CallDerivationOptions } from './calls/call-timeline';
export type { CallActivityOptions } from './calls/derive-call-activities';
export type { ActivityDiff } from './calls/diff-activities';
export type { NetworkDropCode, NetworkDropSide } from './platform/network-drop-codes';
export type {
  PermissionChangeContext,
  SentMessageActivityInput,
} from './calls/permission-activities';
// --- end calls ---

// --- sdp ---
export { checkAnswerSdp, checkOfferSdp } from './platform/sdp/check-sdp';
export { inspectSdp } from './platform/sdp/inspect-sdp';
export { normalizeSdpLineEndings } from './platform/sdp/normalize-sdp-line-endings';
export type { CheckAnswerSdpOptions } from './platform/sdp/check-sdp';
export type { SdpProblem, SdpProblemCode } from './platform/sdp/sdp-problem';
export type {
  SdpCandidate,
  SdpCodec,
  SdpMediaSection,
  SdpSummary,
} from './platform/sdp/sdp-summary';
// --- end sdp ---

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
// --- end templates ---
