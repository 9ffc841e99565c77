// Builders of webhook events for the engine's tests (the parser produces the same shapes).
import type {
  CallConnectEvent,
  CallDirection,
  CallTerminateEvent,
  MessageEvent,
  PermissionReplyEvent,
} from '../../../src/webhooks/events';

export const minute = 60 * 1000;
export const hour = 60 * minute;
export const day = 24 * hour;
/** The scenarios' time zero: 2026-01-01T00:00:00Z. */
export const t0 = Date.UTC(2026, 0, 1);

export const customer = '447700900123';
export const businessNumber = '+44 20 7946 0000';
const base = {
  wabaId: 'waba-1',
  phoneNumberId: 'pnid-1',
  displayPhoneNumber: '442079460000',
  raw: {},
};

type ReplyOptions = Partial<
  Pick<PermissionReplyEvent, 'permanent' | 'expiresAt' | 'source' | 'contextId' | 'from'>
>;

export function reply(
  at: number,
  response: string,
  options: ReplyOptions = {},
): PermissionReplyEvent {
  return {
    ...base,
    type: 'permission.reply',
    timestamp: at,
    messageId: `wamid.reply-${response}-${at}`,
    from: customer,
    response,
    permanent: false,
    source: 'user_action',
    contextId: 'wamid.request',
    ...options,
  };
}

export const grantTemporary = (at: number, expiresAt?: number) =>
  reply(at, 'accept', expiresAt === undefined ? {} : { expiresAt });
export const grantPermanent = (at: number) => reply(at, 'accept', { permanent: true });
export const decline = (at: number) => reply(at, 'reject');
export const revokeByCustomer = (at: number) => {
  const event = reply(at, 'reject');
  delete event.contextId;
  return event;
};
export const autoRevoke = (at: number) => {
  const event = reply(at, 'reject', { source: 'automatic' });
  delete event.contextId;
  return event;
};

export function message(at: number, from = customer): MessageEvent {
  return {
    ...base,
    type: 'message',
    timestamp: at,
    messageId: `wamid.msg-${at}`,
    from,
    messageType: 'text',
    text: 'hi',
  };
}

export function connect(at: number, callId: string, direction: CallDirection): CallConnectEvent {
  const parties =
    direction === 'user_initiated'
      ? { from: customer, to: base.displayPhoneNumber }
      : { from: base.displayPhoneNumber, to: customer };
  return {
    ...base,
    ...parties,
    type: 'call.connect',
    timestamp: at,
    callId,
    direction,
    session: { sdpType: direction === 'user_initiated' ? 'offer' : 'answer', sdp: 'v=0' },
  };
}

/** A call's end; `answeredAt` (its start time) makes it a connected call. */
export function terminate(
  at: number,
  callId: string,
  direction: CallDirection,
  answeredAt?: number,
): CallTerminateEvent {
  const parties =
    direction === 'user_initiated'
      ? { from: customer, to: base.displayPhoneNumber }
      : { from: base.displayPhoneNumber, to: customer };
  const event: CallTerminateEvent = {
    ...base,
    ...parties,
    type: 'call.terminate',
    timestamp: at,
    callId,
    direction,
    status: 'completed',
    answered: answeredAt !== undefined,
    errors: [],
  };
  if (answeredAt !== undefined) {
    event.startTime = answeredAt;
    event.endTime = at;
    event.durationSeconds = Math.round((at - answeredAt) / 1000);
  }
  return event;
}

/** An unanswered business-initiated call that ended at `at`. */
export const missedCall = (at: number, callId = `wacid.missed-${at}`) =>
  terminate(at, callId, 'business_initiated');
/** A connected business-initiated call of one minute that started at `at`. */
export const answeredCall = (at: number, callId = `wacid.answered-${at}`) =>
  terminate(at + minute, callId, 'business_initiated', at);
