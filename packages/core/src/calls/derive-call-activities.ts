import type { ActivityMessages } from './activity-messages';
import type { ActivityPlacement } from './build-activity';
import { buildActivity } from './build-activity';
import type { AgentEventFact, AssignmentEventKind, CallFacts } from './call-facts';
import { compareStrings } from './call-facts';
import type { CallDerivationOptions, CallTimeline } from './call-timeline';
import { deriveTimeline, secondsBetween } from './call-timeline';
import { callCustomerKey, recordFromTimeline } from './derive-call-record';
import type { Activity, ActivityKind, ActivityParamsMap, Agent } from './types';

export interface CallActivityOptions extends CallDerivationOptions {
  /** The activity texts; entries left out stay English. */
  messages?: Partial<ActivityMessages>;
}

/** Where each activity sits in a call's story, for ties in time. */
const slotRank = { start: 0, assignment: 1, connection: 2, end: 3 } as const;
type Slot = keyof typeof slotRank;

const assignmentKinds: Record<AssignmentEventKind, ActivityKind> = {
  no_answer: 'call.missed_no_answer',
  declined: 'call.agent_declined',
  inactive: 'call.agent_inactive',
  all_busy: 'call.all_agents_busy',
  unassigned: 'call.unassigned',
};

/**
 * The activities of one call, oldest first, derived from its facts. Ids are deterministic — one per
 * slot of the call's story (`<callId>:start`, `:connection`, `:end`, one per assignment report) — so a
 * re-derived list has the same ids; a late event can refine an activity (its kind, params or time)
 * under the same id but never reopens the call. Use `diffActivities` to find what is new.
 */
export function deriveCallActivities(
  facts: CallFacts,
  options: CallActivityOptions = {},
): Activity[] {
  const timeline = deriveTimeline(facts, options);
  const customer = callCustomerKey(recordFromTimeline(facts, timeline).customer);
  const activities: Activity[] = [];
  const add = <K extends ActivityKind>(
    idSuffix: string,
    kind: K,
    params: ActivityParamsMap[K],
    at: number,
    actor?: Agent,
  ) => {
    const placement: ActivityPlacement = {
      id: `${facts.callId}:${idSuffix}`,
      at,
      customer,
      callId: facts.callId,
    };
    if (actor) placement.actor = actor;
    activities.push(buildActivity(kind, params, placement, options.messages));
  };

  if (timeline.starter) {
    add('start', 'call.started_by_agent', {}, timeline.starter.at, timeline.starter.agent);
  }
  if (timeline.direction === 'user_initiated') {
    for (const event of facts.agentEvents) addAssignment(event, timeline, add);
  }
  addConnection(timeline, add);
  addEnd(timeline, add);
  for (const media of facts.media ?? []) {
    if (media.kind === 'recording') {
      const params = { mediaId: media.mediaId, mimeType: media.mimeType };
      add(`recording:${media.mediaId}`, 'call.recording_available', params, media.at);
    } else {
      add(
        `transcript:${media.mediaId}`,
        'call.transcript_available',
        { mediaId: media.mediaId },
        media.at,
      );
    }
  }

  return inStoryOrder(activities);
}

/**
 * The call's activities in story order — start, assignments, connection, end, files — each dated
 * strictly after the one before (by a millisecond where needed). Meta stamps whole seconds and the
 * helpdesk milliseconds, so "picked up" could otherwise tie with, or precede, "call placed" in a list
 * ordered by time, as the Store's lists are. A function of the facts, so still order-free.
 */
function inStoryOrder(activities: Activity[]): Activity[] {
  const story = [...activities].sort(
    (a, b) => slotOf(a) - slotOf(b) || a.at - b.at || compareStrings(a.id, b.id),
  );
  let previous = -Infinity;
  return story.map((activity) => {
    const at = Math.max(activity.at, previous + 1);
    previous = at;
    return at === activity.at ? activity : { ...activity, at };
  });
}

