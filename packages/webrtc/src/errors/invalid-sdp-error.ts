import { WacallError, type SdpProblem } from '@wacall/core/browser';
import { hasMarker } from './has-marker';

const marker = Symbol.for('@wacall/invalid-sdp-error');

/** Which SDP broke the platform's rules. */
export type SdpSource = 'remote_offer' | 'remote_answer' | 'local_offer' | 'local_answer';

/**
 * An SDP breaks the Calling API's media rules: a remote one would give no audio, a local one would
 * be refused by the platform. `problems` lists each rule with its fix.
 */
export class InvalidSdpError extends WacallError {
  /** @internal */
  readonly [marker] = true;
  readonly source: SdpSource;
  readonly problems: readonly SdpProblem[];

  constructor(source: SdpSource, problems: readonly SdpProblem[], options?: { cause?: unknown }) {
    const lines = problems.map(
      (problem) => `\n  - ${problem.code}: ${problem.message}. Fix: ${problem.fix}.`,
    );
    super(
      `The ${source.replace('_', ' ')} SDP breaks the WhatsApp media rules:${lines.join('')}`,
      options,
    );
    this.name = 'InvalidSdpError';
    this.source = source;
    this.problems = problems;
  }

  /** Whether `value` is an `InvalidSdpError` from any copy of @wacall/webrtc. */
  static override isInstance(value: unknown): value is InvalidSdpError {
    return hasMarker(value, marker);
  }
}

/** Whether `value` is an `InvalidSdpError` from any copy of @wacall/webrtc. */
export function isInvalidSdpError(value: unknown): value is InvalidSdpError {
  return InvalidSdpError.isInstance(value);
}
