import { serialiseError } from './serialise-error';
import { WacallError } from './wacall-error';

/** One bad field in the input of a client method. */
export interface ValidationIssue {
  /** Where in the input, e.g. `sdp` or `callHours.weeklyOperatingHours[2].openTime`. */
  path: string;
  /** What is wrong with it. */
  message: string;
  /** How to put it right. */
  fix: string;
}

/**
 * Input was refused before any request was sent. `issues` lists every bad field at once, so one
 * round of fixes is enough.
 */
export class WacallValidationError extends WacallError {
  static override readonly errorName = 'WacallValidationError';
  declare static readonly isInstance: (value: unknown) => value is WacallValidationError;
  readonly issues: readonly ValidationIssue[];
  /** The client method whose input was refused, e.g. `calls.connect`. */
  readonly operation: string;

  constructor(operation: string, issues: readonly ValidationIssue[]) {
    const count = issues.length === 1 ? '1 invalid field' : `${issues.length} invalid fields`;
    const lines = issues.map((issue) => `\n  - ${issue.path}: ${issue.message} Fix: ${issue.fix}`);
    super(`${operation}: ${count}, nothing was sent.${lines.join('')}`);
    this.operation = operation;
    this.issues = issues;
  }

  /** A plain object for logs. */
  toJSON(): Record<string, unknown> {
    return serialiseError(this);
  }
}

/** Whether `value` is a `WacallValidationError` from any copy of @wacall. */
export function isWacallValidationError(value: unknown): value is WacallValidationError {
  return WacallValidationError.isInstance(value);
}
