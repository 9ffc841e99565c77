// `@wacall/core/browser`: the light part of core that browser code needs — the SDP rules, the template
// rules and the base error class — without the Cloud API client, the webhook parser or zod. Everything
// here is also exported from `@wacall/core`; import it from here when bundle size matters.
export { WacallError } from './errors/wacall-error';
export { checkAnswerSdp, checkOfferSdp } from './platform/sdp/check-sdp';
export { inspectSdp } from './platform/sdp/inspect-sdp';
export { normalizeSdpLineEndings } from './platform/sdp/normalize-sdp-line-endings';
export {
  checkTemplateDraft,
  fillTemplatePlaceholders,
  templatePlaceholders,
  templateRules,
} from './templates/template-rules';
export type { CheckAnswerSdpOptions } from './platform/sdp/check-sdp';
export type { SdpProblem, SdpProblemCode } from './platform/sdp/sdp-problem';
export type { SdpCandidate, SdpCodec, SdpMediaSection, SdpSummary } from './platform/sdp/sdp-summary';
export type {
  TemplateDraft,
  TemplateDraftKind,
  TemplateField,
  TemplateProblem,
  TemplateProblemCode,
} from './templates/template-rules';
