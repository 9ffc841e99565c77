/**
 * The platform's checks of an SDP the business sends with connect, pre_accept or accept: the verdict
 * of `@wacall/core/platform`'s SDP rules, plus the one rule that depends on the number's settings.
 */
import { checkAnswerSdp, checkOfferSdp, sdpRules } from '@wacall/core/platform';

/**
 * What the platform would find wrong with an SDP the business sent (empty when it is acceptable),
 * each problem with its fix. `srtp` is the number's `srtp_key_exchange_protocol`: DTLS needs a
 * fingerprint, SDES a crypto line.
 */
export function findSdpProblems(
  sdp: unknown,
  sdpType: 'offer' | 'answer',
  srtp: 'DTLS' | 'SDES' = 'DTLS',
): string[] {
  if (typeof sdp !== 'string') return ['session.sdp must be the SDP text, a string'];
  const verdict = sdpType === 'offer' ? checkOfferSdp(sdp) : checkAnswerSdp(sdp);
  const problems = verdict.map((problem) => `${problem.message} (${problem.fix})`);
  const fatal = verdict.some(
    (problem) => sdpRules.find((rule) => rule.code === problem.code)?.fatal === true,
  );
  if (fatal) return problems;
  // The table's rules cannot know the number's key exchange: the settings decide which line it needs.
  const lines = sdp.split(/\r?\n/);
  if (srtp === 'DTLS' && !lines.some((line) => line.startsWith('a=fingerprint:'))) {
    problems.push('the number uses DTLS key exchange, and a=fingerprint is missing');
  }
  if (srtp === 'SDES' && !lines.some((line) => line.startsWith('a=crypto:'))) {
    problems.push('the number uses SDES key exchange, and a=crypto is missing');
  }
  return [...new Set(problems)];
}
