import { WacallError, type SdpProblem } from '@wacall/core/browser';

/** Which SDP broke the platform's rules. */
export type SdpSource = 'remote_offer' | 'remote_answer' | 'local_offer' | 'local_answer';

/**
 * An SDP breaks the Calling API's media rules: a remote one would give no audio, a local one would
 * be refused by the platform. `problems` lists each rule with its fix.
 */
export class InvalidSdpError extends WacallError {
  static override readonly errorName = 'InvalidSdpError';
  declare static readonly isInstance: (value: unknown) => value is InvalidSdpError;
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
    this.source = source;
    this.problems = problems;
  }
}

/** Whether `value` is an `InvalidSdpError` from any copy of @wacall/webrtc. */
export function isInvalidSdpError(value: unknown): value is InvalidSdpError {
  return InvalidSdpError.isInstance(value);
}
