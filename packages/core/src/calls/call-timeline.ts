/**
 * The one interpretation of a call's facts. The record, the activities and the summary all read
 * this, so they can never disagree about what happened.
 */
import type { CallDirection } from '../webhooks/events';
import type { AgentEventFact, AgentEventKind, CallFacts } from './call-facts';
import { CallLifecycleError } from './call-lifecycle-error';
import type { NetworkDropCode, NetworkDropSide } from '../platform/network-drop-codes';
import { findNetworkDrop, networkDropCodes } from '../platform/network-drop-codes';
import type { CallEndedBy, CallOutcome, CallStatus } from './types';

/** Platform facts the derivation depends on; every one can be overridden. */
export interface CallDerivationOptions {
  /** Terminate error codes that mean a network drop, with their side. Default: `networkDropCodes`. */
  networkDropCodes?: Readonly<Record<number, NetworkDropCode>>;
  /**
   * Shortest time the platform lets an unanswered incoming call ring before ending it (30–60 s after
   * the connect webhook: Meta's "User-initiated calls" page). A missed call that rang for less was ended by the customer. Default 30.
   */
  ringTimeoutSeconds?: number;
}

export interface CallTimeline {
  direction: CallDirection;
  createdAt: number;
  /** When the wait for an answer began: the incoming connect, or the first sign of an outgoing call. */
  ringStart?: number;
  ringingAt?: number;
  answered: boolean;
  answeredAt?: number;
  rejected: boolean;
  rejectedAt?: number;
  final: boolean;
  /** Closed by the clock: no closing webhook or agent action was ever seen. */
  endNotSeen?: boolean;
  endedAt?: number;
  durationSeconds?: number;
  status: CallStatus;
  outcome?: CallOutcome;
  endedBy?: CallEndedBy;
  network?: { code: number; side: NetworkDropSide };
  /** The terminate said FAILED: the platform ended the call, not a person. */
  failed?: boolean;
  starter?: AgentEventFact;
  answerer?: AgentEventFact;
  rejecter?: AgentEventFact;
  ender?: AgentEventFact;
}

/** The default shortest ring window of an unanswered incoming call, in seconds. */
export const defaultRingTimeoutSeconds = 30;

/** Reads a call's facts into roles, moments, status and outcome. */
export function deriveTimeline(
  facts: CallFacts,
  options: CallDerivationOptions = {},
): CallTimeline {
  const direction = facts.direction ?? inferDirection(facts);
  const incoming = direction === 'user_initiated';
  const roles = agentRoles(facts, incoming);
  const timeline: CallTimeline = {
    direction,
    createdAt: minOf(allTimes(facts)) ?? 0,
    answered: false,
    rejected: false,
    final: false,
    status: 'ringing',
  };
  assign(timeline, roles);
  addMoments(timeline, facts, incoming);
  const terminate = facts.terminate;
  if (terminate) {
    const table = options.networkDropCodes ?? networkDropCodes;
    assign(timeline, {
      network: findNetworkDrop(terminate.errors, table),
      failed: terminate.statuses.includes('failed') || undefined,
    });
  }
  settle(timeline, incoming, options);
  return timeline;
}

/** Who placed, answered, declined and ended the call (the first report of each). */
function agentRoles(facts: CallFacts, incoming: boolean): Partial<CallTimeline> {
  const first = (kind: AgentEventKind) => facts.agentEvents.find((event) => event.kind === kind);
  return {
    starter: incoming ? undefined : first('started'),
    answerer: incoming ? first('answered') : undefined,
    rejecter: incoming ? first('rejected') : undefined,
    ender: first('ended'),
  };
}

