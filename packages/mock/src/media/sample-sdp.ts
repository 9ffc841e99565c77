import { SimulatorRandom } from '../world/random';

/** Who wrote the SDP: Meta's relay (ICE-lite, public host candidates) or the business's WebRTC peer. */
export type SdpSide = 'platform' | 'business';

export interface SampleSdpOptions {
  type: 'offer' | 'answer';
  /** Default `business`: what your own peer connection would produce. */
  side?: SdpSide;
  /** Makes the generated secrets repeatable. */
  seed?: number;
}

/**
 * A realistic audio-only SDP (ICE, DTLS-SRTP fingerprint, Opus 48 kHz, RFC 4733 DTMF on 126) with
 * `\r\n` line ends, as Meta's relay or a browser would write it.
 */
export function createSampleSdp(options: SampleSdpOptions): string {
  return buildSdp(options.type, options.side ?? 'business', new SimulatorRandom(options.seed));
}

/** @internal The generator, fed by the simulator's own random source. */
export function buildSdp(type: 'offer' | 'answer', side: SdpSide, random: SimulatorRandom): string {
  const platform = side === 'platform';
  const ipv4 = platform ? `157.240.${random.int(200) + 10}.${random.int(250) + 1}` : '192.0.2.10';
  const ipv6 = `2a03:2880:f2${random.pick('0123456789abcdef', 2)}:e5:face:b00c:0:699c`;
  const port = platform
    ? [3478, 3480, 3482, 3484, 40012][random.int(5)]
    : 50000 + random.int(10000);
  const setup = type === 'offer' ? 'actpass' : platform ? 'passive' : 'active';
  const foundation = random.digits(9);
  const lines = [
    'v=0',
    `o=- ${random.digits(19)} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    ...(platform ? ['a=ice-lite'] : []),
    `m=audio ${port} UDP/TLS/RTP/SAVPF 111 126`,
    `c=IN IP4 ${ipv4}`,
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=candidate:${foundation} 1 udp 2122260223 ${ipv4} ${port} typ host generation 0`,
    ...(platform
      ? [`a=candidate:${foundation}6 1 udp 2122262783 ${ipv6} ${port} typ host generation 0`]
      : []),
    `a=ice-ufrag:${random.pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 4)}`,
    `a=ice-pwd:${random.pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/', 24)}`,
    `a=fingerprint:sha-256 ${random.hexPairs(32)}`,
    `a=setup:${setup}`,
    'a=mid:0',
    'a=sendrecv',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=rtcp-fb:111 transport-cc',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    'a=rtpmap:126 telephone-event/8000',
    `a=ssrc:${random.digits(10)} cname:${random.pick('abcdefghijklmnopqrstuvwxyz0123456789', 16)}`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}
