/** What an `ErrorCause` keeps of the error it stands for. */
export interface ErrorCauseInit {
  name: string;
  message: string;
  code?: string | number;
  /** The original's stack, already redacted; the message line is rebuilt when absent. */
  stack?: string;
  cause?: ErrorCause;
}

/**
 * A foreign error as a @wacall error keeps it in `cause`: its name, message, `code` and stack, all
 * redacted, and its own cause the same way. Everything else the original carried (a `Request` with
 * its headers, a `Response`, options) is left behind, so logging the chain cannot print a secret.
 */
export class ErrorCause extends Error {
  /** The original's `code`, e.g. `ECONNREFUSED` or `UND_ERR_SOCKET`. */
  declare readonly code?: string | number;

  constructor(init: ErrorCauseInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = init.name;
    if (init.code !== undefined) this.code = init.code;
    this.stack = init.stack ?? `${init.name}: ${init.message}`;
  }

  /** The chain as plain data for logs: `{ name, message, code?, cause? }`. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    if (this.code !== undefined) json.code = this.code;
    if (this.cause instanceof ErrorCause) json.cause = this.cause.toJSON();
    return json;
  }
}
