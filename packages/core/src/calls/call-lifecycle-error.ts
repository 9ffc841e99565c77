import { WacallError } from '../errors/wacall-error';

/** What went wrong when feeding or reading the call lifecycle. */
export type CallLifecycleErrorCode =
  /** An event or agent event for one call was applied to the facts of another. */
  | 'call_id_mismatch'
  /** An agent event is malformed (missing agent, bad time, unknown kind…). */
  | 'invalid_agent_event'
  /** An activity builder got an input it cannot file (empty customer, bad time, unknown channel…). */
  | 'invalid_activity_input'
  /** Nothing is known about the call yet, so its direction (and so its record) cannot be told. */
  | 'unknown_call'
  /** A post-call summary was asked for a call that has not ended. */
  | 'call_not_ended'
  /** A recording or transcript was asked for a call Meta has announced none for. */
  | 'media_not_available';

/** Thrown by the call lifecycle when its input cannot be used; `code` says which rule was broken. */
export class CallLifecycleError extends WacallError {
  static override readonly errorName = 'CallLifecycleError';
  declare static readonly isInstance: (value: unknown) => value is CallLifecycleError;
  readonly code: CallLifecycleErrorCode;
  readonly callId?: string;

  constructor(code: CallLifecycleErrorCode, message: string, options?: { callId?: string }) {
    super(message);
    this.code = code;
    if (options?.callId !== undefined) this.callId = options.callId;
  }
}

/** Whether `value` is a `CallLifecycleError` (works across copies of the package). */
export function isCallLifecycleError(value: unknown): value is CallLifecycleError {
  return CallLifecycleError.isInstance(value);
}
