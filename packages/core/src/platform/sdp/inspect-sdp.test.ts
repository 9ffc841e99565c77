import { describe, expect, it } from 'vitest';
import { readSdpFixture } from '../../../test/sdp-fixtures';
import { inspectSdp } from './inspect-sdp';

describe('inspectSdp', () => {
  it("reads Meta's incoming-call offer: ICE-lite, Opus and DTMF, both address families", () => {
    const summary = inspectSdp(readSdpFixture('meta-offer'));
    expect(summary).toMatchObject({
      lineEndings: 'crlf',
      jsonEncoded: false,
      startsWithVersion: true,
      iceLite: true,
    });
    expect(summary.media).toHaveLength(1);
    const [audio] = summary.media;
    expect(audio).toMatchObject({
      kind: 'audio',
      port: 3480,
      protocol: 'UDP/TLS/RTP/SAVPF',
      mid: 'audio',
      direction: 'sendrecv',
      setup: 'actpass',
      iceUfrag: 'Mx9Q',
      icePwd: '7qzHk3eXbN1wLr2YcV8sAf0T',
      endOfCandidates: false,
      crypto: false,
    });
    expect(audio?.fingerprint?.algorithm).toBe('sha-256');
    expect(audio?.codecs).toEqual([
      {
        payloadType: 111,
        name: 'opus',
        clockRate: 48000,
        channels: 2,
        parameters: 'minptime=10;useinbandfec=1',
      },
      { payloadType: 126, name: 'telephone-event', clockRate: 8000 },
    ]);
    expect(audio?.candidates.map((candidate) => [candidate.family, candidate.port])).toEqual([
      ['ipv4', 3480],
      ['ipv6', 3480],
    ]);
    expect(audio?.candidates[0]).toMatchObject({
      transport: 'udp',
      type: 'host',
      address: '157.240.229.61',
      priority: 2122260223,
      component: 1,
    });
  });

  it("gives Firefox's media section the fingerprint it writes at session level", () => {
    const [audio] = inspectSdp(readSdpFixture('firefox-offer')).media;
    expect(audio?.fingerprint).toEqual({
      algorithm: 'sha-256',
      value:
        '0F:7A:C2:58:E1:94:3D:B6:20:8F:4C:D7:6B:E9:13:A5:72:C0:39:5E:F8:84:1B:D2:AF:67:0C:93:E5:2A:B8:41',
    });
    expect(audio?.endOfCandidates).toBe(true);
    expect(audio?.codecs.find((codec) => codec.name === 'opus')).toMatchObject({
      payloadType: 109,
      parameters: 'maxplaybackrate=48000;stereo=1;useinbandfec=1',
    });
    expect(audio?.candidates.map((candidate) => candidate.type)).toEqual([
      'host',
      'host',
      'srflx',
      'host',
    ]);
    expect(audio?.candidates[1]?.family).toBe('ipv6');
  });

  it("tells a Chromium mDNS candidate from an address, and never marks a browser's SDP ICE-lite", () => {
    const summary = inspectSdp(readSdpFixture('chromium-answer'));
    expect(summary.iceLite).toBe(false);
    expect(summary.media[0]?.setup).toBe('active');
    expect(summary.media[0]?.candidates.map((candidate) => candidate.family)).toEqual([
      'ipv4',
      'mdns',
    ]);
  });

  it('lists every m= section of an SDP with video and a data channel', () => {
    const sdp = readSdpFixture('chromium-offer').concat(
      'm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n',
    );
    const summary = inspectSdp(sdp);
    expect(summary.media.map((section) => section.kind)).toEqual(['audio', 'video', 'application']);
    // A later section does not steal the audio section's codecs, and inherits no media-level attributes.
    expect(summary.media[0]?.codecs).toHaveLength(8);
    expect(summary.media[1]?.codecs).toEqual([{ payloadType: 96, name: 'VP8', clockRate: 90000 }]);
    expect(summary.media[1]?.iceUfrag).toBeUndefined();
  });

  it('reports line endings and JSON wrapping as they are', () => {
    const crlf = readSdpFixture('meta-offer');
    expect(inspectSdp(crlf.replaceAll('\r\n', '\n')).lineEndings).toBe('lf');
    expect(inspectSdp(crlf.replace('\r\n', '\n')).lineEndings).toBe('mixed');
    expect(inspectSdp('v=0').lineEndings).toBe('none');
    const legacy = JSON.stringify({ sdp: crlf, type: 'offer' });
    expect(inspectSdp(legacy)).toMatchObject({ jsonEncoded: true, startsWithVersion: false });
    expect(inspectSdp(JSON.stringify(crlf)).jsonEncoded).toBe(true);
  });

  it('skips lines it cannot read instead of throwing', () => {
    const summary = inspectSdp('v=0\r\nm=audio\r\na=candidate:broken\r\na=rtpmap\r\n');
    expect(summary.media).toHaveLength(1);
    expect(summary.media[0]?.candidates).toEqual([]);
  });
});
