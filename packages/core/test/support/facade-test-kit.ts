// Test kit for the facade: a Wacall on a fake clock against the fake Graph API. Not part of the package.
import { graph, PHONE_NUMBER_ID, testClient } from './test-graph';
import { ana, at, business, customer, t0 } from './test-events';
import type { Activity, CallRecord } from '../../src/calls/types';
import { MemoryStore } from '../../src/store/memory-store';
import type { Store } from '../../src/store/store';
import type { MessageEvent, PermissionReplyEvent } from '../../src/webhooks/events';
import { createWacall } from '../../src/wacall';
import type { PermissionUpdatedEvent, WacallOptions } from '../../src/facade/wacall-types';

export { ana, at, business, customer, t0 };
export const OFFER =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
/** A business number in Brazil, where business-initiated calling is available. */
export const BUSINESS_NUMBER = '+55 11 95555 0100';

/** A Wacall whose clock the test moves, recording every event it emits. */
export function harness(options: Partial<WacallOptions> & { store?: Store } = {}) {
  const clock = { now: t0 };
  const now = () => clock.now;
  const wacall = createWacall({
    client: testClient(),
    businessNumber: BUSINESS_NUMBER,
    store: options.store ?? new MemoryStore({ now }),
    now,
    ...options,
  });
  const emitted = {
    calls: [] as CallRecord[],
    activities: [] as Activity[],
    permissions: [] as PermissionUpdatedEvent[],
  };
  wacall.on('call.updated', (call) => emitted.calls.push(call));
  wacall.on('activity.added', (activity) => emitted.activities.push(activity));
  wacall.on('permission.updated', (update) => emitted.permissions.push(update));
  return {
    wacall,
    emitted,
    clock,
    /** Moves the clock to `seconds` after t0. */
    setTime: (seconds: number) => void (clock.now = at(seconds)),
  };
}

const base = (seconds: number) => ({
  wabaId: '102290129340398',
  phoneNumberId: PHONE_NUMBER_ID,
  displayPhoneNumber: business.display,
  timestamp: at(seconds),
  raw: {},
});

/** The customer writes to the business (opens the 24 h window). */
export function customerMessage(seconds: number, id = `wamid.in-${seconds}`): MessageEvent {
  return {
    ...base(seconds),
    type: 'message',
    messageId: id,
    from: customer.waId,
    messageType: 'text',
    text: 'Hi',
  };
}

/** The customer answers a permission request. */
export function permissionReply(
  seconds: number,
  reply: Partial<
    Pick<PermissionReplyEvent, 'response' | 'permanent' | 'expiresAt' | 'source' | 'contextId'>
  > = {},
): PermissionReplyEvent {
  const response = reply.response ?? 'accept';
  const permanent = reply.permanent ?? false;
  const event: PermissionReplyEvent = {
    ...base(seconds),
    type: 'permission.reply',
    messageId: `wamid.reply-${seconds}`,
    from: customer.waId,
    response,
    permanent,
    source: reply.source ?? 'user_action',
  };
  if (response === 'accept' && !permanent)
    event.expiresAt = reply.expiresAt ?? at(seconds) + 7 * 86_400_000;
  if (reply.contextId) event.contextId = reply.contextId;
  return event;
}

/** Fake Graph answers for the calls endpoint and message sends. */
export const graphAnswers = {
  connect: (callId: string) =>
    graph('post', `${PHONE_NUMBER_ID}/calls`, {
      messaging_product: 'whatsapp',
      calls: [{ id: callId }],
    }),
  callAction: () =>
    graph('post', `${PHONE_NUMBER_ID}/calls`, { messaging_product: 'whatsapp', success: true }),
  message: (messageId: string) =>
    graph('post', `${PHONE_NUMBER_ID}/messages`, {
      messaging_product: 'whatsapp',
      contacts: [{ input: customer.waId, wa_id: customer.waId }],
      messages: [{ id: messageId }],
    }),
};

export const kinds = (activities: readonly Activity[]) =>
  activities.map((activity) => activity.kind);
export { ana as agent };
