import type { CallPermissions } from '../client/permission-types';
import { PermissionEngineError } from './permission-engine-error';

/** Checks that `sync` was given what `client.permissions.get()` returns. */
export function syncPermissionsInput(permissions: unknown): CallPermissions {
  const value = permissions as Partial<CallPermissions> | null;
  const ok =
    typeof value === 'object' &&
    value !== null &&
    typeof value.status === 'string' &&
    typeof value.actions === 'object' &&
    value.actions !== null &&
    (value.expiresAt === undefined || Number.isFinite(value.expiresAt)) &&
    [value.actions.sendCallPermissionRequest, value.actions.startCall].every(
      (action) =>
        action === undefined ||
        (Array.isArray(action.limits) &&
          action.limits.every(
            (limit) =>
              typeof limit === 'object' &&
              limit !== null &&
              typeof limit.period === 'string' &&
              Number.isFinite(limit.currentUsage) &&
              (limit.resetsAt === undefined || Number.isFinite(limit.resetsAt)),
          )),
    );
  if (!ok) {
    throw new PermissionEngineError(
      'invalid_input',
      'sync(customer, permissions) needs the result of client.permissions.get(): { status, expiresAt?, actions: { sendCallPermissionRequest?, startCall? } } with limits [{ period, currentUsage, resetsAt? }].',
    );
  }
  return value as CallPermissions;
}
