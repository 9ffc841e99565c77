import { inspectSdp } from './inspect-sdp';
import type { SdpProblem, SdpProblemCode } from './sdp-problem';
import type { SdpMediaSection } from './sdp-summary';

/** Who wrote an answer: your agent (must take the DTLS client role) or Meta's relay. */
export interface CheckAnswerSdpOptions {
  /** Default `business`: the answer you send with `pre_accept`/`accept`. */
  from?: 'business' | 'platform';
}

/**
 * The platform's rules for an offer (ICE, DTLS-SRTP with a fingerprint, Opus, one audio stream, CRLF
 * line endings: Meta's "Calling API" overview and FAQ pages): yours for `connect`, or Meta's on an
 * incoming call.
 * Returns every problem at once; an empty list means the offer is acceptable.
 */
export function checkOfferSdp(sdp: string): SdpProblem[] {
  return checkSdp(sdp, (audio, problems) => {
    if (audio.setup === 'active') {
      problems.push(
        problem(
          'setup',
          'an offer has a=setup:active, which leaves the answerer no DTLS role',
          'offer a=setup:actpass',
        ),
      );
    }
  });
}

/**
 * The platform's rules for an answer (as for an offer; Meta's "Calling API" overview and FAQ pages).
 * Meta is ICE-lite and never the DTLS client, so your answer must also take the DTLS client role
 * (`a=setup:active`); with `{ from: 'platform' }` it checks Meta's answer to your offer instead.
 */
export function checkAnswerSdp(sdp: string, options: CheckAnswerSdpOptions = {}): SdpProblem[] {
  const business = (options.from ?? 'business') === 'business';
  return checkSdp(sdp, (audio, problems) => {
    const bad = business
      ? audio.setup !== 'active'
      : audio.setup !== 'active' && audio.setup !== 'passive';
    if (bad) {
      problems.push(
        problem(
          'setup',
          `the answer has a=setup:${audio.setup ?? '(none)'}`,
          business
            ? 'answer with a=setup:active (the relay is DTLS server)'
            : 'expected active or passive',
        ),
      );
    }
  });
}

function checkSdp(
  sdp: string,
  roleCheck: (audio: SdpMediaSection, problems: SdpProblem[]) => void,
): SdpProblem[] {
  if (typeof sdp !== 'string' || sdp.trim() === '') {
    return [problem('empty', 'the SDP is empty', 'pass the SDP text of the peer connection')];
  }
  const summary = inspectSdp(sdp);
  if (summary.jsonEncoded) {
    return [
      problem(
        'json_encoded',
        'the SDP is JSON-encoded',
        'send description.sdp itself, not JSON.stringify(description)',
      ),
    ];
  }
  if (!summary.startsWithVersion) {
    return [problem('not_sdp', 'the text does not start with v=0', 'pass an SDP')];
  }
  const problems: SdpProblem[] = [];
  if (summary.lineEndings !== 'crlf') {
    problems.push(
      problem('line_endings', 'lines must end with \\r\\n', 'use normalizeSdpLineEndings(sdp)'),
    );
  }
  const audio = summary.media.filter((section) => section.kind === 'audio');
  if (audio.length !== 1 || summary.media.length !== 1) {
    problems.push(
      problem(
        'audio_sections',
        `${summary.media.length} m= sections, ${audio.length} audio`,
        'use one peer connection with one audio track and no data channel or video',
      ),
    );
  }
  const section = audio[0];
  if (!section) return problems;
  if (
    !section.codecs.some(
      (codec) => codec.name.toLowerCase() === 'opus' && codec.clockRate === 48000,
    )
  ) {
    problems.push(problem('no_opus', 'Opus is missing', 'keep opus/48000/2 in the codec list'));
  }
  if (!section.crypto && section.fingerprint?.algorithm !== 'sha-256') {
    problems.push(
      problem(
        'fingerprint',
        `DTLS fingerprint is ${section.fingerprint?.algorithm ?? 'missing'}`,
        'use a=fingerprint:sha-256 (the browser default)',
      ),
    );
  }
  if (!section.iceUfrag || !section.icePwd) {
    problems.push(
      problem('ice_credentials', 'a=ice-ufrag or a=ice-pwd is missing', 'send a complete SDP'),
    );
  }
  if (section.candidates.length === 0) {
    problems.push(
      problem(
        'no_candidates',
        'no a=candidate lines; the platform does not trickle ICE',
        'wait for iceGatheringState "complete" before reading the SDP',
      ),
    );
  }
  roleCheck(section, problems);
  return problems;
}

function problem(code: SdpProblemCode, message: string, fix: string): SdpProblem {
  return { code, message, fix };
}