/** When it rang, was answered, rejected and ended, and for how long it was talked. */
function addMoments(t: CallTimeline, facts: CallFacts, incoming: boolean): void {
  const terminate = facts.terminate;
  t.answered =
    Boolean(terminate?.answered) ||
    (incoming ? t.answerer !== undefined : facts.acceptedAt !== undefined);
  const answeredAt = t.answered
    ? (terminate?.startTime ??
      startFromDuration(terminate?.endTime, terminate?.durationSeconds) ??
      (incoming ? t.answerer?.at : facts.acceptedAt))
    : undefined;
  // Meta documents no REJECTED terminate status, but some traffic carries one on declined outgoing calls.
  const rejectedByTerminate = terminate?.statuses.includes('rejected') ? terminate.at : undefined;
  const rejectedAt = incoming ? undefined : (facts.rejectedAt ?? rejectedByTerminate);
  t.rejected = !t.answered && rejectedAt !== undefined;
  const seenEnding = Boolean(terminate || t.ender || t.rejecter || rejectedAt !== undefined);
  t.endNotSeen = !seenEnding && facts.endNotSeenAt !== undefined;
  t.final = seenEnding || t.endNotSeen;
  const endedAt = seenEnding
    ? (terminate?.endTime ?? terminate?.at ?? minOf([t.ender?.at, t.rejecter?.at, rejectedAt]))
    : facts.endNotSeenAt;
  assign(t, {
    ringStart: incoming
      ? facts.connectAt
      : minOf([t.starter?.at, facts.connectAt, facts.ringingAt]),
    ringingAt: incoming ? facts.connectAt : facts.ringingAt,
    answeredAt,
    rejectedAt,
    endedAt,
  });
  if (t.answered && t.final) {
    t.durationSeconds =
      terminate?.durationSeconds ?? secondsBetween(answeredAt, terminate?.endTime ?? endedAt) ?? 0;
  }
}

/** Status, outcome and who ended the call: the mapping table of the README. */
function settle(timeline: CallTimeline, incoming: boolean, options: CallDerivationOptions): void {
  const { answered, final, network, ender } = timeline;
  if (!final) {
    timeline.status = answered
      ? 'ongoing'
      : incoming || timeline.ringingAt !== undefined
        ? 'ringing'
        : 'calling';
    return;
  }
  if (timeline.endNotSeen) {
    timeline.status = 'disconnected';
    timeline.outcome = 'unknown';
  } else if (network) {
    timeline.status = 'disconnected';
    timeline.outcome = 'dropped';
    timeline.endedBy = 'network';
  } else if (answered) {
    timeline.status = 'completed';
    timeline.outcome = 'completed';
    timeline.endedBy = ender ? 'agent' : 'customer';
  } else if (incoming && (timeline.rejecter || ender)) {
    timeline.status = 'declined';
    timeline.outcome = 'rejected';
    timeline.endedBy = 'agent';
  } else if (incoming) {
    timeline.status = 'missed';
    timeline.outcome = 'missed';
    const rang = secondsBetween(timeline.ringStart, timeline.endedAt);
    const window = options.ringTimeoutSeconds ?? defaultRingTimeoutSeconds;
    if (timeline.failed) timeline.endedBy = 'platform';
    else if (rang !== undefined) timeline.endedBy = rang < window ? 'customer' : 'platform';
  } else if (timeline.rejected) {
    timeline.status = 'declined';
    timeline.outcome = 'rejected';
    timeline.endedBy = 'customer';
  } else {
    timeline.status = 'unanswered';
    timeline.outcome = 'missed';
    timeline.endedBy = ender ? 'agent' : 'platform';
  }
}

/** Whole seconds from `from` to `to`, never negative; undefined when either end is unknown. */
export function secondsBetween(
  from: number | undefined,
  to: number | undefined,
): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  return Math.max(0, Math.round((to - from) / 1000));
}

function inferDirection(facts: CallFacts): CallDirection {
  const kinds = new Set(facts.agentEvents.map((event) => event.kind));
  if (kinds.has('started')) return 'business_initiated';
  const incomingKinds: AgentEventKind[] = [
    'answered',
    'rejected',
    'no_answer',
    'declined',
    'inactive',
    'all_busy',
    'unassigned',
  ];
  if (incomingKinds.some((kind) => kinds.has(kind))) return 'user_initiated';
  throw new CallLifecycleError(
    'unknown_call',
    `Call ${facts.callId} has no webhook event and no agent event that tells its direction yet; ` +
      'apply its connect or terminate webhook (or a `started`/`accepted` agent event) first.',
    { callId: facts.callId },
  );
}

function startFromDuration(
  endTime: number | undefined,
  duration: number | undefined,
): number | undefined {
  return endTime === undefined || duration === undefined ? undefined : endTime - duration * 1000;
}

function allTimes(facts: CallFacts): (number | undefined)[] {
  const t = facts.terminate;
  return [
    facts.connectAt,
    facts.ringingAt,
    facts.acceptedAt,
    facts.rejectedAt,
    t?.startTime,
    t?.at,
    ...facts.agentEvents.map((event) => event.at),
  ];
}

function minOf(values: (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

function assign<T extends object>(target: T, values: { [K in keyof T]?: T[K] | undefined }): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
