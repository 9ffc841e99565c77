import type { SdpProblem } from './sdp-problem';
import { sdpVerdict } from './sdp-verdict';

/** Who wrote an answer: your agent (must take the DTLS client role) or Meta's relay. */
export interface CheckAnswerSdpOptions {
  /** Default `business`: the answer you send with `pre_accept`/`accept`. */
  from?: 'business' | 'platform';
}

/**
 * The platform's rules for an offer: yours for `connect`, or Meta's on an incoming call. Returns
 * every problem at once; an empty list means the offer is acceptable.
 */
export function checkOfferSdp(sdp: string): SdpProblem[] {
  return sdpVerdict(sdp, { kind: 'offer' });
}

/**
 * The platform's rules for an answer. Your answer must also take the DTLS client role
 * (`a=setup:active`); with `{ from: 'platform' }` it checks Meta's answer to your offer instead.
 */
export function checkAnswerSdp(sdp: string, options: CheckAnswerSdpOptions = {}): SdpProblem[] {
  return sdpVerdict(sdp, { kind: 'answer', from: options.from ?? 'business' });
}
