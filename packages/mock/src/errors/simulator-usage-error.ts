import { WacallError } from '@wacall/core';
import { hasMarker } from './has-marker';

const marker = Symbol.for('@wacall/mock/simulator-usage-error');

/**
 * The simulator was driven in a way the platform could not produce, e.g. answering a call that is
 * not ringing or accepting a permission nobody asked for. `fix` says what to do instead.
 */
export class SimulatorUsageError extends WacallError {
  /** @internal */
  readonly [marker] = true;
  /** How to drive the simulator so the step makes sense. */
  readonly fix: string;

  constructor(message: string, fix: string) {
    super(`${message} ${fix}`);
    this.name = 'SimulatorUsageError';
    this.fix = fix;
  }

  /** Whether `value` is a `SimulatorUsageError` from any copy of @wacall/mock. */
  static override isInstance(value: unknown): value is SimulatorUsageError {
    return hasMarker(value, marker);
  }
}

/** Whether `value` is a `SimulatorUsageError` from any copy of @wacall/mock. */
export function isSimulatorUsageError(value: unknown): value is SimulatorUsageError {
  return SimulatorUsageError.isInstance(value);
}
