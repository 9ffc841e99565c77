import { serialiseError } from './serialise-error';
import { WacallError, hasMarker } from './wacall-error';

const marker = Symbol.for('@wacall/network-error');

/**
 * The request never got an HTTP answer: DNS, connection refused or reset, TLS, offline.
 * `cause` holds a sanitised copy of the runtime's error (name, message, code; never the request or
 * its headers). The request may or may not have reached Meta.
 */
export class WacallNetworkError extends WacallError {
  /** @internal */
  readonly [marker] = true;
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
    this.name = 'WacallNetworkError';
    this.operation = operation;
    this.attempts = attempts;
  }

  /** Whether `value` is a `WacallNetworkError` from any copy of @wacall. */
  static override isInstance(value: unknown): value is WacallNetworkError {
    return hasMarker(value, marker);
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
