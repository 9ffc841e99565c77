import { deepFreeze } from '../deep-freeze';
import type { SdpProblemCode } from './sdp-problem';
import type { SdpMediaSection, SdpSummary } from './sdp-summary';

/**
 * What the platform requires of an SDP, as data. The rules below read these values, so a change
 * Meta makes is one edit here, and every checker (core, the browser, the simulator) follows it.
 */
export const sdpFacts = /* @__PURE__ */ deepFreeze({
  /** Meta "Calling API reference" page: the SDP is a plain string with `\r\n` line ends (not JSON,
   * not the legacy `connection` object); checked 2026-12. */
  lineEnding: '\r\n',
  /** Meta "Calling FAQ": one media stream with one audio track per SDP, no video, no data
   * channel; checked 2026-12. */
  audioSections: 1,
  /** Meta "Calling API" overview, architecture table: Opus at 48 kHz is the codec every call
   * can use; checked 2026-12. */
  codec: { name: 'opus', clockRate: 48_000 },
  /** Meta "Calling FAQ": DTLS-SRTP needs `a=fingerprint`; only SHA-256 is accepted (unless SDES
   * keys are configured with `srtp_key_exchange_protocol`); checked 2026-12. */
  fingerprintAlgorithm: 'sha-256',
  /** Meta "Calling FAQ": the platform does not trickle ICE, so the SDP must carry its
   * candidates; checked 2026-12. */
  candidatesRequired: true,
  /** Meta "Calling API" overview: Meta is ICE-lite and the DTLS server, so an offer may not take
   * the client role; checked 2026-12. */
  offerSetupRefused: ['active'],
  /** Meta "Calling API reference" sample SDPs: a business answer takes the DTLS client role;
   * checked 2026-12. */
  businessAnswerSetup: ['active'],
  /** Meta "Business-initiated calls" page: Meta's answer to a business offer is active or
   * passive; checked 2026-12. */
  platformAnswerSetup: ['active', 'passive'],
});

/** Which SDP a verdict is about: an offer, or an answer written by the business or by Meta. */
export interface SdpVerdictOptions {
  kind: 'offer' | 'answer';
  /** Who wrote an answer. Default `business`: the answer sent with `pre_accept`/`accept`. */
  from?: 'business' | 'platform';
}

/** What a rule sees: the text, its summary and the audio section (when there is one). */
export interface SdpRuleInput {
  text: string;
  summary: SdpSummary;
  audio: SdpMediaSection | undefined;
  kind: 'offer' | 'answer';
  from: 'business' | 'platform';
}

/** One platform rule: when `broken` returns a message, the SDP breaks it. */
export interface SdpRule {
  code: SdpProblemCode;
  /** A fatal rule stops the verdict: nothing else can be read from that SDP. */
  fatal: boolean;
  /** Whether the rule reads the audio section; skipped when there is none. */
  needsAudio: boolean;
  broken(input: SdpRuleInput): string | undefined;
  fix(input: SdpRuleInput): string;
}

const rule = (
  code: SdpProblemCode,
  broken: SdpRule['broken'],
  fix: string | SdpRule['fix'],
  options: { fatal?: boolean; needsAudio?: boolean } = {},
): SdpRule =>
  Object.freeze({
    code,
    fatal: options.fatal ?? false,
    needsAudio: options.needsAudio ?? false,
    broken,
    fix: typeof fix === 'string' ? () => fix : fix,
  });

const allowedSetup = (input: SdpRuleInput): readonly string[] | undefined => {
  if (input.kind === 'answer') {
    return input.from === 'platform' ? sdpFacts.platformAnswerSetup : sdpFacts.businessAnswerSetup;
  }
  return undefined;
};

