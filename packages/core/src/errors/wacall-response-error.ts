import { serialiseError } from './serialise-error';
import { WacallError } from './wacall-error';

/**
 * Meta answered with success, but the body is not what the API documents (not JSON, or a field the
 * SDK needs is missing). The action may have taken effect: for `calls.connect`, the call may ring.
 */
export class WacallResponseError extends WacallError {
  static override readonly errorName = 'WacallResponseError';
  declare static readonly isInstance: (value: unknown) => value is WacallResponseError;
  /** The client method whose answer could not be read, e.g. `calls.connect`. */
  readonly operation: string;
  readonly httpStatus: number;
  /** What did not match, one entry per problem, e.g. `calls[0].id: expected string`. */
  readonly problems: readonly string[];
  readonly fbtraceId?: string;

  constructor(
    operation: string,
    httpStatus: number,
    problems: readonly string[],
    fbtraceId?: string,
  ) {
    super(
      `${operation}: the WhatsApp API answered HTTP ${httpStatus} with an unexpected body ` +
        `(${problems.join('; ')}). The request may have taken effect. Fix: check apiVersion and ` +
        `baseUrl; report the fbtraceId${fbtraceId ? ` ${fbtraceId}` : ''} if Meta changed the API.`,
    );
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.problems = problems;
    this.fbtraceId = fbtraceId;
  }

  /** A plain object for logs. */
  toJSON(): Record<string, unknown> {
    return serialiseError(this);
  }
}

/** Whether `value` is a `WacallResponseError` from any copy of @wacall. */
export function isWacallResponseError(value: unknown): value is WacallResponseError {
  return WacallResponseError.isInstance(value);
}
