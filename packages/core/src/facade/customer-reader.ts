import type { CallRecord } from '../calls/types';
import type { CustomerView } from '../customer-view';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { customerKey } from '../permissions/customer-key';
import type { ListCursor } from '../store/store';
import { deriveCall } from './wacall-state';
import type { FacadeContext } from './facade-context';
import { notePermission } from './facade-context';
import type { PageOptions } from './wacall-types';

const liveStatuses = new Set(['calling', 'ringing', 'ongoing']);

/** The customer's call still in progress, if any (the newest few calls are enough to know). */
export async function activeCallOf(
  context: FacadeContext,
  customer: string,
): Promise<CallRecord | undefined> {
  const calls = await listCalls(context, customer, { limit: 5 });
  return calls.find((call) => call.endedAt === undefined && liveStatuses.has(call.status));
}

export async function getCall(
  context: FacadeContext,
  callId: string,
): Promise<CallRecord | undefined> {
  const facts = await context.state.callFacts(callId);
  return facts ? deriveCall(facts, context.activityMessages).record : undefined;
}

export async function listCalls(
  context: FacadeContext,
  customer: string,
  options: PageOptions = {},
): Promise<CallRecord[]> {
  const ids = await context.state.callIds(
    customerKey(customer),
    limitOf(options, 'listCalls'),
    cursorOf(options),
  );
  const records = await Promise.all(ids.map((id) => getCall(context, id)));
  return records.filter((record): record is CallRecord => record !== undefined);
}

export function listActivities(
  context: FacadeContext,
  customer: string,
  options: PageOptions = {},
) {
  return context.state.activities(
    customerKey(customer),
    limitOf(options, 'listActivities'),
    cursorOf(options),
  );
}

/** Permission, the three decisions, the window and the call in progress: what the agent's UI renders. */
export async function getCustomer(context: FacadeContext, customer: string): Promise<CustomerView> {
  const key = customerKey(customer);
  const permission = await notePermission(context, key, context.now());
  const activeCall = await activeCallOf(context, key);
  const activeCallId = activeCall?.callId;
  const check = (action: 'start_call' | 'send_permission_request' | 'send_call_invite') =>
    context.engine.check({ customer: key, action, ...(activeCallId ? { activeCallId } : {}) });
  const [startCall, sendPermissionRequest, sendCallInvite] = await Promise.all([
    check('start_call'),
    check('send_permission_request'),
    check('send_call_invite'),
  ]);
  const view: CustomerView = {
    customer: key,
    permission,
    decisions: { startCall, sendPermissionRequest, sendCallInvite },
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

function cursorOf(options: PageOptions): ListCursor | undefined {
  if (options.before === undefined) return undefined;
  return typeof options.before === 'number' ? { at: options.before } : { id: options.before };
}
