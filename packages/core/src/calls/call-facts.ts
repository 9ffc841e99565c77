/**
 * Per-call facts: everything seen about one call, kept so that merging is commutative, associative and
 * idempotent. The record and the activities are derived from these, never updated in place, so the
 * order in which webhooks and agent events arrive (and how often) cannot change the result.
 */
import type { CallDirection, WebhookError } from '../webhooks/events';
import { CallLifecycleError } from './call-lifecycle-error';
import type { Agent } from './types';

/** A value with the time it was seen; the latest wins, ties broken by the value itself. */
export interface Stamped<T extends string> {
  value: T;
  at: number;
}

/** What the terminate webhook(s) of a call said. */
export interface TerminateFacts {
  /** Epoch ms of the (earliest) terminate webhook. */
  at: number;
  /** Every terminate status seen, lowercased and sorted (normally exactly one). */
  statuses: string[];
  startTime?: number;
  endTime?: number;
  durationSeconds?: number;
  answered: boolean;
  errors: WebhookError[];
}

/** A media file Meta made of the call (kept 7 days by Meta): a recording or a transcript. */
export interface CallMediaFact {
  kind: 'recording' | 'transcript';
  mediaId: string;
  mimeType: string;
  /** Epoch ms of the (earliest) webhook announcing it. */
  at: number;
}

/** Kinds of assignment outcome a helpdesk reports for an incoming call. */
export type AssignmentEventKind = 'no_answer' | 'declined' | 'inactive' | 'all_busy' | 'unassigned';

/**
 * Actions the business took on a call through its agents, as stored. `answered` and `rejected` are the
 * stored words of the `accepted` and `declined_call` agent events: facts saved earlier read the same.
 */
export type BusinessActionKind = 'started' | 'answered' | 'rejected' | 'ended';

export type AgentEventKind = AssignmentEventKind | BusinessActionKind;

/** One agent event as kept in the facts (customer details of `started` live in `customer`). */
export interface AgentEventFact {
  kind: AgentEventKind;
  at: number;
  agent?: Agent;
}

/**
 * Everything known about one call. Plain JSON: store it as is, and treat it as opaque — read calls
 * through `deriveCallRecord` and `deriveCallActivities`.
 */
export interface CallFacts {
  callId: string;
  /** As the platform's webhooks state it; agent events only imply a direction. */
  direction?: CallDirection;
  customer: { waId?: Stamped<string>; userId?: Stamped<string>; name?: Stamped<string> };
  displayNumber?: Stamped<string>;
  phoneNumberId?: Stamped<string>;
  bizOpaqueCallbackData?: Stamped<string>;
  /** Epoch ms of the first `connect` webhook. */
  connectAt?: number;
  /** Epoch ms of the first `RINGING` status (business-initiated calls). */
  ringingAt?: number;
  /** Epoch ms of the first `ACCEPTED` status. */
  acceptedAt?: number;
  /** Epoch ms of the first `REJECTED` status. */
  rejectedAt?: number;
  terminate?: TerminateFacts;
  /** Unique, sorted by time then kind then agent. */
  agentEvents: AgentEventFact[];
  /** Recordings and transcripts; unique by kind and media id, sorted by time. Absent when none. */
  media?: CallMediaFact[];
  /** The latest SDP Meta sent (by webhook time; ties broken by content). */
  session?: SessionFact;
  /** When the clock closed the call because no closing webhook came (`sweep`). */
  endNotSeenAt?: number;
}

/** An SDP with the time of the webhook that carried it. */
export interface SessionFact {
  sdpType: 'offer' | 'answer';
  sdp: string;
  at: number;
}

/** Facts that say nothing yet, for one call: the neutral element of `mergeCallFacts`. */
export function emptyCallFacts(callId: string): CallFacts {
  return { callId, customer: {}, agentEvents: [] };
}

/**
 * Joins two sets of facts about the same call. Commutative, associative and idempotent, so facts
 * written by two server instances (or replayed webhooks) can be merged in any order.
 */
export function mergeCallFacts(a: CallFacts, b: CallFacts): CallFacts {
  if (a.callId !== b.callId) {
    throw new CallLifecycleError(
      'call_id_mismatch',
      `Cannot merge the facts of call ${a.callId} with those of call ${b.callId}; ` +
        'merge only copies of the same call.',
      { callId: b.callId },
    );
  }
  const merged: CallFacts = {
    callId: a.callId,
    customer: {},
    agentEvents: mergeAgentEvents(a.agentEvents, b.agentEvents),
  };
  setIfDefined(merged, 'direction', minString(a.direction, b.direction));
  setIfDefined(merged.customer, 'waId', latest(a.customer.waId, b.customer.waId));
  setIfDefined(merged.customer, 'userId', latest(a.customer.userId, b.customer.userId));
  setIfDefined(merged.customer, 'name', latest(a.customer.name, b.customer.name));
  setIfDefined(merged, 'displayNumber', latest(a.displayNumber, b.displayNumber));
  setIfDefined(merged, 'phoneNumberId', latest(a.phoneNumberId, b.phoneNumberId));
  setIfDefined(
    merged,
    'bizOpaqueCallbackData',
    latest(a.bizOpaqueCallbackData, b.bizOpaqueCallbackData),
  );
  setIfDefined(merged, 'connectAt', minNumber(a.connectAt, b.connectAt));
  setIfDefined(merged, 'ringingAt', minNumber(a.ringingAt, b.ringingAt));
  setIfDefined(merged, 'acceptedAt', minNumber(a.acceptedAt, b.acceptedAt));
  setIfDefined(merged, 'rejectedAt', minNumber(a.rejectedAt, b.rejectedAt));
  setIfDefined(merged, 'terminate', mergeTerminate(a.terminate, b.terminate));
  setIfDefined(merged, 'media', mergeMedia(a.media, b.media));
  setIfDefined(merged, 'session', latestSession(a.session, b.session));
  setIfDefined(merged, 'endNotSeenAt', minNumber(a.endNotSeenAt, b.endNotSeenAt));
  return merged;
}

