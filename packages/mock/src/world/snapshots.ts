/** Plain-data views of the simulator's state, for assertions and for a UI that shows the phone. */
import { rollingLimitPeriod } from '@wacall/core/platform';
import type { World } from './world';
import { actionableRequest, effectivePermission, isWindowOpen } from './conversations';
import type { EffectivePermission } from './conversations';
import { checkLimit, type RollingLimit } from './limits';
import type {
  CallEnd,
  CallParty,
  CallPhase,
  CallState,
  ConversationState,
  InboxMessage,
} from './state';

export interface CallSnapshot {
  callId: `wacid.${string}`;
  direction: 'user_initiated' | 'business_initiated';
  phoneNumberId: string;
  waId: string;
  state: CallPhase;
  /** How it ended, once `state` is `ended`. */
  outcome?: CallEnd;
  endedBy?: CallParty;
  /** The terminate error code of a dropped call (138021 or 138022). */
  errorCode?: number;
  /** Epoch ms. */
  createdAt: number;
  answeredAt?: number;
  endedAt?: number;
  durationSeconds?: number;
  bizOpaqueCallbackData?: string;
}

export interface UsageSnapshot {
  /** ISO-8601 period, e.g. `PT24H`. */
  period: string;
  used: number;
  max: number;
  /** Epoch ms when one more use is possible; set only while exhausted. */
  freesAt?: number;
}

export interface CustomerSnapshot {
  waId: string;
  name: string;
  userId?: string;
  /** The business number this view is about (limits and permissions are per number + customer). */
  phoneNumberId: string;
  permission: EffectivePermission;
  /** Epoch ms when a temporary grant lapses. */
  permissionExpiresAt?: number;
  revokedBy?: 'customer' | 'automatic';
  windowOpen: boolean;
  windowOpenUntil?: number;
  /** The latest permission request the customer can still act on. */
  pendingPermissionRequest?: {
    messageId: string;
    sentAt: number;
    expiresAt: number;
    answer?: 'accept' | 'reject';
  };
  permissionRequestUsage: UsageSnapshot[];
  connectedCallUsage: UsageSnapshot;
  consecutiveMissedCalls: number;
  /** Messages the business sent, oldest first. */
  inbox: InboxMessage[];
  /** The call in progress with this business number, if any. */
  activeCall?: CallSnapshot;
}

export function callSnapshot(call: CallState): CallSnapshot {
  const durationSeconds =
    call.answeredAt === undefined || call.endedAt === undefined
      ? undefined
      : Math.round((call.endedAt - call.answeredAt) / 1000);
  return {
    callId: call.id,
    direction: call.direction === 'USER_INITIATED' ? 'user_initiated' : 'business_initiated',
    phoneNumberId: call.conversation.business.phoneNumberId,
    waId: call.conversation.customer.waId,
    state: call.phase,
    createdAt: call.createdAt,
    ...withoutUndefined({
      outcome: call.end,
      endedBy: call.endedBy,
      errorCode: call.errorCode,
      answeredAt: call.answeredAt,
      endedAt: call.endedAt,
      durationSeconds,
      bizOpaqueCallbackData: call.bizOpaqueCallbackData,
    }),
  };
}

/** Drops `undefined` members, so snapshots compare and serialise cleanly. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter((entry) => entry[1] !== undefined),
  ) as Partial<T>;
}

/** The call between this business number and customer that has not ended, if any. */
export function activeCallOf(
  context: Pick<World, 'calls'>,
  conversation: ConversationState,
): CallState | undefined {
  for (const call of context.calls.values()) {
    if (call.conversation === conversation && call.phase !== 'ended') return call;
  }
  return undefined;
}

export function customerSnapshot(
  context: Pick<World, 'calls' | 'clock' | 'limits'>,
  conversation: ConversationState,
): CustomerSnapshot {
  const now = context.clock.now();
  const { customer, permission } = conversation;
  const request = actionableRequest(context, conversation);
  const active = activeCallOf(context, conversation);
  const usage = (times: number[], limit: RollingLimit) => {
    const check = checkLimit(times, limit, now);
    return {
      period: rollingLimitPeriod(limit),
      used: check.used,
      max: limit.max,
      ...(check.freesAt === undefined ? {} : { freesAt: check.freesAt }),
    };
  };
  const status = effectivePermission(conversation, now);
  return {
    waId: customer.waId,
    name: customer.name,
    ...(customer.userId === undefined ? {} : { userId: customer.userId }),
    phoneNumberId: conversation.business.phoneNumberId,
    permission: status,
    ...(permission.kind === 'temporary' && permission.expiresAt !== undefined
      ? { permissionExpiresAt: permission.expiresAt }
      : {}),
    ...(permission.revokedBy === undefined ? {} : { revokedBy: permission.revokedBy }),
    windowOpen: isWindowOpen(conversation, now),
    ...(conversation.windowOpenUntil === undefined
      ? {}
      : { windowOpenUntil: conversation.windowOpenUntil }),
    ...(request === undefined
      ? {}
      : {
          pendingPermissionRequest: {
            messageId: request.messageId,
            sentAt: request.sentAt,
            expiresAt:
              (request.answeredAt ?? request.sentAt) + context.limits.permissionRequestLifetimeMs,
            ...(request.answer === undefined ? {} : { answer: request.answer }),
          },
        }),
    permissionRequestUsage: context.limits.permissionRequests.map((limit) =>
      usage(conversation.countedRequests, limit),
    ),
    connectedCallUsage: usage(conversation.connectedCalls, context.limits.connectedCallsPerUser),
    consecutiveMissedCalls: conversation.consecutiveMissed,
    inbox: conversation.inbox.map((message) => ({ ...message })),
    ...(active === undefined ? {} : { activeCall: callSnapshot(active) }),
  };
}
