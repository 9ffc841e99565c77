import type EventEmitter from 'eventemitter3';
import type { ActivityMessages } from '../calls/activity-messages';
import { permissionActivities } from '../calls/permission-activities';
import { diffActivities } from '../calls/diff-activities';
import type { CallFacts } from '../calls/call-facts';
import type { Activity, CallRecord } from '../calls/types';
import type { WhatsAppClient } from '../client/create-client';
import type { PermissionEngine } from '../permissions/permission-engine';
import type { PermissionState } from '../permissions/types';
import type { WacallEventMap } from './wacall-types';
import { deriveCall } from './wacall-state';
import type { WacallState } from './wacall-state';

/** What the facade's parts share. */
export interface FacadeContext {
  client: WhatsAppClient;
  engine: PermissionEngine;
  state: WacallState;
  emitter: EventEmitter<WacallEventMap>;
  now: () => number;
  activityMessages: Partial<ActivityMessages> | undefined;
}

/**
 * Changes one call's facts, files the call and its activities, and emits what is new. Every path that
 * touches a call goes through here, so webhooks and agent actions cannot disagree.
 */
export async function changeCall(
  context: FacadeContext,
  callId: string,
  change: (facts: CallFacts | undefined) => CallFacts,
): Promise<CallRecord> {
  const { before, after } = await context.state.updateCall(callId, change);
  const previous = before ? deriveCall(before, context.activityMessages) : undefined;
  const next = deriveCall(after, context.activityMessages);
  const { added, changed } = diffActivities(previous?.activities ?? [], next.activities);
  await context.state.indexCall(next.record);
  // Facts that did not move mean a redelivery: the first delivery may have failed before its
  // activities were stored, so store them all again (same ids, so nothing is duplicated).
  const unchanged = added.length === 0 && changed.length === 0 && sameFacts(before, after);
  await context.state.saveActivities(unchanged ? next.activities : [...added, ...changed]);
  if (!previous || JSON.stringify(previous.record) !== JSON.stringify(next.record)) {
    context.emitter.emit('call.updated', next.record);
  }
  for (const activity of added) context.emitter.emit('activity.added', activity);
  for (const activity of changed) context.emitter.emit('activity.updated', activity);
  return next.record;
}

/** Files extra activities (messages sent) and announces them. */
export async function addActivities(context: FacadeContext, activities: readonly Activity[]) {
  await context.state.saveActivities(activities);
  for (const activity of activities) context.emitter.emit('activity.added', activity);
}

/**
 * Compares the customer's permission with what was last reported, records the activities the change
 * stands for (granted, revoked, expired…) and emits `permission.updated`. Also catches changes no
 * webhook announces, such as a temporary grant expiring.
 */
export async function notePermission(
  context: FacadeContext,
  customer: string,
  at: number,
): Promise<PermissionState> {
  const after = await context.engine.state(customer);
  const before = await context.state.lastPermission(customer);
  if (fingerprint(before) === fingerprint(after)) return after;
  const { policy } = context.engine;
  const activities = permissionActivities(before, after, {
    customer,
    at: notBeforeRequests(at, before),
    messages: context.activityMessages,
    autoRevokeAfterMissedCalls: policy.autoRevokeAfterMissedCalls,
    temporaryGrantDays: Math.round(policy.temporaryPermissionMs / (24 * 60 * 60 * 1000)),
  });
  // Activities first: if the store fails in between, the change is still unreported and a retry
  // records it again (same ids), instead of remembering a change whose activities were lost.
  await context.state.saveActivities(activities);
  await context.state.setLastPermission(customer, after);
  for (const activity of activities) context.emitter.emit('activity.added', activity);
  context.emitter.emit('permission.updated', { customer, permission: after });
  return after;
}

/**
 * Meta's timestamps have whole seconds, our own actions milliseconds: a reply stamped 10:00:00 can
 * answer a request sent at 10:00:00.700. Placing the change after the requests it follows keeps the
 * timeline in the order things happened.
 */
function notBeforeRequests(at: number, before: PermissionState | undefined): number {
  const lastRequest = Math.max(-Infinity, ...(before?.requests ?? []));
  return lastRequest >= at ? lastRequest + 1 : at;
}

function sameFacts(before: CallFacts | undefined, after: CallFacts): boolean {
  return before !== undefined && JSON.stringify(before) === JSON.stringify(after);
}

/** What a change must touch to be reported; a customer never seen counts as having nothing yet. */
function fingerprint(state: PermissionState | undefined): string {
  return JSON.stringify([
    state?.permission ?? 'none',
    state?.permanent ?? false,
    state?.expiresAt,
    state?.revokedReason,
    state?.consecutiveMissed ?? 0,
    state?.windowOpenUntil,
    state?.requests.length ?? 0,
    state?.calls.length ?? 0,
  ]);
}
