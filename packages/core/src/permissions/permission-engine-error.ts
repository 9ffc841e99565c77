import { WacallError } from '../errors/wacall-error';

/**
 * - `invalid_policy`: a policy number or list is out of range (fix the override).
 * - `invalid_input`: `createPermissionEngine` options or a `check`/`reserve`/`sync` argument is malformed.
 * - `reservation_settled`: `commit()` after `release()`, or `release()` after `commit()`.
 */
export type PermissionEngineErrorCode = 'invalid_policy' | 'invalid_input' | 'reservation_settled';

/** The permission engine refused its configuration or an argument; the message says what to change. */
export class PermissionEngineError extends WacallError {
  static override readonly errorName = 'PermissionEngineError';
  declare static readonly isInstance: (value: unknown) => value is PermissionEngineError;
  readonly code: PermissionEngineErrorCode;

  constructor(code: PermissionEngineErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  /** A plain object for logs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** Whether `value` is a `PermissionEngineError` from any copy of @wacall. */
export function isPermissionEngineError(value: unknown): value is PermissionEngineError {
  return PermissionEngineError.isInstance(value);
}
