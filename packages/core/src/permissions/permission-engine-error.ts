import { WacallError, hasMarker } from '../errors/wacall-error';

const marker = Symbol.for('@wacall/permission-engine-error');

/**
 * - `invalid_policy`: a policy number or list is out of range (fix the override).
 * - `invalid_input`: `createPermissionEngine` options or a `check`/`reserve`/`sync` argument is malformed.
 * - `reservation_settled`: `commit()` after `release()`, or `release()` after `commit()`.
 */
export type PermissionEngineErrorCode = 'invalid_policy' | 'invalid_input' | 'reservation_settled';

/** The permission engine refused its configuration or an argument; the message says what to change. */
export class PermissionEngineError extends WacallError {
  /** @internal */
  readonly [marker] = true;
  readonly code: PermissionEngineErrorCode;

  constructor(code: PermissionEngineErrorCode, message: string) {
    super(message);
    this.name = 'PermissionEngineError';
    this.code = code;
  }

  /** Whether `value` is a `PermissionEngineError` from any copy of @wacall. */
  static override isInstance(value: unknown): value is PermissionEngineError {
    return hasMarker(value, marker);
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
