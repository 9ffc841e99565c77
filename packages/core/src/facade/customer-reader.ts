import type { CallRecord } from '../calls/types';
import type { CustomerView } from '../customer-view';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { customerKey } from '../permissions/customer-key';
import { decide } from '../permissions/decide';
import { derivePermissionState } from '../permissions/derive-state';
import type { ListCursor } from '../store/store';
import type { Activity } from '../calls/types';
import { deriveCall, readShownCall, staleAt } from './call-change';
import type { FacadeContext } from './facade-context';
import { readPermission } from './permission-change';
import type { PageOptions } from './wacall-types';

/** The customer's call still in progress, if any: not ended, and not past its stale deadline. */
export async function activeCallOf(
  context: FacadeContext,
  customer: string,
  now: number,
): Promise<CallRecord | undefined> {
  const calls = await listCalls(context, customer, { limit: 5 });
  return calls.find((call) => {
    const deadline = staleAt(call, context.policy);
    return deadline !== undefined && deadline > now;
  });
}

export async function getCall(
  context: FacadeContext,
  callId: string,
): Promise<CallRecord | undefined> {
  const facts = readShownCall(await context.store.get(context.keys.call(callId)));
  return facts ? deriveCall(context, facts).record : undefined;
}

export async function listCalls(
  context: FacadeContext,
  customer: string,
  options: PageOptions = {},
): Promise<CallRecord[]> {
  const page = await context.store.listPage<string>(context.keys.calls(customerKey(customer)), {
    limit: limitOf(options, 'listCalls'),
    ...cursorOf(options),
  });
  const facts = await context.store.getMany(
    page.items.map((item) => context.keys.call(item.value)),
  );
  return facts.flatMap((value) => {
    const call = readShownCall(value);
    return call ? [deriveCall(context, call).record] : [];
  });
}

export async function listActivities(
  context: FacadeContext,
  customer: string,
  options: PageOptions = {},
): Promise<Activity[]> {
  const page = await context.store.listPage(context.keys.activities(customerKey(customer)), {
    limit: limitOf(options, 'listActivities'),
    ...cursorOf(options),
  });
  return page.items.map((item) => item.value as unknown as Activity);
}

/**
 * Permission, the three decisions, the window and the call in progress: what the agent's UI renders.
 * A read: what the clock changed (an expired grant) is shown as of now, and recorded by `sweep()`.
 */
export async function getCustomer(context: FacadeContext, customer: string): Promise<CustomerView> {
  const key = customerKey(customer);
  const now = context.now();
  const [value, activeCall, decideContext] = await Promise.all([
    context.store.get(context.keys.permission(key)),
    activeCallOf(context, key, now),
    context.decideContext(),
  ]);
  const state = readPermission(context, key, value);
  const activeCallId = activeCall?.callId;
  const check = (action: 'start_call' | 'send_permission_request' | 'send_call_invite') =>
    decide(state, { action, ...(activeCallId ? { activeCallId } : {}) }, now, decideContext);
  const permission = derivePermissionState(state, now, context.policy);
  const view: CustomerView = {
    customer: key,
    permission,
    decisions: {
      startCall: check('start_call'),
      sendPermissionRequest: check('send_permission_request'),
      sendCallInvite: check('send_call_invite'),
    },
  };
  if (permission.windowOpenUntil !== undefined) view.windowOpenUntil = permission.windowOpenUntil;
  if (activeCall) view.activeCall = activeCall;
  return view;
}

function limitOf(options: PageOptions, operation: string): number {
  const limit = options.limit ?? 50;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new WacallValidationError(operation, [
      {
        path: 'limit',
        message: `must be a positive whole number (got ${String(limit)}).`,
        fix: 'Pass a page size such as 50, or leave it out.',
      },
    ]);
  }
  return limit;
}

function cursorOf(options: PageOptions): { before?: ListCursor } {
  if (options.before === undefined) return {};
  return {
    before: typeof options.before === 'number' ? { at: options.before } : { id: options.before },
  };
}
