import { WacallError } from '@wacall/core';

/**
 * `createEventStream()` was given options it cannot work with (no `authorize`, a heartbeat of zero, …).
 * Thrown at setup, so a misconfigured stream fails at start-up instead of on an agent's first visit.
 */
export class EventStreamConfigError extends WacallError {
  static override readonly errorName = 'EventStreamConfigError';
  declare static readonly isInstance: (value: unknown) => value is EventStreamConfigError;
  /** The option at fault, e.g. `heartbeatMs`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
}

/** Whether `value` is an `EventStreamConfigError` (works across copies of the package). */
export function isEventStreamConfigError(value: unknown): value is EventStreamConfigError {
  return EventStreamConfigError.isInstance(value);
}
