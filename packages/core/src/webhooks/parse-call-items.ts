// Items of the `calls` field: `calls[]` (connect, terminate, media, future events) and `statuses[]`.
import { check, eventBase, type ChangeContext } from './change-context';
import { findContact } from './contacts';
import { readParties, readSession, resolveDirection, userSide } from './call-session';
import type {
  CallDirection,
  CallConnectEvent,
  CallCreatedEvent,
  CallMedia,
  CallStatusEvent,
  CallTerminateEvent,
  WebhookEvent,
} from './events';
import { issue, lower, optionalEpochMs, present, toEpochMs, toNumber } from './normalize';
import {
  callEventSchema,
  callBaseSchema,
  callStatusSchema,
  connectSchema,
  epochTime,
  recordingSchema,
  terminateSchema,
  transcriptSchema,
  type CallItemBase,
  type MediaContainer,
} from './schemas';
import { mergeErrors, parseErrors } from './webhook-errors';

/** One `calls[]` item: dispatched on its (lowercased) `event`. */
export function parseCallItem(raw: unknown, path: string, ctx: ChangeContext): void {
  const head = check(callEventSchema, raw, path, ctx.out);
  if (!head) return;
  const event = lower(head.event);
  if (event === 'connect') return push(ctx, parseConnect(raw, path, ctx));
  if (event === 'terminate') return push(ctx, parseTerminate(raw, path, ctx));
  if (event === 'call_created') return push(ctx, parseCreated(raw, path, ctx));
  if (event === 'call_recording_available') {
    const item = check(recordingSchema, raw, path, ctx.out);
    if (item)
      push(ctx, mediaEvent('call.recording_available', item, item.call_recording, raw, path, ctx));
    return;
  }
  if (event === 'call_transcription_available') {
    const item = check(transcriptSchema, raw, path, ctx.out);
    if (item)
      push(
        ctx,
        mediaEvent('call.transcription_available', item, item.call_transcript, raw, path, ctx),
      );
    return;
  }
  ctx.out.events.push(unknownItem(raw, ctx));
}

function push(ctx: ChangeContext, event: WebhookEvent | undefined): void {
  if (event) ctx.out.events.push(event);
}

function parseConnect(
  raw: unknown,
  path: string,
  ctx: ChangeContext,
): CallConnectEvent | undefined {
  const item = check(connectSchema, raw, path, ctx.out);
  if (!item) return undefined;
  const session = readSession(item);
  if (!session) {
    ctx.out.issues.push(
      issue(
        path,
        'session: missing (neither session.sdp nor connection.webrtc.sdp is present)',
        raw,
      ),
    );
    return undefined;
  }
  const direction = directionOf(item, session.sdpType, path, raw, ctx);
  if (!direction) return undefined;
  const sdpType = session.sdpType ?? (direction === 'user_initiated' ? 'offer' : 'answer');
  if (sdpType !== 'offer' && sdpType !== 'answer') {
    ctx.out.issues.push(issue(path, 'session.sdp_type: expected offer or answer', raw));
    return undefined;
  }
  const user = userSide(item, direction, ctx.displayPhoneNumber);
  return {
    type: 'call.connect',
    ...eventBase(ctx, toEpochMs(item.timestamp), raw),
    callId: item.id,
    direction,
    ...readParties(item),
    session: { sdpType, sdp: session.sdp },
    contact: findContact(ctx.contacts, user.phone, user.userId),
    ctaPayload: present(item.cta_payload),
    deeplinkPayload: present(item.deeplink_payload),
    bizOpaqueCallbackData: present(item.biz_opaque_callback_data),
  };
}

function parseTerminate(
  raw: unknown,
  path: string,
  ctx: ChangeContext,
): CallTerminateEvent | undefined {
  const item = check(terminateSchema, raw, path, ctx.out);
  if (!item) return undefined;
  const direction = directionOf(item, undefined, path, raw, ctx);
  if (!direction) return undefined;
  const startTime = optionalEpochMs(item.start_time);
  const durationSeconds = item.duration === undefined ? undefined : toNumber(item.duration);
  const errors = parseErrors(item.errors, `${path}.errors`, ctx.out.issues);
  ctx.valueErrorsUsed = true;
  const user = userSide(item, direction, ctx.displayPhoneNumber);
  return {
    type: 'call.terminate',
    ...eventBase(ctx, toEpochMs(item.timestamp), raw),
    callId: item.id,
    direction,
    ...readParties(item),
    status: lower(item.status),
    startTime,
    endTime: optionalEpochMs(item.end_time),
    durationSeconds,
    // Meta sends timing fields only when the other party picked up; the status does not say.
    answered: startTime !== undefined || (durationSeconds ?? 0) > 0,
    errors: mergeErrors([...errors, ...ctx.valueErrors]),
    contact: findContact(ctx.contacts, user.phone, user.userId),
    bizOpaqueCallbackData: present(item.biz_opaque_callback_data),
    ctaPayload: present(item.cta_payload),
    deeplinkPayload: present(item.deeplink_payload),
  };
}

