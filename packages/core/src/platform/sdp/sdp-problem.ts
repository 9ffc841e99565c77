/** Why the platform would refuse an SDP (or the call would have no audio). */
export type SdpProblemCode =
  | 'empty'
  | 'json_encoded'
  | 'not_sdp'
  | 'line_endings'
  | 'audio_sections'
  | 'no_opus'
  | 'fingerprint'
  | 'setup'
  | 'ice_credentials'
  | 'no_candidates';

/** One thing wrong with an SDP: a stable `code`, what is wrong and how to fix it. */
export interface SdpProblem {
  code: SdpProblemCode;
  message: string;
  fix: string;
}
