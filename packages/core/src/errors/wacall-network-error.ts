import { serialiseError } from './serialise-error';
import { WacallError } from './wacall-error';

/**
 * The request never got an HTTP answer: DNS, connection refused or reset, TLS, offline.
 * `cause` holds a sanitised copy of the runtime's error (name, message, code; never the request or
 * its headers). The request may or may not have reached Meta.
 */
export class WacallNetworkError extends WacallError {
  static override readonly errorName = 'WacallNetworkError';
  declare static readonly isInstance: (value: unknown) => value is WacallNetworkError;
  /** The client method that failed, e.g. `permissions.get`. */
  readonly operation: string;
  /** How many attempts were made, retries included. */
  readonly attempts: number;
  /** A network failure can go away on its own. */
  readonly retryable = true;

  constructor(operation: string, attempts: number, detail: string, options?: { cause?: unknown }) {
    const tries = attempts === 1 ? '' : ` after ${attempts} attempts`;
    super(
      `${operation}: could not reach the WhatsApp API${tries} (${detail}). Fix: check the network, ` +
        'proxy and baseUrl; for calls.connect, check the call webhooks before dialling again.',
      options,
    );
    this.operation = operation;
    this.attempts = attempts;
  }

  /** A plain object for logs; it never contains the access token. */
  toJSON(): Record<string, unknown> {
    return serialiseError(this);
  }
}

/** Whether `value` is a `WacallNetworkError` from any copy of @wacall. */
export function isWacallNetworkError(value: unknown): value is WacallNetworkError {
  return WacallNetworkError.isInstance(value);
}
