import type {
  CallConnectEvent,
  CallCreatedEvent,
  CallRecordingAvailableEvent,
  CallStatusEvent,
  CallTerminateEvent,
  CallTranscriptionAvailableEvent,
  WebhookContact,
  WebhookEvent,
} from '../webhooks/events';
import { CallLifecycleError } from './call-lifecycle-error';
import type { CallFacts, TerminateFacts } from './call-facts';
import { emptyCallFacts, mergeCallFacts, mergeErrors, setIfDefined, stamp } from './call-facts';

/** The webhook events that move a call through its lifecycle, or add to its history. */
export type CallEvent =
  | CallConnectEvent
  | CallCreatedEvent
  | CallStatusEvent
  | CallTerminateEvent
  | CallRecordingAvailableEvent
  | CallTranscriptionAvailableEvent;

const callEventTypes = new Set<WebhookEvent['type']>([
  'call.connect',
  'call.created',
  'call.status',
  'call.terminate',
  'call.recording_available',
  'call.transcription_available',
]);

/**
 * Whether a webhook event belongs to a call: connect, SIP `call_created`, status, terminate, or a
 * recording or transcript of it.
 */
export function isCallEvent(event: WebhookEvent): event is CallEvent {
  return callEventTypes.has(event.type);
}

/**
 * Adds one webhook event to a call's facts (pass `undefined` for a call not seen before) and returns
 * the new facts. Applying the same event twice, or events in any order, gives the same facts. A
 * recording or transcript alone names no direction: such facts are kept, and derive a record only once
 * the call's own webhooks arrive (`hasDirection`).
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

/** Whether the facts tell the call's direction, so a record and activities can be derived from them. */
export function hasDirection(facts: CallFacts): boolean {
  // An `ended` report alone says nothing of the direction; every other agent event does.
  return facts.direction !== undefined || facts.agentEvents.some((event) => event.kind !== 'ended');
}

function factsFromEvent(event: CallEvent): CallFacts {
  const facts = emptyCallFacts(event.callId);
  setIfDefined(facts, 'phoneNumberId', stamp(event.phoneNumberId, event.timestamp));
  if ('bizOpaqueCallbackData' in event) {
    setIfDefined(
      facts,
      'bizOpaqueCallbackData',
      stamp(event.bizOpaqueCallbackData, event.timestamp),
    );
  }
  switch (event.type) {
    // A SIP call's `call_created` is its connect; the media is negotiated over SIP, not here.
    case 'call.connect':
    case 'call.created':
      addParties(facts, event);
      facts.connectAt = event.timestamp;
      if ('session' in event && event.session) {
        facts.session = { ...event.session, at: event.timestamp };
      }
      break;
    case 'call.recording_available':
    case 'call.transcription_available':
      facts.media = [
        {
          kind: event.type === 'call.recording_available' ? 'recording' : 'transcript',
          mediaId: event.media.id,
          mimeType: event.media.mimeType,
          at: event.timestamp,
        },
      ];
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
function addParties(
  facts: CallFacts,
  event: CallConnectEvent | CallCreatedEvent | CallTerminateEvent,
): void {
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
  // Call statuses (RINGING, ACCEPTED, REJECTED) exist only for business-initiated calls (Meta's
  // "Calling API reference" page).
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
    // start_time, end_time and duration appear only when the other party picked up (Meta's "Calling
    // API reference" page, terminate webhook); trust them over the flag.
    answered:
      event.answered || event.startTime !== undefined || event.durationSeconds !== undefined,
    errors: mergeErrors(event.errors, []),
  };
  setIfDefined(terminate, 'startTime', event.startTime);
  setIfDefined(terminate, 'endTime', event.endTime);
  setIfDefined(terminate, 'durationSeconds', event.durationSeconds);
  return terminate;
}