function latestSession(
  a: SessionFact | undefined,
  b: SessionFact | undefined,
): SessionFact | undefined {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return compareStrings(stableKey(a), stableKey(b)) >= 0 ? a : b;
}

function mergeMedia(
  a: CallMediaFact[] | undefined,
  b: CallMediaFact[] | undefined,
): CallMediaFact[] | undefined {
  if (!a || !b) return a ?? b;
  const byKey = new Map<string, CallMediaFact>();
  for (const fact of [...a, ...b]) {
    const key = `${fact.kind}:${fact.mediaId}`;
    const existing = byKey.get(key);
    // A redelivery of the same file keeps the earliest announcement (ties: the smaller value).
    if (
      !existing ||
      fact.at < existing.at ||
      (fact.at === existing.at && compareStrings(stableKey(fact), stableKey(existing)) < 0)
    ) {
      byKey.set(key, fact);
    }
  }
  return [...byKey.values()].sort(
    (x, y) => x.at - y.at || compareStrings(`${x.kind}:${x.mediaId}`, `${y.kind}:${y.mediaId}`),
  );
}

function mergeTerminate(
  a: TerminateFacts | undefined,
  b: TerminateFacts | undefined,
): TerminateFacts | undefined {
  if (!a || !b) return a ?? b;
  const merged: TerminateFacts = {
    at: Math.min(a.at, b.at),
    statuses: uniqueSorted([...a.statuses, ...b.statuses]),
    answered: a.answered || b.answered,
    errors: mergeErrors(a.errors, b.errors),
  };
  setIfDefined(merged, 'startTime', minNumber(a.startTime, b.startTime));
  setIfDefined(merged, 'endTime', maxNumber(a.endTime, b.endTime));
  setIfDefined(merged, 'durationSeconds', maxNumber(a.durationSeconds, b.durationSeconds));
  return merged;
}

/** Errors de-duplicated by content and sorted by code, so their order never depends on arrival. */
export function mergeErrors(a: WebhookError[], b: WebhookError[]): WebhookError[] {
  const byKey = new Map<string, WebhookError>();
  for (const error of [...a, ...b]) byKey.set(stableKey(error), error);
  return [...byKey.entries()]
    .sort(([ka, ea], [kb, eb]) => ea.code - eb.code || compareStrings(ka, kb))
    .map(([, error]) => error);
}

function mergeAgentEvents(a: AgentEventFact[], b: AgentEventFact[]): AgentEventFact[] {
  const byKey = new Map<string, AgentEventFact>();
  for (const event of [...a, ...b]) {
    const key = agentEventKey(event);
    const existing = byKey.get(key);
    // Two reports of the same moment that differ (say, in the agent's name) keep the smaller one.
    if (!existing || compareStrings(stableKey(event), stableKey(existing)) < 0) {
      byKey.set(key, event);
    }
  }
  return [...byKey.values()].sort(compareAgentEvents);
}

/** Identity of an agent event: what happened, to whom, when. */
export function agentEventKey(event: AgentEventFact): string {
  return `${event.kind}:${event.agent?.id ?? ''}:${event.at}`;
}

function compareAgentEvents(a: AgentEventFact, b: AgentEventFact): number {
  return a.at - b.at || compareStrings(agentEventKey(a), agentEventKey(b));
}

function latest<T extends string>(
  a: Stamped<T> | undefined,
  b: Stamped<T> | undefined,
): Stamped<T> | undefined {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return compareStrings(a.value, b.value) >= 0 ? a : b;
}

/** A stamped value, or nothing when the value is missing or empty. */
export function stamp<T extends string>(value: T | undefined, at: number): Stamped<T> | undefined {
  return value === undefined || value === '' ? undefined : { value, at };
}

function minNumber(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return Math.min(a, b);
}

function maxNumber(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return Math.max(a, b);
}

function minString<T extends string>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return compareStrings(a, b) <= 0 ? a : b;
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** Code-unit order, independent of the runtime's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with sorted keys, so equal values always give equal keys. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b)),
        )
      : inner,
  );
}

/** Sets an optional property only when there is a value, so records never carry `key: undefined`. */
export function setIfDefined<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value as T[K];
}
