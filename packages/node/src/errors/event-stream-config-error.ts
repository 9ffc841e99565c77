import { WacallError } from '@wacall/core';
import { hasMarker } from './has-marker';

const marker = Symbol.for('@wacall/event-stream-config-error');

/**
 * `createEventStream()` was given options it cannot work with (no `authorize`, a heartbeat of zero, …).
 * Thrown at setup, so a misconfigured stream fails at start-up instead of on an agent's first visit.
 */
export class EventStreamConfigError extends WacallError {
  /** @internal */
  readonly [marker] = true;
  /** The option at fault, e.g. `heartbeatMs`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.name = 'EventStreamConfigError';
    this.option = option;
  }

  /** Whether `value` is an `EventStreamConfigError` from any copy of @wacall/node. */
  static override isInstance(value: unknown): value is EventStreamConfigError {
    return hasMarker(value, marker);
  }
}

/** Whether `value` is an `EventStreamConfigError` (works across copies of the package). */
export function isEventStreamConfigError(value: unknown): value is EventStreamConfigError {
  return hasMarker(value, marker);
}
