import { stableKey } from './call-facts';
import type { Activity } from './types';

export interface ActivityDiff {
  /** Ids not in the earlier list: emit these as new (`activity.added`). */
  added: Activity[];
  /** Same id, different content: a late event refined them; replace the stored copy. */
  changed: Activity[];
  /** In the earlier list only: a fact learnt late shows they did not happen (rare; history moved). */
  removed: Activity[];
}

/**
 * What deriving after an event added to, or changed in, a call's activity list. Lists derived from
 * the same facts give an empty diff, which is what makes re-delivered webhooks silent.
 */
export function diffActivities(
  before: readonly Activity[],
  after: readonly Activity[],
): ActivityDiff {
  const previous = new Map(before.map((activity) => [activity.id, stableKey(activity)]));
  const diff: ActivityDiff = { added: [], changed: [], removed: [] };
  for (const activity of after) {
    const earlier = previous.get(activity.id);
    if (earlier === undefined) diff.added.push(activity);
    else if (earlier !== stableKey(activity)) diff.changed.push(activity);
  }
  const kept = new Set(after.map((activity) => activity.id));
  diff.removed = before.filter((activity) => !kept.has(activity.id));
  return diff;
}
