import { WacallError } from '@wacall/core/browser';
import { hasMarker } from './has-marker';

const marker = Symbol.for('@wacall/microphone-denied-error');

/** The browser or the agent refused microphone access; no call media was set up. */
export class MicrophoneDeniedError extends WacallError {
  /** @internal */
  readonly [marker] = true;

  constructor(options?: { cause?: unknown }) {
    super(
      'The browser refused access to the microphone. Fix: ask the agent to allow the microphone for ' +
        'this site (the lock icon in the address bar); the page must be served over HTTPS.',
      options,
    );
    this.name = 'MicrophoneDeniedError';
  }

  /** Whether `value` is a `MicrophoneDeniedError` from any copy of @wacall/webrtc. */
  static override isInstance(value: unknown): value is MicrophoneDeniedError {
    return hasMarker(value, marker);
  }
}

/** Whether `value` is a `MicrophoneDeniedError` from any copy of @wacall/webrtc. */
export function isMicrophoneDeniedError(value: unknown): value is MicrophoneDeniedError {
  return MicrophoneDeniedError.isInstance(value);
}
