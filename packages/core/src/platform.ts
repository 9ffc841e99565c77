// `@wacall/core/platform`: every fact of the WhatsApp Cloud Calling platform as data — limits and
// windows, field lengths, the SDP rules and their verdict, the error catalogue, ring times, network-drop
// codes and the countries without business-initiated calling. No zod, no client, no dependencies: a
// browser, a form or a simulator can import it for its numbers.
export { callLimits } from './platform/call-limits';
export { businessCallingUnavailableCountries } from './platform/countries';
export { catalogedErrorCodes, getErrorInfo } from './platform/error-catalogue';
export { fieldLimits } from './platform/field-limits';
export { findNetworkDrop, networkDropCodes } from './platform/network-drop-codes';
export { customerServiceWindowMs, permissionLimits } from './platform/permission-limits';
export { productDefaults } from './platform/product-defaults';
export { rollingLimitPeriod } from './platform/rolling-limit';
export { checkAnswerSdp, checkOfferSdp } from './platform/sdp/check-sdp';
export { inspectSdp } from './platform/sdp/inspect-sdp';
export { normalizeSdpLineEndings } from './platform/sdp/normalize-sdp-line-endings';
export { sdpFacts, sdpRules } from './platform/sdp/sdp-rules';
export { sdpVerdict } from './platform/sdp/sdp-verdict';
export type { ErrorCategory, ErrorInfo } from './platform/error-catalogue';
export type { NetworkDropCode, NetworkDropSide } from './platform/network-drop-codes';
export type { RollingLimit } from './platform/rolling-limit';
export type { CheckAnswerSdpOptions } from './platform/sdp/check-sdp';
export type { SdpProblem, SdpProblemCode } from './platform/sdp/sdp-problem';
export type { SdpRule, SdpRuleInput, SdpVerdictOptions } from './platform/sdp/sdp-rules';
export type {
  SdpCandidate,
  SdpCodec,
  SdpMediaSection,
  SdpSummary,
} from './platform/sdp/sdp-summary';
