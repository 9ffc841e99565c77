import { decide } from '../permissions/decide';
import type { DecideInput } from '../permissions/decide';
import { holdUse, recordUse, releaseUse } from '../permissions/reservation';
import type { UseDetails } from '../permissions/reservation';
import type { StoredPermissionState } from '../permissions/stored-state';
import type { Decision, PermissionAction } from '../permissions/types';
import type { Versioned } from '../store/store';
import type { Change } from './change';
import { joinChanges, noChange } from './change';
import type { FacadeContext } from './facade-context';
import { permissionChange, readPermission } from './permission-change';
import { certainlyNotSent } from './send-outcome';
import { transact } from './transact';

/** An allowed use, recorded; `id` doubles as the correlation token. */
export interface Reserved {
  decision: Decision;
  id: string;
  /** When it was reserved (epoch ms). */
  at: number;
}

/**
 * Decides and, when allowed, records the use in the same atomic commit (every limit checked against
 * what every instance recorded). Resolves with the decision; `reserved` only when allowed.
 */
export async function reserve(
  context: FacadeContext,
  customer: string,
  input: DecideInput,
  details: UseDetails = {},
): Promise<{ decision: Decision; reserved?: Reserved }> {
  const decideContext = await context.decideContext();
  const id = context.nextId();
  return transact<{ decision: Decision; reserved?: Reserved }>(
    context,
    [context.keys.permission(customer)],
    ([value]) => {
      const now = context.now();
      const state = readPermission(context, customer, value);
      const decision = decide(state, input, now, decideContext);
      if (!decision.allowed) return { ...noChange(), result: { decision } };
      const after = recordUse(state, input.action, id, now, details);
      const change = after ? permissionChange(context, customer, state, after, now) : noChange();
      return { ...change, result: { decision, reserved: { decision, id, at: now } } };
    },
  );
}

/**
 * Changes the customer's permission facts (and whatever else `extra` adds) in one commit. `change`
 * returns the new facts, or `undefined` to leave them.
 */
export function changePermission<T>(
  context: FacadeContext,
  customer: string,
  extraKeys: readonly string[],
  change: (
    state: StoredPermissionState,
    now: number,
    extra: (Versioned | undefined)[],
  ) => { after?: StoredPermissionState; also?: Change; result: T },
): Promise<T> {
  const keys = [context.keys.permission(customer), ...extraKeys];
  return transact(context, keys, ([value, ...others]) => {
    const now = context.now();
    const state = readPermission(context, customer, value);
    const { after, also, result } = change(state, now, others);
    const own =
      after && JSON.stringify(after) !== JSON.stringify(state)
        ? permissionChange(context, customer, state, after, now)
        : noChange();
    return { ...joinChanges(own, also ?? noChange()), result };
  });
}

/**
 * After a send failed: give the use back when it certainly did not happen, otherwise keep it and hold
 * the same action back until a webhook confirms it or the hold lapses. Rethrows nothing; the caller
 * rethrows the send's own error.
 */
export async function settleFailure(
  context: FacadeContext,
  customer: string,
  reserved: Reserved,
  error: unknown,
  onHold?: (now: number) => Change,
): Promise<void> {
  // Only the permission rules reserve; `accept_call` decisions come from routing and never do.
  const action = reserved.decision.action as PermissionAction;
  const refused = certainlyNotSent(error);
  await changePermission(context, customer, [], (state, now) => ({
    after: refused
      ? (releaseUse(state, action, reserved.id) ?? state)
      : holdUse(state, action, reserved.id, now, context.policy),
    ...(!refused && onHold ? { also: onHold(now) } : {}),
    result: undefined,
  }));
}
