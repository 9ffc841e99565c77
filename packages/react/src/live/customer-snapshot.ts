import type { Activity, CallRecord, CustomerView } from '@wacall/core';
import { customerKeyOf, isCallWith, type WacallStreamEvent } from './stream-event';

/** What a ticket shows of one customer: `getCustomer`, the activities and (optionally) the calls. */
export interface CustomerSnapshot {
  view: CustomerView;
  /** Newest first, as `listActivities` returns them. */
  activities: Activity[];
  /** Newest first, as `listCalls` returns them. */
  calls?: CallRecord[];
}

/** What applying an event did: nothing, a patch, or a patch that needs the server's word too. */
export type SnapshotChange = 'none' | 'patched' | 'refetch';

const live = new Set(['ringing', 'calling', 'ongoing']);

function withActivity(activities: Activity[], activity: Activity): Activity[] {
  const rest = activities.filter((item) => item.id !== activity.id);
  const index = rest.findIndex((item) => item.at < activity.at);
  return index < 0
    ? [...rest, activity]
    : [...rest.slice(0, index), activity, ...rest.slice(index)];
}

function withCall(calls: CallRecord[], call: CallRecord): CallRecord[] {
  const index = calls.findIndex((item) => item.callId === call.callId);
  if (index >= 0) return calls.map((item, i) => (i === index ? call : item));
  return [call, ...calls].sort((a, b) => b.createdAt - a.createdAt);
}

function withActiveCall(view: CustomerView, call: CallRecord): CustomerView {
  if (live.has(call.status)) return { ...view, activeCall: call };
  if (view.activeCall?.callId !== call.callId) return view;
  const { activeCall: _ended, ...rest } = view;
  return rest;
}

/** What an event means for the customer `key`'s view, before any snapshot is at hand. */
export function changeFor(event: WacallStreamEvent, key: string): SnapshotChange {
  switch (event.type) {
    case 'activity.added':
    case 'activity.updated':
    case 'activity.removed':
      return customerKeyOf(event.data.customer) === key ? 'patched' : 'none';
    // Both change what the agent may do next (the decisions), which only the server works out.
    case 'call.updated':
      return isCallWith(event.data.customer, key) ? 'refetch' : 'none';
    case 'permission.updated':
      return customerKeyOf(event.data.customer) === key ? 'refetch' : 'none';
    case 'resync':
      return 'refetch';
    default:
      return 'none';
  }
}

/** Applies one stream event to a customer's snapshot, saying whether the server should be asked too. */
export function applyToSnapshot(
  snapshot: CustomerSnapshot,
  event: WacallStreamEvent,
): { snapshot: CustomerSnapshot; change: SnapshotChange } {
  const change = changeFor(event, customerKeyOf(snapshot.view.customer));
  if (change === 'none') return { snapshot, change };
  switch (event.type) {
    case 'activity.added':
    case 'activity.updated':
      return {
        snapshot: { ...snapshot, activities: withActivity(snapshot.activities, event.data) },
        change,
      };
    case 'activity.removed': {
      const activities = snapshot.activities.filter((item) => item.id !== event.data.id);
      return { snapshot: { ...snapshot, activities }, change };
    }
    case 'call.updated': {
      const next: CustomerSnapshot = {
        ...snapshot,
        view: withActiveCall(snapshot.view, event.data),
      };
      if (snapshot.calls) next.calls = withCall(snapshot.calls, event.data);
      return { snapshot: next, change };
    }
    case 'permission.updated':
      return {
        snapshot: { ...snapshot, view: { ...snapshot.view, permission: event.data.permission } },
        change,
      };
    default:
      return { snapshot, change };
  }
}
