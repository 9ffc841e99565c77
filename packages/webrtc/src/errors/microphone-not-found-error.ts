import { WacallError } from '@wacall/core/browser';

/** No microphone matches (none plugged in, or the requested `deviceId` is gone). */
export class MicrophoneNotFoundError extends WacallError {
  static override readonly errorName = 'MicrophoneNotFoundError';
  declare static readonly isInstance: (value: unknown) => value is MicrophoneNotFoundError;

  constructor(options?: { cause?: unknown }) {
    super(
      'No microphone was found. Fix: plug in a headset or microphone, or pick another device ' +
        '(the microphone option takes a deviceId constraint).',
      options,
    );
  }
}

/** Whether `value` is a `MicrophoneNotFoundError` from any copy of @wacall/webrtc. */
export function isMicrophoneNotFoundError(value: unknown): value is MicrophoneNotFoundError {
  return MicrophoneNotFoundError.isInstance(value);
}