/** `call_created` (SIP): a connect without a session. */
function parseCreated(
  raw: unknown,
  path: string,
  ctx: ChangeContext,
): CallCreatedEvent | undefined {
  const item = check(callBaseSchema, raw, path, ctx.out);
  if (!item) return undefined;
  const direction = directionOf(item, undefined, path, raw, ctx);
  if (!direction) return undefined;
  const user = userSide(item, direction, ctx.displayPhoneNumber);
  return {
    type: 'call.created',
    ...eventBase(ctx, toEpochMs(item.timestamp), raw),
    callId: item.id,
    direction,
    ...readParties(item),
    contact: findContact(ctx.contacts, user.phone, user.userId),
    bizOpaqueCallbackData: present(item.biz_opaque_callback_data),
  };
}

function mediaEvent<T extends 'call.recording_available' | 'call.transcription_available'>(
  type: T,
  item: CallItemBase,
  container: MediaContainer,
  raw: unknown,
  path: string,
  ctx: ChangeContext,
) {
  const media =
    (container.type === 'document' ? container.document : container.audio) ??
    container.audio ??
    container.document;
  if (!media) {
    const key = type === 'call.recording_available' ? 'call_recording' : 'call_transcript';
    ctx.out.issues.push(issue(path, `${key}: expected an audio or document media object`, raw));
    return undefined;
  }
  const normalised: CallMedia = {
    id: media.id,
    sha256: media.sha256,
    mimeType: media.mime_type,
    url: media.url,
  };
  // Media webhooks name the user (`from`, `from_user_id`) but no direction; the contact is matched on either side.
  const parties = readParties(item);
  const contact =
    findContact(ctx.contacts, parties.from, parties.fromUserId) ??
    findContact(ctx.contacts, parties.to, parties.toUserId);
  return {
    type,
    ...eventBase(ctx, toEpochMs(item.timestamp), raw),
    callId: item.id,
    ...parties,
    media: normalised,
    contact,
  };
}

/** One `statuses[]` item of a call (field `calls`, or `type: "call"` on field `messages`). */
export function parseCallStatus(raw: unknown, path: string, ctx: ChangeContext): void {
  const item = check(callStatusSchema, raw, path, ctx.out);
  if (!item) return;
  const recipientId = present(item.recipient_id);
  const recipientUserId = present(item.recipient_user_id);
  const event: CallStatusEvent = {
    type: 'call.status',
    ...eventBase(ctx, toEpochMs(item.timestamp), raw),
    callId: item.id,
    status: lower(item.status),
    recipientId,
    recipientUserId,
    recipientParentUserId: present(item.recipient_parent_user_id ?? item.parent_recipient_user_id),
    contact: findContact(ctx.contacts, recipientId, recipientUserId),
    bizOpaqueCallbackData: present(item.biz_opaque_callback_data),
  };
  ctx.out.events.push(event);
}

/** A `calls[]` event this version does not model: kept, not dropped. */
function unknownItem(raw: unknown, ctx: ChangeContext): WebhookEvent {
  const stamp = epochTime.safeParse((raw as { timestamp?: unknown }).timestamp);
  return {
    type: 'unknown',
    ...eventBase(ctx, stamp.success ? toEpochMs(stamp.data) : ctx.fallbackTimestamp, raw),
    field: 'calls',
    value: raw,
  };
}

/** The call item's direction; when nothing tells it, an issue for the item (which becomes no event). */
function directionOf(
  item: Parameters<typeof resolveDirection>[0],
  sdpType: string | undefined,
  path: string,
  raw: unknown,
  ctx: ChangeContext,
): CallDirection | undefined {
  const direction = resolveDirection(item, sdpType, ctx.displayPhoneNumber);
  if (!direction) {
    ctx.out.issues.push(
      issue(path, 'direction: expected USER_INITIATED or BUSINESS_INITIATED', raw),
    );
  }
  return direction;
}
