import type { MessageChannel, PermissionState } from '../permissions/types';
import { permissionLimits } from '../platform/permission-limits';
import type { ActivityMessages } from './activity-messages';
import { buildActivity } from './build-activity';
import { CallLifecycleError } from './call-lifecycle-error';
import type { Activity, ActivityKind, ActivityParamsMap, Agent } from './types';

/** The platform's numbers (`@wacall/core/platform`), used when the caller does not pass its policy's. */
export const permissionActivityDefaults: Readonly<{
  /** Consecutive unanswered business-initiated calls after which the platform revokes permission. */
  autoRevokeAfterMissedCalls: number;
  /** Days a temporary permission lasts. */
  temporaryGrantDays: number;
}> = /* @__PURE__ */ readActivityDefaults();

// Read inside a function, so a bundle without permission activities drops the table.
function readActivityDefaults() {
  return Object.freeze({
    autoRevokeAfterMissedCalls: permissionLimits.missedCallsBeforeAutoRevoke,
    temporaryGrantDays: permissionLimits.temporaryGrantDays,
  });
}

export interface PermissionChangeContext {
  /** The customer key the activities are filed under. */
  customer: string;
  /** Epoch ms of the change (the webhook's timestamp, or the moment it was noticed). */
  at: number;
  messages?: Partial<ActivityMessages>;
  /** Default: the platform's, 4 (`permissionLimits.missedCallsBeforeAutoRevoke`). */
  autoRevokeAfterMissedCalls?: number;
  /** Default: the platform's, 7 (`permissionLimits.temporaryGrantDays`). */
  temporaryGrantDays?: number;
}

/**
 * The permission activities a state change stands for: granted, approved, declined, revoked by the
 * customer, auto-revoked, expired (grant or request). Equal states give none, so re-applied events
 * stay silent. Expiries are dated at the expiry itself, not when it was noticed, so their ids are
 * stable. A request being sent is recorded with `permissionRequestSentActivity` instead.
 */
export function permissionActivities(
  before: PermissionState | undefined,
  after: PermissionState,
  context: PermissionChangeContext,
): Activity[] {
  checkPlacement(context.customer, context.at, 'permissionActivities');
  const was = before?.permission ?? 'none';
  const make = <K extends ActivityKind>(kind: K, params: ActivityParamsMap[K], at = context.at) =>
    buildActivity(
      kind,
      params,
      { id: `${context.customer}:${kind}:${at}`, at, customer: context.customer },
      context.messages,
    );

  switch (after.permission) {
    case 'granted': {
      const newGrant = was !== 'granted' || before?.permanent !== after.permanent;
      if (!newGrant) return [];
      if (was === 'requested')
        return [make('permission_request.approved', { permanent: after.permanent })];
      const params: ActivityParamsMap['permission.granted'] = { permanent: after.permanent };
      if (!after.permanent && after.expiresAt !== undefined) params.expiresAt = after.expiresAt;
      return [make('permission.granted', params)];
    }
    case 'revoked':
      if (was === 'revoked') return [];
      return after.revokedReason === 'missed_calls'
        ? [
            make('permission.auto_revoked', {
              missedCalls:
                context.autoRevokeAfterMissedCalls ??
                permissionActivityDefaults.autoRevokeAfterMissedCalls,
            }),
          ]
        : [make('permission.revoked_by_customer', {})];
    case 'expired': {
      const at = before?.expiresAt ?? context.at;
      if (was === 'granted') {
        const days = context.temporaryGrantDays ?? permissionActivityDefaults.temporaryGrantDays;
        return [make('permission.expired', { days }, at)];
      }
      return was === 'requested' ? [make('permission_request.expired', {}, at)] : [];
    }
    case 'declined':
      return was === 'declined' ? [] : [make('permission_request.declined', {})];
    default:
      return [];
  }
}

/** What an agent sent: a permission request or a call invite. */
export interface SentMessageActivityInput {
  customer: string;
  /** Epoch ms. */
  at: number;
  agent: Agent;
  channel: MessageChannel;
  templateName?: string;
  /** The wamid the API returned; it keys the activity, so retrying the record is harmless. */
  messageId?: string;
}

/** The activity "call permission request sent by agent X" (free-form or template). */
export function permissionRequestSentActivity(
  input: SentMessageActivityInput,
  messages?: Partial<ActivityMessages>,
): Activity {
  return sentActivity('permission_request.sent', input, messages);
}

/** The activity "call invite sent by agent X" (free-form or template). */
export function callInviteSentActivity(
  input: SentMessageActivityInput,
  messages?: Partial<ActivityMessages>,
): Activity {
  return sentActivity('call_invite.sent', input, messages);
}

function sentActivity(
  kind: 'permission_request.sent' | 'call_invite.sent',
  input: SentMessageActivityInput,
  messages: Partial<ActivityMessages> | undefined,
): Activity {
  checkPlacement(input.customer, input.at, kind);
  const { id, name } = (input.agent ?? {}) as Partial<Agent>;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string' || name === '') {
    invalid(`${kind} needs \`agent\` as { id, name } with non-empty strings (who sent it).`);
  }
  if (input.channel !== 'free_form' && input.channel !== 'template') {
    invalid(
      `${kind} needs \`channel\` 'free_form' or 'template', got ${JSON.stringify(input.channel)}.`,
    );
  }
  const params: ActivityParamsMap[typeof kind] = { channel: input.channel };
  if (input.templateName) params.templateName = input.templateName;
  const key = input.messageId || String(input.at);
  return buildActivity(
    kind,
    params,
    {
      id: `${input.customer}:${kind}:${key}`,
      at: input.at,
      customer: input.customer,
      actor: { id, name },
    },
    messages,
  );
}

function checkPlacement(customer: unknown, at: unknown, what: string): void {
  if (typeof customer !== 'string' || customer === '') {
    invalid(
      `${what} needs \`customer\`: the non-empty key (wa id or BSUID) to file the activity under.`,
    );
  }
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
    invalid(`${what} needs \`at\` as epoch milliseconds (a finite number).`);
  }
}

function invalid(message: string): never {
  throw new CallLifecycleError('invalid_activity_input', message);
}
