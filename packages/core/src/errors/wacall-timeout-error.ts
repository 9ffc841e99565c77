import { serialiseError } from './serialise-error';
import { WacallError } from './wacall-error';

/**
 * No answer within `timeoutMs` (per attempt). Meta may still have acted on the request: after a
 * timed-out `calls.connect`, wait for the call webhooks before dialling again.
 */
export class WacallTimeoutError extends WacallError {
  static override readonly errorName = 'WacallTimeoutError';
  declare static readonly isInstance: (value: unknown) => value is WacallTimeoutError;
  /** The client method that timed out, e.g. `calls.connect`. */
  readonly operation: string;
  readonly timeoutMs: number;
  /** How many attempts were made, retries included. */
  readonly attempts: number;
  /** A slow answer can be a passing problem. */
  readonly retryable = true;

  constructor(
    operation: string,
    timeoutMs: number,
    attempts: number,
    options?: { cause?: unknown },
  ) {
    const tries = attempts === 1 ? '' : ` (${attempts} attempts)`;
    super(
      `${operation}: the WhatsApp API did not answer within ${timeoutMs} ms${tries}. ` +
        'Fix: raise timeoutMs in createClient() if your network is slow, or try again later.',
      options,
    );
    this.operation = operation;
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
  }

  /** A plain object for logs. */
  toJSON(): Record<string, unknown> {
    return serialiseError(this);
  }
}

/** Whether `value` is a `WacallTimeoutError` from any copy of @wacall. */
export function isWacallTimeoutError(value: unknown): value is WacallTimeoutError {
  return WacallTimeoutError.isInstance(value);
}
