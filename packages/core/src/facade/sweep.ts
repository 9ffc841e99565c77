import { callCustomerKey } from '../calls/derive-call-record';
import type { CallFacts } from '../calls/call-facts';
import { addCall } from '../permissions/stored-state';
import type { StoredPermissionState } from '../permissions/stored-state';
import { callChange, deriveCall, readShownCall, staleAt } from './call-change';
import { trimCallLog } from './call-log-trim';
import { joinChanges, noChange } from './change';
import type { FacadeContext } from './facade-context';
import { deadlineWrite, permissionChange, readPermission } from './permission-change';
import { deadlineId } from './state-keys';
import type { ListCursor, ListPage } from '../store/store';
import { sweepOffer } from './routing-actions';
import { transact } from './transact';
import type { SweepResult } from './wacall-types';

/** How many due deadlines one page handles; a sweep goes on until none is due. */
const pageSize = 100;

/**
 * Applies what the clock decides: expired grants and requests, holds that lapsed, calls whose end was
 * never seen, offers nobody answered in time. Each change is committed once, dated when it happened (not when it was swept), so running
 * it on every instance at once, or twice, records nothing twice.
 */
export async function sweep(context: FacadeContext): Promise<SweepResult> {
  await context.ready();
  const result: SweepResult = {
    customers: 0,
    calls: 0,
    failed: 0,
    ...(context.routing ? { offers: 0 } : {}),
  };
  const due: ListCursor = { at: context.now() + 1 };
  const done = new Set<string>();
  let cursor: ListCursor = due;
  for (;;) {
    const page: ListPage<string> = await context.store.listPage<string>(context.keys.deadlines, {
      limit: pageSize,
      before: cursor,
    });
    const todo = page.items.filter((item) => !done.has(item.id));
    const last = page.items[page.items.length - 1];
    if (todo.length === 0) {
      // Only items that failed here are left on this page: look past them.
      if (!page.hasMore || !last) break;
      cursor = { id: last.id };
      continue;
    }
    for (const item of todo) {
      done.add(item.id);
      try {
        if (item.id.startsWith('p:')) {
          if (await sweepCustomer(context, item.id.slice(2))) result.customers++;
        } else if (item.id.startsWith('c:')) {
          if (await sweepCall(context, item.id.slice(2))) result.calls++;
        } else if (item.id.startsWith('o:') && context.routing) {
          if (await sweepOffer(context, context.routing, item.id.slice(2))) {
            result.offers = (result.offers ?? 0) + 1;
          }
        }
      } catch (error) {
        // One broken record must not stop the clock for everybody else; the next sweep tries again.
        result.failed++;
        context.report(error);
      }
    }
    cursor = due;
  }
  try {
    await trimCallLog(context);
  } catch (error) {
    result.failed++;
    context.report(error);
  }
  return result;
}

/** Re-derives one customer's permission at now; `true` when it recorded something. */
function sweepCustomer(context: FacadeContext, customer: string): Promise<boolean> {
  return transact(context, [context.keys.permission(customer)], ([value]) => {
    const now = context.now();
    const state = readPermission(context, customer, value);
    const change = permissionChange(context, customer, state, undefined, now);
    const recorded = change.publish.length > 0;
    return { ...change, result: recorded };
  });
}

/** Closes one call whose end was never seen, if its time has come; `true` when it did. */
async function sweepCall(context: FacadeContext, callId: string): Promise<boolean> {
  const callKey = context.keys.call(callId);
  const facts = readShownCall(await context.store.get(callKey));
  const customer = facts ? callCustomerKey(deriveCall(context, facts).record.customer) : '';
  const keys = customer === '' ? [callKey] : [callKey, context.keys.permission(customer)];
  return transact(context, keys, ([call, permission]) => {
    const now = context.now();
    const before = readShownCall(call);
    const deadline = before
      ? staleAt(deriveCall(context, before).record, context.policy)
      : undefined;
    if (!before || deadline === undefined) {
      return {
        writes: [deadlineWrite(context, deadlineId.call(callId), undefined)],
        publish: [],
        result: false,
      };
    }
    if (deadline > now) {
      return {
        writes: [deadlineWrite(context, deadlineId.call(callId), deadline)],
        publish: [],
        result: false,
      };
    }
    const after: CallFacts = { ...before, endNotSeenAt: deadline };
    const parts = [callChange(context, before, after).change];
    if (customer !== '') {
      const state = readPermission(context, customer, permission);
      parts.push(
        permissionChange(context, customer, state, forgetCall(state, callId, deadline), now),
      );
    }
    return { ...joinChanges(...parts, noChange()), result: true };
  });
}

/** The call no longer blocks the customer: it counts as ended when the clock closed it. */
function forgetCall(
  state: StoredPermissionState,
  callId: string,
  at: number,
): StoredPermissionState {
  return {
    ...state,
    active: state.active.filter((call) => call.callId !== callId),
    ended: addCall(state.ended, { callId, at }),
  };
}
