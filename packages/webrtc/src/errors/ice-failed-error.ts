import { WacallError } from '@wacall/core/browser';

/** Where ICE gave up: gathering no candidate at all, or finding no working path to the relay. */
export type IceFailure = 'no_candidates' | 'connection_failed';

/** The browser could not reach WhatsApp's media relay, so the call has no audio. */
export class IceFailedError extends WacallError {
  static override readonly errorName = 'IceFailedError';
  declare static readonly isInstance: (value: unknown) => value is IceFailedError;
  readonly failure: IceFailure;

  constructor(failure: IceFailure) {
    super(
      failure === 'no_candidates'
        ? 'The browser gathered no ICE candidate, so it cannot send audio. Fix: check that WebRTC is ' +
            'not disabled by a browser policy or extension.'
        : 'No network path to the WhatsApp media relay worked. Fix: allow outbound UDP from the ' +
            "agent's network (WhatsApp offers no TURN relay over TCP).",
    );
    this.failure = failure;
  }
}

/** Whether `value` is an `IceFailedError` from any copy of @wacall/webrtc. */
export function isIceFailedError(value: unknown): value is IceFailedError {
  return IceFailedError.isInstance(value);
}
