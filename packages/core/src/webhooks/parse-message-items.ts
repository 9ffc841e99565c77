// Items of the `messages` field: inbound `messages[]` (permission replies, voicemails, anything else)
// and `statuses[]` of messages we sent.
import { check, eventBase, type ChangeContext } from './change-context';
import { findContact } from './contacts';
import type { MessageEvent, MessageStatusEvent, PermissionReplyEvent } from './events';
import { issue, lower, present, toEpochMs, toNumber } from './normalize';
import { parseCallStatus } from './parse-call-items';
import {
  messageSchema,
  messageStatusSchema,
  permissionReplySchema,
  type MessageItem,
  type Numeric,
} from './schemas';
import { parseErrors } from './webhook-errors';

// Expiry values below this are a relative "seconds until expiry" (older pages), not a Unix time.
const RELATIVE_EXPIRY_CEILING = 1e9;

/** One `messages[]` item: a permission reply, or any other inbound message. */
export function parseMessageItem(raw: unknown, path: string, ctx: ChangeContext): void {
  const item = check(messageSchema, raw, path, ctx.out);
  if (!item) return;
  // Recognised by `interactive.type`: samples of the automatic callback grant carry no `type`.
  if (item.interactive?.type?.toLowerCase() === 'call_permission_reply') {
    const reply = parsePermissionReply(item, raw, path, ctx);
    if (reply) ctx.out.events.push(reply);
    return;
  }
  if (item.type === undefined) {
    ctx.out.issues.push(issue(path, 'type: missing (and not a call permission reply)', raw));
    return;
  }
  const type = lower(item.type);
  const from = present(item.from);
  const fromUserId = present(item.from_user_id);
  const event: MessageEvent = {
    type: 'message',
    ...eventBase(ctx, toEpochMs(item.timestamp), raw),
    messageId: item.id,
    from,
    fromUserId,
    messageType: type,
    text: type === 'text' ? item.text?.body : undefined,
    // A voicemail is an audio message whose id is the missed call's wacid.
    voicemailCallId: type === 'audio' && item.id.startsWith('wacid.') ? item.id : undefined,
    contact: findContact(ctx.contacts, from, fromUserId),
  };
  ctx.out.events.push(event);
}

function parsePermissionReply(
  item: MessageItem,
  raw: unknown,
  path: string,
  ctx: ChangeContext,
): PermissionReplyEvent | undefined {
  const parsed = check(permissionReplySchema, raw, path, ctx.out);
  if (!parsed) return undefined;
  const reply = parsed.interactive.call_permission_reply;
  const timestamp = toEpochMs(item.timestamp);
  const from = present(item.from);
  const fromUserId = present(item.from_user_id);
  return {
    type: 'permission.reply',
    ...eventBase(ctx, timestamp, raw),
    messageId: item.id,
    from,
    fromUserId,
    response: lower(reply.response),
    permanent: reply.is_permanent === true || reply.is_permanent === 'true',
    expiresAt: expiry(reply.expiration_timestamp, timestamp),
    // Payloads from before automatic grants existed carry no source: those were the user's action.
    source: lower(present(reply.response_source) ?? 'user_action'),
    contextId: present(item.context?.id),
    contact: findContact(ctx.contacts, from, fromUserId),
  };
}

/** `expiration_timestamp`: int or string, absolute Unix seconds or (older pages) seconds from now. */
function expiry(value: Numeric | undefined, messageTimeMs: number): number | undefined {
  if (value === undefined) return undefined;
  const n = toNumber(value);
  return n < RELATIVE_EXPIRY_CEILING ? messageTimeMs + n * 1000 : toEpochMs(n);
}

/**
 * One `statuses[]` item on field `messages`: the delivery status of a message we sent. A status with
 * `type: "call"` is a call's progress and is parsed as one.
 */
export function parseMessageStatus(raw: unknown, path: string, ctx: ChangeContext): void {
  const kind = (raw as { type?: unknown } | null)?.type;
  if (typeof kind === 'string' && kind.toLowerCase() === 'call') {
    parseCallStatus(raw, path, ctx);
    return;
  }
  const item = check(messageStatusSchema, raw, path, ctx.out);
  if (!item) return;
  const event: MessageStatusEvent = {
    type: 'message.status',
    ...eventBase(ctx, toEpochMs(item.timestamp), raw),
    messageId: item.id,
    status: lower(item.status),
    recipientId: present(item.recipient_id),
    recipientUserId: present(item.recipient_user_id),
    errors: parseErrors(item.errors, `${path}.errors`, ctx.out.issues),
  };
  ctx.out.events.push(event);
}
