/**
 * The customer's (or the platform's) answers to call permission: grants, declines, revocations by
 * the user or after consecutive missed calls. Each changes the conversation and returns the reply
 * webhook Meta sends for it.
 */
import { hasCallPermission, openWindow } from '../world/conversations';
import type { ConversationState } from '../world/state';
import type { World } from '../world/world';
import { permissionReplyUpdate, type WebhookUpdate } from '../webhooks/payloads';

/** What a reply reads: time, the permission lifetimes, and ids for the reply message. */
export type ReplyContext = Pick<World, 'clock' | 'limits' | 'random'>;

export interface GrantOptions {
  permanent: boolean;
  source: 'user_action' | 'automatic';
  /** The request wamid, a call's wacid (callback grants), or absent (profile toggle). */
  contextId?: string;
}

/** The customer (or the callback prompt) grants permission; returns the reply webhook. */
export function grantPermission(
  context: ReplyContext,
  conversation: ConversationState,
  options: GrantOptions,
): WebhookUpdate {
  const now = context.clock.now();
  const expiresAt = options.permanent ? undefined : now + context.limits.temporaryPermissionMs;
  conversation.permission = {
    kind: options.permanent ? 'permanent' : 'temporary',
    changedAt: now,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
  conversation.consecutiveMissed = 0;
  openWindow(context, conversation);
  return permissionReplyUpdate(
    conversation,
    {
      messageId: context.random.messageId(),
      response: 'accept',
      permanent: options.permanent,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      source: options.source,
      ...(options.contextId === undefined ? {} : { contextId: options.contextId }),
    },
    now,
  );
}

/** The customer declines a request (`contextId` = its wamid) or revokes (no context). */
export function refusePermission(
  context: ReplyContext,
  conversation: ConversationState,
  how: { kind: 'declined' | 'revoked'; by: 'customer' | 'automatic'; contextId?: string },
): WebhookUpdate {
  const now = context.clock.now();
  conversation.permission = {
    kind: how.kind,
    changedAt: now,
    ...(how.kind === 'revoked' ? { revokedBy: how.by } : {}),
  };
  conversation.consecutiveMissed = 0;
  // A user's own reply is an inbound message; the platform's automatic revocation is not.
  if (how.by === 'customer') openWindow(context, conversation);
  return permissionReplyUpdate(
    conversation,
    {
      messageId: context.random.messageId(),
      response: 'reject',
      source: how.by === 'customer' ? 'user_action' : 'automatic',
      ...(how.contextId === undefined ? {} : { contextId: how.contextId }),
    },
    now,
  );
}

/** A business call went unanswered or was rejected; the 4th in a row revokes the permission. */
export function recordMissedBusinessCall(
  context: ReplyContext,
  conversation: ConversationState,
): WebhookUpdate | undefined {
  conversation.consecutiveMissed += 1;
  if (conversation.consecutiveMissed < context.limits.autoRevokeAfterMissedCalls) return undefined;
  if (!hasCallPermission(conversation, context.clock.now())) return undefined;
  return refusePermission(context, conversation, { kind: 'revoked', by: 'automatic' });
}
