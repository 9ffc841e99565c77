import { describe, expect, it } from 'vitest';
import { readSdpFixture } from '../../../test/sdp-fixtures';
import { sdpFacts, sdpRules } from './sdp-rules';
import { sdpVerdict } from './sdp-verdict';

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('sdpVerdict', () => {
  it('holds each rule once, the fatal ones first', () => {
    const ruleCodes = sdpRules.map((rule) => rule.code);
    expect(new Set(ruleCodes).size).toBe(ruleCodes.length);
    const firstNonFatal = sdpRules.findIndex((rule) => !rule.fatal);
    expect(sdpRules.slice(firstNonFatal).every((rule) => !rule.fatal)).toBe(true);
  });

  it("refuses \\n line ends, a missing candidate and any fingerprint but the table's", () => {
    const offer = readSdpFixture('chromium-offer');
    expect(sdpVerdict(offer, { kind: 'offer' })).toEqual([]);
    const broken = offer
      .replace(`a=fingerprint:${sdpFacts.fingerprintAlgorithm}`, 'a=fingerprint:sha-1')
      .split('\r\n')
      .filter((line) => !line.startsWith('a=candidate'))
      .join('\n');
    const problems = sdpVerdict(broken, { kind: 'offer' });
    expect(codes(problems)).toEqual(['line_endings', 'fingerprint', 'no_candidates']);
    expect(problems[1]?.fix).toContain(sdpFacts.fingerprintAlgorithm);
  });

  it("takes Meta's passive answer only as the platform's", () => {
    const answer = readSdpFixture('meta-answer');
    expect(sdpVerdict(answer, { kind: 'answer', from: 'platform' })).toEqual([]);
    expect(codes(sdpVerdict(answer, { kind: 'answer' }))).toEqual(['setup']);
  });

  it('stops at a fatal problem and never throws on a non-string', () => {
    expect(codes(sdpVerdict(undefined as unknown as string, { kind: 'offer' }))).toEqual(['empty']);
  });
});
