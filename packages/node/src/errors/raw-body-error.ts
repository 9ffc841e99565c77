import { WacallError } from '@wacall/core';
import { hasMarker } from './has-marker';

const marker = Symbol.for('@wacall/raw-body-error');

/**
 * The request body reached the webhook code already parsed (or consumed), so its signature cannot be
 * checked: Meta signs the exact bytes it sent, and re-serialised JSON never matches them. The message
 * says how to mount the route so the raw bytes arrive.
 */
export class RawBodyError extends WacallError {
  /** @internal */
  readonly [marker] = true;

  constructor(message: string) {
    super(message);
    this.name = 'RawBodyError';
  }

  /** Whether `value` is a `RawBodyError` from any copy of @wacall/node. */
  static override isInstance(value: unknown): value is RawBodyError {
    return hasMarker(value, marker);
  }
}

/** Whether `value` is a `RawBodyError` (works across copies of the package). */
export function isRawBodyError(value: unknown): value is RawBodyError {
  return hasMarker(value, marker);
}
