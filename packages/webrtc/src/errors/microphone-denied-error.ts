import { WacallError } from '@wacall/core/browser';

/** The browser or the agent refused microphone access; no call media was set up. */
export class MicrophoneDeniedError extends WacallError {
  static override readonly errorName = 'MicrophoneDeniedError';
  declare static readonly isInstance: (value: unknown) => value is MicrophoneDeniedError;

  constructor(options?: { cause?: unknown }) {
    super(
      'The browser refused access to the microphone. Fix: ask the agent to allow the microphone for ' +
        'this site (the lock icon in the address bar); the page must be served over HTTPS.',
      options,
    );
  }
}

/** Whether `value` is a `MicrophoneDeniedError` from any copy of @wacall/webrtc. */
export function isMicrophoneDeniedError(value: unknown): value is MicrophoneDeniedError {
  return MicrophoneDeniedError.isInstance(value);
}
