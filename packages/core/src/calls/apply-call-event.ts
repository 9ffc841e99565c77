import type {
  CallConnectEvent,
  CallStatusEvent,
  CallTerminateEvent,
  WebhookContact,
  WebhookEvent,
} from '../webhooks/events';
import { CallLifecycleError } from './call-lifecycle-error';
import type { CallFacts, TerminateFacts } from './call-facts';
import { emptyCallFacts, mergeCallFacts, mergeErrors, setIfDefined, stamp } from './call-facts';

/** The webhook events that move a call through its lifecycle. */
export type CallEvent = CallConnectEvent | CallStatusEvent | CallTerminateEvent;

/** Whether a webhook event belongs to the call lifecycle (connect, status or terminate). */
export function isCallEvent(event: WebhookEvent): event is CallEvent {
  return (
    event.type === 'call.connect' || event.type === 'call.status' || event.type === 'call.terminate'
  );
}

/**
 * Adds one webhook event to a call's facts (pass `undefined` for a call not seen before) and returns
 * the new facts. Applying the same event twice, or events in any order, gives the same facts.
 */
export function applyCallEvent(facts: CallFacts | undefined, event: CallEvent): CallFacts {
  if (facts && facts.callId !== event.callId) {
    throw new CallLifecycleError(
      'call_id_mismatch',
      `Event for call ${event.callId} was applied to the facts of call ${facts.callId}; ` +
        'look the facts up by the event’s callId.',
      { callId: event.callId },
    );
  }
  return mergeCallFacts(facts ?? emptyCallFacts(event.callId), factsFromEvent(event));
}

function factsFromEvent(event: CallEvent): CallFacts {
  const facts = emptyCallFacts(event.callId);
  setIfDefined(facts, 'phoneNumberId', stamp(event.phoneNumberId, event.timestamp));
  setIfDefined(facts, 'bizOpaqueCallbackData', stamp(event.bizOpaqueCallbackData, event.timestamp));
  switch (event.type) {
    case 'call.connect':
      addParties(facts, event);
      facts.connectAt = event.timestamp;
      if (event.session) facts.session = { ...event.session, at: event.timestamp };
      break;
    case 'call.terminate':
      addParties(facts, event);
      facts.terminate = terminateFacts(event);
      break;
    case 'call.status':
      addStatus(facts, event);
      break;
  }
  return facts;
}

/** Customer and business number, read from the side of the call each party is on. */
function addParties(facts: CallFacts, event: CallConnectEvent | CallTerminateEvent): void {
  const at = event.timestamp;
  const incoming = event.direction === 'user_initiated';
  facts.direction = event.direction;
  const waId = event.contact?.waId || (incoming ? event.from : event.to);
  const userId = event.contact?.userId || (incoming ? event.fromUserId : event.toUserId);
  addCustomer(facts, waId, userId, event.contact, at);
  const display = event.displayPhoneNumber || (incoming ? event.to : event.from);
  setIfDefined(facts, 'displayNumber', stamp(display, at));
}

function addStatus(facts: CallFacts, event: CallStatusEvent): void {
  // Call statuses exist only for business-initiated calls (spec §3.4).
  facts.direction = 'business_initiated';
  addCustomer(facts, event.recipientId, event.recipientUserId, undefined, event.timestamp);
  setIfDefined(facts, 'displayNumber', stamp(event.displayPhoneNumber, event.timestamp));
  const status = event.status.toLowerCase();
  if (status === 'ringing') facts.ringingAt = event.timestamp;
  else if (status === 'accepted') facts.acceptedAt = event.timestamp;
  else if (status === 'rejected') facts.rejectedAt = event.timestamp;
  // Statuses Meta adds later stay in the event's `raw`; they do not move the call.
}

function addCustomer(
  facts: CallFacts,
  waId: string | undefined,
  userId: string | undefined,
  contact: WebhookContact | undefined,
  at: number,
): void {
  setIfDefined(facts.customer, 'waId', stamp(waId, at));
  setIfDefined(facts.customer, 'userId', stamp(userId, at));
  setIfDefined(facts.customer, 'name', stamp(contact?.name, at));
}

function terminateFacts(event: CallTerminateEvent): TerminateFacts {
  const terminate: TerminateFacts = {
    at: event.timestamp,
    statuses: [event.status.toLowerCase()],
    // Timing fields appear only when the other party picked up (spec §3.5); trust them over the flag.
    answered:
      event.answered || event.startTime !== undefined || event.durationSeconds !== undefined,
    errors: mergeErrors(event.errors, []),
  };
  setIfDefined(terminate, 'startTime', event.startTime);
  setIfDefined(terminate, 'endTime', event.endTime);
  setIfDefined(terminate, 'durationSeconds', event.durationSeconds);
  return terminate;
}
