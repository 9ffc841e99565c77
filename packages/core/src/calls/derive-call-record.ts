import type { CallFacts, CallMediaFact } from './call-facts';
import { setIfDefined } from './call-facts';
import type { CallDerivationOptions, CallTimeline } from './call-timeline';
import { deriveTimeline } from './call-timeline';
import type {
  Agent,
  CallRecord,
  CustomerRef,
  IncomingCallStatus,
  OutgoingCallStatus,
} from './types';

/**
 * The call as an agent sees it, derived from its facts alone: the same facts always give the same
 * record, whatever order they were learnt in. Throws `CallLifecycleError` (`unknown_call`) only for
 * facts that hold nothing telling the call's direction.
 */
export function deriveCallRecord(facts: CallFacts, options?: CallDerivationOptions): CallRecord {
  return recordFromTimeline(facts, deriveTimeline(facts, options));
}

/** @internal Shared with the activity derivation, which has the timeline at hand already. */
export function recordFromTimeline(facts: CallFacts, timeline: CallTimeline): CallRecord {
  const base = {
    callId: facts.callId,
    customer: customerOf(facts),
    businessNumber: facts.displayNumber?.value ?? facts.phoneNumberId?.value ?? '',
    createdAt: timeline.createdAt,
    errors: facts.terminate?.errors ?? [],
  };
  const record: CallRecord =
    timeline.direction === 'user_initiated'
      ? { ...base, direction: 'user_initiated', status: timeline.status as IncomingCallStatus }
      : { ...base, direction: 'business_initiated', status: timeline.status as OutgoingCallStatus };
  setIfDefined(record, 'ringingAt', timeline.ringingAt);
  setIfDefined(record, 'answeredAt', timeline.answeredAt);
  setIfDefined(record, 'endedAt', timeline.endedAt);
  setIfDefined(record, 'durationSeconds', timeline.durationSeconds);
  setIfDefined(record, 'agent', handlingAgent(timeline));
  setIfDefined(record, 'endedBy', timeline.endedBy);
  setIfDefined(record, 'outcome', timeline.outcome);
  setIfDefined(record, 'bizOpaqueCallbackData', facts.bizOpaqueCallbackData?.value);
  const recording = latestMedia(facts, 'recording');
  if (recording) record.recording = { mediaId: recording.mediaId, mimeType: recording.mimeType };
  const transcript = latestMedia(facts, 'transcript');
  if (transcript) record.transcript = { mediaId: transcript.mediaId };
  if (facts.session) record.session = { sdpType: facts.session.sdpType, sdp: facts.session.sdp };
  return record;
}

/** The latest file of a kind (facts keep them sorted by time, ties by id). */
function latestMedia(facts: CallFacts, kind: CallMediaFact['kind']): CallMediaFact | undefined {
  return facts.media?.filter((m) => m.kind === kind).at(-1);
}

function customerOf(facts: CallFacts): CustomerRef {
  const customer: CustomerRef = {};
  setIfDefined(customer, 'waId', facts.customer.waId?.value);
  setIfDefined(customer, 'userId', facts.customer.userId?.value);
  setIfDefined(customer, 'name', facts.customer.name?.value);
  return customer;
}

/** The agent who owns the call: who placed it, else who answered, declined or ended it. */
function handlingAgent(timeline: CallTimeline): Agent | undefined {
  const event = timeline.starter ?? timeline.answerer ?? timeline.rejecter ?? timeline.ender;
  return event?.agent;
}

/**
 * The key a customer's activities and permission state are filed under: the phone number (wa id)
 * when known, else the business-scoped user id, else an empty string.
 */
export function callCustomerKey(customer: CustomerRef): string {
  return customer.waId || customer.userId || '';
}
