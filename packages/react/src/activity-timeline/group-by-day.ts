import type { Activity } from '@wacall/core';

export interface DayGroup {
  /** The calendar day, e.g. "2026-03-03". */
  key: string;
  /** The newest activity's time, for the heading. */
  at: number;
  items: Activity[];
}

/** Newest first; ties keep their given order. */
export function newestFirst(activities: readonly Activity[]): Activity[] {
  return [...activities].sort((a, b) => b.at - a.at);
}

/** Splits a newest-first list into consecutive calendar days. */
export function groupByDay(
  activities: readonly Activity[],
  dayKey: (ms: number) => string,
): DayGroup[] {
  const groups: DayGroup[] = [];
  let current: DayGroup | undefined;
  for (const activity of activities) {
    const key = dayKey(activity.at);
    if (!current || current.key !== key) {
      current = { key, at: activity.at, items: [] };
      groups.push(current);
    }
    current.items.push(activity);
  }
  return groups;
}
