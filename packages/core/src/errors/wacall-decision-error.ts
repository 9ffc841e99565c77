import type { Decision } from '../permissions/types';
import { serialiseError } from './serialise-error';
import { WacallError } from './wacall-error';

/**
 * The permission rules refused an agent action before anything was sent to Meta. `decision` says why
 * (`reason`, `message`) and, when waiting helps, from when it will work (`retryAt`): show it to the agent.
 */
export class WacallDecisionError extends WacallError {
  static override readonly errorName = 'WacallDecisionError';
  declare static readonly isInstance: (value: unknown) => value is WacallDecisionError;
  readonly decision: Decision;

  constructor(decision: Decision) {
    const when =
      decision.retryAt === undefined
        ? ''
        : ` It becomes possible at ${new Date(decision.retryAt).toISOString()}.`;
    super(`${decision.action} refused (${decision.reason}): ${decision.message}${when}`);
    this.decision = decision;
  }

  /** A plain object for logs. */
  toJSON(): Record<string, unknown> {
    return serialiseError(this);
  }
}

/** Whether `value` is a `WacallDecisionError` from any copy of @wacall. */
export function isWacallDecisionError(value: unknown): value is WacallDecisionError {
  return WacallDecisionError.isInstance(value);
}
