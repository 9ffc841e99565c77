import { WacallError } from '@wacall/core';

/**
 * The simulator was driven in a way the platform could not produce, e.g. answering a call that is
 * not ringing or accepting a permission nobody asked for. `fix` says what to do instead.
 */
export class SimulatorUsageError extends WacallError {
  static override readonly errorName = 'SimulatorUsageError';
  declare static readonly isInstance: (value: unknown) => value is SimulatorUsageError;
  /** How to drive the simulator so the step makes sense. */
  readonly fix: string;

  constructor(message: string, fix: string) {
    super(`${message} ${fix}`);
    this.fix = fix;
  }
}

/** Whether `value` is a `SimulatorUsageError` from any copy of @wacall/mock. */
export function isSimulatorUsageError(value: unknown): value is SimulatorUsageError {
  return SimulatorUsageError.isInstance(value);
}