/** The platform's SDP rules, in the order problems are reported. */
export const sdpRules: readonly SdpRule[] = /* @__PURE__ */ Object.freeze([
  /* @__PURE__ */ rule(
    'empty',
    ({ text }) => (typeof text !== 'string' || text.trim() === '' ? 'the SDP is empty' : undefined),
    'pass the SDP text of the peer connection',
    { fatal: true },
  ),
  /* @__PURE__ */ rule(
    'json_encoded',
    ({ summary }) => (summary.jsonEncoded ? 'the SDP is JSON-encoded' : undefined),
    'send description.sdp itself, not JSON.stringify(description)',
    { fatal: true },
  ),
  /* @__PURE__ */ rule(
    'not_sdp',
    ({ summary }) => (summary.startsWithVersion ? undefined : 'the text does not start with v=0'),
    'pass an SDP',
    { fatal: true },
  ),
  /* @__PURE__ */ rule(
    'line_endings',
    ({ summary }) =>
      sdpFacts.lineEnding === '\r\n' && summary.lineEndings !== 'crlf'
        ? 'lines must end with \\r\\n'
        : undefined,
    'use normalizeSdpLineEndings(sdp)',
  ),
  /* @__PURE__ */ rule(
    'audio_sections',
    ({ summary }) => {
      const audio = summary.media.filter((section) => section.kind === 'audio').length;
      return audio === sdpFacts.audioSections && summary.media.length === sdpFacts.audioSections
        ? undefined
        : `${summary.media.length} m= sections, ${audio} audio`;
    },
    'use one peer connection with one audio track and no data channel or video',
  ),
  /* @__PURE__ */ rule(
    'no_opus',
    ({ audio }) =>
      audio?.codecs.some(
        (codec) =>
          codec.name.toLowerCase() === sdpFacts.codec.name &&
          codec.clockRate === sdpFacts.codec.clockRate,
      )
        ? undefined
        : 'Opus is missing',
    () => `keep ${sdpFacts.codec.name}/${sdpFacts.codec.clockRate}/2 in the codec list`,
    { needsAudio: true },
  ),
  /* @__PURE__ */ rule(
    'fingerprint',
    ({ audio }) =>
      audio?.crypto || audio?.fingerprint?.algorithm === sdpFacts.fingerprintAlgorithm
        ? undefined
        : `DTLS fingerprint is ${audio?.fingerprint?.algorithm ?? 'missing'}`,
    () => `use a=fingerprint:${sdpFacts.fingerprintAlgorithm} (the browser default)`,
    { needsAudio: true },
  ),
  /* @__PURE__ */ rule(
    'ice_credentials',
    ({ audio }) =>
      audio?.iceUfrag && audio.icePwd ? undefined : 'a=ice-ufrag or a=ice-pwd is missing',
    'send a complete SDP',
    { needsAudio: true },
  ),
  /* @__PURE__ */ rule(
    'no_candidates',
    ({ audio }) =>
      sdpFacts.candidatesRequired && audio?.candidates.length === 0
        ? 'no a=candidate lines; the platform does not trickle ICE'
        : undefined,
    'wait for iceGatheringState "complete" before reading the SDP',
    { needsAudio: true },
  ),
  /* @__PURE__ */ rule(
    'setup',
    (input) => {
      const setup = input.audio?.setup;
      const allowed = allowedSetup(input);
      if (allowed === undefined) {
        return setup !== undefined && sdpFacts.offerSetupRefused.includes(setup)
          ? `an offer has a=setup:${setup}, which leaves the answerer no DTLS role`
          : undefined;
      }
      return setup !== undefined && allowed.includes(setup)
        ? undefined
        : `the answer has a=setup:${setup ?? '(none)'}`;
    },
    (input) => {
      if (input.kind === 'offer') return 'offer a=setup:actpass';
      return input.from === 'platform'
        ? `expected ${sdpFacts.platformAnswerSetup.join(' or ')}`
        : `answer with a=setup:${sdpFacts.businessAnswerSetup.join(' or ')} (the relay is DTLS server)`;
    },
    { needsAudio: true },
  ),
]);
