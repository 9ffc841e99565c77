import type { ActivityDiff } from '../calls/diff-activities';
import type { Activity } from '../calls/types';
import type { Change } from './change';
import type { FacadeContext } from './facade-context';
import { asJson } from './feed-message';

/** Files new and refined activities under the customer, drops retracted ones, and announces each. */
export function activityWrites(
  context: FacadeContext,
  customer: string,
  diff: ActivityDiff,
): Change {
  const key = context.keys.activities(customer);
  const change: Change = { writes: [], publish: [] };
  const b = context.businessDigits;
  const file = (activity: Activity) =>
    change.writes.push({
      type: 'listAdd',
      key,
      item: { id: activity.id, at: activity.at, value: asJson(activity) },
      maxLength: context.limits.maxActivities,
      ttlMs: context.limits.retentionMs,
    });
  for (const activity of diff.added) {
    file(activity);
    change.publish.push({ b, type: 'activity.added', activity });
  }
  for (const activity of diff.changed) {
    file(activity);
    change.publish.push({ b, type: 'activity.updated', activity });
  }
  for (const activity of diff.removed) {
    change.writes.push({ type: 'listRemove', key, id: activity.id });
    change.publish.push({ b, type: 'activity.removed', activity });
  }
  return change;
}

/** New activities only (messages sent): filed and announced as added. */
export function newActivities(context: FacadeContext, activities: readonly Activity[]): Change {
  const byCustomer = new Map<string, Activity[]>();
  for (const activity of activities) {
    byCustomer.set(activity.customer, [...(byCustomer.get(activity.customer) ?? []), activity]);
  }
  const changes = [...byCustomer].map(([customer, added]) =>
    activityWrites(context, customer, { added, changed: [], removed: [] }),
  );
  return {
    writes: changes.flatMap((change) => change.writes),
    publish: changes.flatMap((change) => change.publish),
  };
}
