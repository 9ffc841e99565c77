import { WacallError } from '@wacall/core';

/**
 * The request body reached the webhook code already parsed (or consumed), so its signature cannot be
 * checked: Meta signs the exact bytes it sent, and re-serialised JSON never matches them. The message
 * says how to mount the route so the raw bytes arrive.
 */
export class RawBodyError extends WacallError {
  static override readonly errorName = 'RawBodyError';
  declare static readonly isInstance: (value: unknown) => value is RawBodyError;
}

/** Whether `value` is a `RawBodyError` (works across copies of the package). */
export function isRawBodyError(value: unknown): value is RawBodyError {
  return RawBodyError.isInstance(value);
}
