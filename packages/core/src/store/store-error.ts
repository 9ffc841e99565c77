import { WacallError } from '../errors/wacall-error';

/**
 * - `invalid_argument`: the caller passed a bad key, time to live, length or cursor (a bug to fix).
 * - `conflict`: a read-modify-write lost to other writers too many times in a row (retry later).
 * - `unavailable`: the backend could not be reached or refused the command (retry later).
 * - `corrupt`: a key held data this version cannot read (another program wrote to the same key).
 */
export type StoreErrorCode = 'invalid_argument' | 'conflict' | 'unavailable' | 'corrupt';

/** A Store operation failed. `code` says whether it is worth retrying. */
export class StoreError extends WacallError {
  static override readonly errorName = 'StoreError';
  declare static readonly isInstance: (value: unknown) => value is StoreError;
  readonly code: StoreErrorCode;
  /** The key involved, when there is one. */
  readonly key?: string;

  constructor(code: StoreErrorCode, message: string, options?: { key?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.key !== undefined) this.key = options.key;
  }

  /** Whether retrying the same call later can succeed. */
  get retryable(): boolean {
    return this.code === 'conflict' || this.code === 'unavailable';
  }

  /** A plain object for logs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, key: this.key };
  }
}

/** Whether `value` is a `StoreError` from any copy of @wacall. */
export function isStoreError(value: unknown): value is StoreError {
  return StoreError.isInstance(value);
}
