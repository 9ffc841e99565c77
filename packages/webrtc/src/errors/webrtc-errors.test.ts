import { WacallError } from '@wacall/core/browser';
import { describe, expect, it } from 'vitest';
import { IceFailedError, isIceFailedError } from './ice-failed-error';
import { InvalidSdpError, isInvalidSdpError } from './invalid-sdp-error';
import { isMicrophoneDeniedError, MicrophoneDeniedError } from './microphone-denied-error';
import { isMicrophoneNotFoundError, MicrophoneNotFoundError } from './microphone-not-found-error';

// An error thrown by another copy of the package: a plain Error carrying the shared markers.
const foreign = (name: string) =>
  Object.assign(new Error('from another bundle'), {
    [Symbol.for('wacall.error.WacallError')]: true,
    [Symbol.for(`wacall.error.${name}`)]: true,
  });

const classes = [
  [IceFailedError, isIceFailedError, new IceFailedError('no_candidates')],
  [InvalidSdpError, isInvalidSdpError, new InvalidSdpError('remote_offer', [])],
  [MicrophoneDeniedError, isMicrophoneDeniedError, new MicrophoneDeniedError()],
  [MicrophoneNotFoundError, isMicrophoneNotFoundError, new MicrophoneNotFoundError()],
] as const;

describe.each(classes)('%o', (type, guard, error) => {
  it('is a WacallError named after its class', () => {
    expect(error.name).toBe(type.errorName);
    expect(WacallError.isInstance(error)).toBe(true);
  });

  it('is recognised across copies of the package, and only as itself', () => {
    expect(guard(error)).toBe(true);
    expect(type.isInstance(foreign(type.errorName))).toBe(true);
    expect(guard(foreign(type.errorName))).toBe(true);
    // Only a marker set to exactly `true` counts.
    expect(
      guard(Object.assign(new Error('x'), { [Symbol.for(`wacall.error.${type.errorName}`)]: 1 })),
    ).toBe(false);
    expect(guard(new WacallError('other'))).toBe(false);
    for (const [other] of classes)
      if (other !== type) expect(guard(foreign(other.errorName))).toBe(false);
  });
});
