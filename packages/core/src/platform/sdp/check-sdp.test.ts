import { describe, expect, it } from 'vitest';
import { readSdpFixture } from '../../../test/sdp-fixtures';
import { checkAnswerSdp, checkOfferSdp } from './check-sdp';

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('checkOfferSdp', () => {
  it.each(['meta-offer', 'chromium-offer', 'firefox-offer'])('accepts %s', (name) => {
    expect(checkOfferSdp(readSdpFixture(name))).toEqual([]);
  });

  it('refuses an offer that claims the DTLS client role', () => {
    const sdp = readSdpFixture('chromium-offer').replace('a=setup:actpass', 'a=setup:active');
    expect(codes(checkOfferSdp(sdp))).toEqual(['setup']);
  });

  it('lists every problem of a trickled, \\n-ended offer with video at once', () => {
    const sdp = readSdpFixture('chromium-offer')
      .split('\r\n')
      .filter((line) => !line.startsWith('a=candidate') && !line.startsWith('a=fingerprint'))
      .join('\n')
      .concat('m=video 9 UDP/TLS/RTP/SAVPF 96\na=rtpmap:96 VP8/90000\n');
    expect(codes(checkOfferSdp(sdp))).toEqual([
      'line_endings',
      'audio_sections',
      'fingerprint',
      'no_candidates',
    ]);
  });
});

describe('checkAnswerSdp', () => {
  it.each(['chromium-answer', 'firefox-answer'])('accepts the business answer %s', (name) => {
    expect(checkAnswerSdp(readSdpFixture(name))).toEqual([]);
  });

  it("accepts Meta's passive answer only when told it comes from the platform", () => {
    const sdp = readSdpFixture('meta-answer');
    expect(checkAnswerSdp(sdp, { from: 'platform' })).toEqual([]);
    const [problem] = checkAnswerSdp(sdp);
    expect(problem).toMatchObject({ code: 'setup', message: 'the answer has a=setup:passive' });
    expect(problem?.fix).toContain('a=setup:active');
    const actpass = sdp.replace('a=setup:passive', 'a=setup:actpass');
    expect(codes(checkAnswerSdp(actpass, { from: 'platform' }))).toEqual(['setup']);
  });

  it('refuses an answer without Opus, with a SHA-1 fingerprint or without ICE credentials', () => {
    const sdp = readSdpFixture('chromium-answer')
      .replace('a=rtpmap:111 opus/48000/2', 'a=rtpmap:111 PCMU/8000')
      .replace('a=fingerprint:sha-256', 'a=fingerprint:sha-1')
      .replace(/a=ice-pwd:.*\r\n/, '');
    const problems = checkAnswerSdp(sdp);
    expect(codes(problems)).toEqual(['no_opus', 'fingerprint', 'ice_credentials']);
    expect(problems[1]?.message).toBe('DTLS fingerprint is sha-1');
  });

  it('accepts SDES keys instead of a fingerprint', () => {
    const sdp = readSdpFixture('chromium-answer').replace(
      /a=fingerprint:.*\r\n/,
      'a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n',
    );
    expect(checkAnswerSdp(sdp)).toEqual([]);
  });

  it('stops at the first fatal problem: empty, JSON-encoded or not SDP at all', () => {
    const sdp = readSdpFixture('chromium-answer');
    expect(codes(checkAnswerSdp(''))).toEqual(['empty']);
    expect(codes(checkAnswerSdp(JSON.stringify({ type: 'answer', sdp })))).toEqual([
      'json_encoded',
    ]);
    expect(codes(checkAnswerSdp(JSON.stringify(sdp)))).toEqual(['json_encoded']);
    expect(codes(checkAnswerSdp('hello'))).toEqual(['not_sdp']);
  });

  it('refuses an SDP with no audio section', () => {
    const problems = checkAnswerSdp('v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n');
    expect(problems).toEqual([
      {
        code: 'audio_sections',
        message: '0 m= sections, 0 audio',
        fix: 'use one peer connection with one audio track and no data channel or video',
      },
    ]);
  });
});