/** Story order of one call's activities: by time, then start, assignment, connection, end. */
export function compareCallActivities(a: Activity, b: Activity): number {
  return a.at - b.at || slotOf(a) - slotOf(b) || compareStrings(a.id, b.id);
}

function slotOf(activity: Activity): number {
  const prefix = activity.callId === undefined ? '' : `${activity.callId}:`;
  const slot = activity.id.startsWith(prefix) ? activity.id.slice(prefix.length).split(':')[0] : '';
  return slot !== undefined && Object.hasOwn(slotRank, slot)
    ? slotRank[slot as Slot]
    : slotRank.end + 1;
}

type Add = <K extends ActivityKind>(
  idSuffix: string,
  kind: K,
  params: ActivityParamsMap[K],
  at: number,
  actor?: Agent,
) => void;

function addAssignment(event: AgentEventFact, timeline: CallTimeline, add: Add): void {
  if (!Object.hasOwn(assignmentKinds, event.kind)) return;
  const kind = assignmentKinds[event.kind as AssignmentEventKind];
  const suffix = `assignment:${event.kind}:${event.agent?.id ?? ''}:${event.at}`;
  const seconds = withSeconds(secondsBetween(timeline.ringStart, event.at));
  if (kind === 'call.all_agents_busy' || kind === 'call.unassigned') {
    add(suffix, kind, {}, event.at);
  } else {
    add(suffix, kind, seconds, event.at, event.agent);
  }
}

/** How the wait for an answer ended: picked up, declined, rejected, or given up on. */
function addConnection(t: CallTimeline, add: Add): void {
  const endedAt = t.endedAt ?? t.createdAt;
  if (t.answered) {
    const at = t.answeredAt ?? endedAt;
    const seconds = withSeconds(secondsBetween(t.ringStart, t.answeredAt));
    if (t.direction === 'user_initiated') {
      add('connection', 'call.answered_by_agent', seconds, at, t.answerer?.agent);
    } else {
      add('connection', 'call.answered_by_customer', seconds, at);
    }
    return;
  }
  // A network drop before pickup, or an end never seen, is told by the end slot alone.
  if (!t.final || t.network || t.endNotSeen) return;
  // Counted to the moment someone gave up: the agent's click, the customer's reject, or the end.
  const gaveUp = t.rejecter ?? t.ender;
  const at = (t.rejected ? t.rejectedAt : gaveUp?.at) ?? endedAt;
  const seconds = withSeconds(secondsBetween(t.ringStart, at));
  if (t.direction === 'user_initiated') {
    if (gaveUp) add('connection', 'call.agent_declined', seconds, at, gaveUp.agent);
    else add('connection', 'call.missed_no_answer', seconds, at);
  } else if (t.rejected) {
    add('connection', 'call.rejected_by_customer', seconds, at);
  } else {
    const endedBy = gaveUp ? 'agent' : 'platform';
    add('connection', 'call.unanswered', { ...seconds, endedBy }, at, gaveUp?.agent);
  }
}

/** How an answered call ended, or how the network cut it. */
function addEnd(t: CallTimeline, add: Add): void {
  if (!t.final) return;
  const at = t.endedAt ?? t.createdAt;
  if (t.endNotSeen) {
    const lastWord = t.answeredAt ?? t.ringStart ?? t.createdAt;
    add('end', 'call.end_not_seen', { minutes: Math.round((at - lastWord) / 60_000) }, at);
  } else if (t.network) {
    const params: ActivityParamsMap['call.dropped'] = {
      side: t.network.side,
      code: t.network.code,
    };
    if (t.answered && t.durationSeconds !== undefined) params.durationSeconds = t.durationSeconds;
    add('end', 'call.dropped', params, at);
  } else if (t.answered) {
    const durationSeconds = t.durationSeconds ?? 0;
    if (t.ender) add('end', 'call.ended_by_agent', { durationSeconds }, at, t.ender.agent);
    else add('end', 'call.ended_by_customer', { durationSeconds }, at);
  }
}

function withSeconds(seconds: number | undefined): { seconds?: number } {
  return seconds === undefined ? {} : { seconds };
}
