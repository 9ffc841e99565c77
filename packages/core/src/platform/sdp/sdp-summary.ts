/** A codec from an `a=rtpmap` line, e.g. `111 opus/48000/2`. */
export interface SdpCodec {
  payloadType: number;
  /** As written, e.g. `opus`, `telephone-event`, `PCMA`. */
  name: string;
  clockRate: number;
  channels?: number;
  /** The `a=fmtp` parameters for this payload type, as written. */
  parameters?: string;
}

/** One `a=candidate` line. */
export interface SdpCandidate {
  foundation: string;
  component: number;
  transport: string;
  priority: number;
  address: string;
  port: number;
  /** `host`, `srflx`, `prflx` or `relay`. */
  type: string;
  /** `mdns` for a browser's `<uuid>.local` name, which only peers on the same network can resolve. */
  family: 'ipv4' | 'ipv6' | 'mdns';
}

/** One `m=` section, with the session-level ICE and DTLS attributes it inherits already applied. */
export interface SdpMediaSection {
  /** `audio`, `video`, `application`… */
  kind: string;
  port: number;
  /** e.g. `UDP/TLS/RTP/SAVPF`. */
  protocol: string;
  mid?: string;
  /** `sendrecv`, `sendonly`, `recvonly` or `inactive` (absent means `sendrecv`). */
  direction?: string;
  codecs: SdpCodec[];
  /** DTLS fingerprint, algorithm lower-cased (`sha-256`). */
  fingerprint?: { algorithm: string; value: string };
  /** DTLS role: `actpass`, `active`, `passive`. */
  setup?: string;
  iceUfrag?: string;
  icePwd?: string;
  candidates: SdpCandidate[];
  endOfCandidates: boolean;
  /** An SDES `a=crypto` line is present (the platform's optional non-DTLS key exchange). */
  crypto: boolean;
}

/** What `inspectSdp()` found in an SDP. */
export interface SdpSummary {
  /** `crlf` is what the platform requires; `none` for a one-line text. */
  lineEndings: 'crlf' | 'lf' | 'mixed' | 'none';
  /** The text is a JSON value (the legacy `{"sdp":…,"type":…}` form, or a quoted string), not SDP. */
  jsonEncoded: boolean;
  /** Starts with `v=0`. */
  startsWithVersion: boolean;
  /** `a=ice-lite` at session level: Meta's relay writes it; a browser never does. */
  iceLite: boolean;
  media: SdpMediaSection[];
}
