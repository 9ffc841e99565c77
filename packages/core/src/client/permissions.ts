import * as z from 'zod/mini';
import type { RequestOptions } from './client-options';
import { parseDurationMs } from './duration';
import { toEpochMs } from './epoch';
import type { ActionLimit, CallPermissions, PermissionActionInfo } from './permission-types';
import { readResponse } from './read-response';
import type { ResourceContext } from './resource-context';
import { checkUserTarget, issuesFor } from './validate';

/** Whose permission to read: a phone number (`userWaId`, digits) or a business-scoped user id. */
export type GetPermissionsInput =
  { userWaId: string; recipient?: never } | { recipient: string; userWaId?: never };

/** `client.permissions`: read a user's call permission and the limits around it. */
export interface PermissionsResource {
  /** `GET /{phone-number-id}/call_permissions`, normalised. Retried on transient failures. */
  get(input: GetPermissionsInput, options?: RequestOptions): Promise<CallPermissions>;
}

const count = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\d+(\.\d+)?$/))]),
  z.transform(Number),
);
// Meta's generated reference renders arrays as objects keyed "0", "1", …
const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    z.union([z.array(item), z.record(z.string(), item)]),
    z.transform((value) => (Array.isArray(value) ? value : Object.values(value)) as z.infer<T>[]),
  );
const Limit = z.looseObject({
  time_period: z.string(),
  max_allowed: count,
  current_usage: count,
  limit_expiration_time: z.optional(count),
});
const Action = z.looseObject({
  action_name: z.string(),
  can_perform_action: z.optional(z.union([z.boolean(), z.string()])),
  limits: z.optional(listOf(Limit)),
});
const PermissionsResponse = z.looseObject({
  permission: z.looseObject({
    status: z.string(),
    expiration_time: z.optional(count),
    // One table of Meta's reference names it `expiration`; the samples say `expiration_time`.
    expiration: z.optional(count),
  }),
  actions: z.optional(listOf(Action)),
});

/** @internal Builds `client.permissions`. */
export function createPermissionsResource(context: ResourceContext): PermissionsResource {
  return {
    async get(input, options) {
      const operation = 'permissions.get';
      const issues = issuesFor(operation);
      checkUserTarget(issues, 'userWaId', input?.userWaId, input?.recipient);
      if (input?.userWaId !== undefined && input.recipient !== undefined) {
        issues.add('recipient', 'cannot be combined with userWaId.', 'Pass one of the two.');
      }
      issues.throwIfAny();
      const result = await context.send(
        {
          operation,
          method: 'GET',
          path: `${context.phoneNumberId}/call_permissions`,
          query: { user_wa_id: input.userWaId, recipient: input.recipient },
          repeatable: true,
        },
        options,
      );
      return normalise(readResponse(PermissionsResponse, result, operation));
    },
  };
}

function normalise(body: z.infer<typeof PermissionsResponse>): CallPermissions {
  const permissions: CallPermissions = {
    status: body.permission.status.toLowerCase(),
    actions: {},
  };
  const expiration = body.permission.expiration_time ?? body.permission.expiration;
  if (expiration !== undefined) {
    permissions.expiresAt = toEpochMs(expiration);
  }
  for (const action of body.actions ?? []) {
    const info = toActionInfo(action);
    const name = action.action_name.toLowerCase();
    if (name === 'send_call_permission_request')
      permissions.actions.sendCallPermissionRequest = info;
    else if (name === 'start_call') permissions.actions.startCall = info;
    else (permissions.otherActions ??= {})[name] = info;
  }
  return permissions;
}

function toActionInfo(action: z.infer<typeof Action>): PermissionActionInfo {
  const flag = action.can_perform_action;
  return {
    // A missing verdict is treated as "no": the SDK never claims an action is allowed on a guess.
    canPerform: flag === true || (typeof flag === 'string' && flag.toLowerCase() === 'true'),
    limits: (action.limits ?? []).map((limit) => {
      const entry: ActionLimit = {
        period: limit.time_period,
        maxAllowed: limit.max_allowed,
        currentUsage: limit.current_usage,
      };
      const periodMs = parseDurationMs(limit.time_period);
      if (periodMs !== undefined) entry.periodMs = periodMs;
      if (limit.limit_expiration_time !== undefined) {
        entry.resetsAt = toEpochMs(limit.limit_expiration_time);
      }
      return entry;
    }),
  };
}
