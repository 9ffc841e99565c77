import { WacallError } from '@wacall/core/browser';
import { hasMarker } from './has-marker';

const marker = Symbol.for('@wacall/microphone-not-found-error');

/** No microphone matches (none plugged in, or the requested `deviceId` is gone). */
export class MicrophoneNotFoundError extends WacallError {
  /** @internal */
  readonly [marker] = true;

  constructor(options?: { cause?: unknown }) {
    super(
      'No microphone was found. Fix: plug in a headset or microphone, or pick another device ' +
        '(the microphone option takes a deviceId constraint).',
      options,
    );
    this.name = 'MicrophoneNotFoundError';
  }

  /** Whether `value` is a `MicrophoneNotFoundError` from any copy of @wacall/webrtc. */
  static override isInstance(value: unknown): value is MicrophoneNotFoundError {
    return hasMarker(value, marker);
  }
}

/** Whether `value` is a `MicrophoneNotFoundError` from any copy of @wacall/webrtc. */
export function isMicrophoneNotFoundError(value: unknown): value is MicrophoneNotFoundError {
  return MicrophoneNotFoundError.isInstance(value);
}
