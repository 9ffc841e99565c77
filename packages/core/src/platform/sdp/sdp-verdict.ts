import { inspectSdp } from './inspect-sdp';
import type { SdpProblem } from './sdp-problem';
import { sdpRules, type SdpRuleInput, type SdpVerdictOptions } from './sdp-rules';

/**
 * The platform's verdict on an SDP: every rule of `sdpRules` it breaks, in order, each with a fix.
 * An empty list means the platform accepts it. Stops at the first fatal problem (empty, JSON, not SDP).
 */
export function sdpVerdict(sdp: string, options: SdpVerdictOptions): SdpProblem[] {
  const text = typeof sdp === 'string' ? sdp : '';
  const summary = inspectSdp(text);
  const input: SdpRuleInput = {
    text: sdp,
    summary,
    audio: summary.media.find((section) => section.kind === 'audio'),
    kind: options.kind,
    from: options.from ?? 'business',
  };
  const problems: SdpProblem[] = [];
  for (const rule of sdpRules) {
    if (rule.needsAudio && input.audio === undefined) continue;
    const message = rule.broken(input);
    if (message === undefined) continue;
    const problem = { code: rule.code, message, fix: rule.fix(input) };
    if (rule.fatal) return [problem];
    problems.push(problem);
  }
  return problems;
}
