import { useEffect, useMemo, useRef, useState } from 'react';
import type { Activity } from '@wacall/core';
import { useWacallI18n } from '../i18n/messages-context';
import type { WacallMessagesOverride } from '../i18n/messages';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { useAsyncAction } from '../internal/use-async-action';
import { useNow } from '../internal/use-now';
import type { ActivityActions } from './activity-action';
import { ActivityItem } from './activity-item';
import { activityText } from './activity-meta';
import { groupByDay, newestFirst } from './group-by-day';
import { useRovingRows } from './use-roving-rows';

export interface ActivityTimelineProps extends ActivityActions {
  /** The customer's activities, in any order; shown newest first. */
  activities: readonly Activity[];
  /** How many are shown at first and added per "Show older". Default 50. */
  pageSize?: number;
  /** Whether older activities exist beyond `activities`; "Show older" then calls `onLoadMore`. */
  hasMore?: boolean;
  /** Fetches older activities and adds them to `activities`. */
  onLoadMore?: () => Promise<unknown>;
  /** A fixed clock (epoch ms) for relative times and day headings; stories and tests pass one. */
  now?: number;
  /** Level of the day headings, to fit the page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  messages?: WacallMessagesOverride;
  className?: string;
}

/** A customer's call and permission history, newest first, grouped by day. */
export function ActivityTimeline(props: ActivityTimelineProps) {
  const {
    activities,
    pageSize = 50,
    hasMore = false,
    onLoadMore,
    headingLevel = 3,
    className,
    onPlayRecording,
    onOpenTranscript,
  } = props;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(
      `ActivityTimeline: pageSize must be a whole number of at least 1 (default 50); got ${pageSize}.`,
    );
  }
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.timeline;
  const now = useNow(60_000, props.now);
  const [limit, setLimit] = useState(pageSize);
  const load = useAsyncAction(onLoadMore);
  const revealFrom = useRef<number | undefined>(undefined);

  const sorted = useMemo(() => newestFirst(activities), [activities]);
  const visible = useMemo(
    () => (sorted.length > limit ? sorted.slice(0, limit) : sorted),
    [sorted, limit],
  );
  const groups = useMemo(() => groupByDay(visible, i18n.formats.dayKey), [visible, i18n.formats]);
  const announcement = useNewActivityAnnouncement(sorted, (latest, count) =>
    text.newActivity({ text: activityText(latest, i18n.messages), count }),
  );
  const { listRef, focusId, onFocusItem, onKeyDown, focusRowIfIdle } = useRovingRows(visible);
  const canShowOlder = sorted.length > limit || hasMore;

  // When "Show older" disappears under the keyboard, focus moves to the first row it revealed.
  useEffect(() => {
    if (revealFrom.current === undefined || canShowOlder || load.status === 'pending') return;
    focusRowIfIdle(revealFrom.current);
    revealFrom.current = undefined;
  }, [canShowOlder, load.status, visible, focusRowIfIdle]);

  const showOlder = () => {
    if (load.status === 'pending') return;
    const next = limit + pageSize;
    revealFrom.current = visible.length;
    setLimit(next);
    if (sorted.length < next && hasMore) void load.run();
  };

  const Heading = `h${headingLevel}` as const;

  return (
    <section
      className={cx('wacall-timeline', className)}
      aria-label={text.label}
      data-state={sorted.length === 0 ? 'empty' : 'filled'}
    >
      {sorted.length === 0 ? (
        <p className="wacall-empty" data-state="empty">
          <Icon name="history" />
          <span className="wacall-empty__text">{text.empty}</span>
        </p>
      ) : (
        <ol className="wacall-timeline__days" ref={listRef} onKeyDown={onKeyDown}>
          {groups.map((group) => (
            <li key={group.key} className="wacall-timeline__day" data-day={group.key}>
              <Heading className="wacall-timeline__heading">
                {i18n.formats.day(group.at, now)}
              </Heading>
              <ol className="wacall-timeline__items">
                {group.items.map((activity) => (
                  <ActivityItem
                    key={activity.id}
                    activity={activity}
                    i18n={i18n}
                    now={now}
                    tabbable={activity.id === focusId}
                    onFocusItem={onFocusItem}
                    onPlayRecording={onPlayRecording}
                    onOpenTranscript={onOpenTranscript}
                  />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {canShowOlder && (
        <button
          type="button"
          className="wacall-button wacall-button--quiet wacall-timeline__more"
          data-state={
            load.status === 'pending' ? 'pending' : load.status === 'error' ? 'error' : 'idle'
          }
          aria-disabled={load.status === 'pending' || undefined}
          onClick={showOlder}
        >
          <Icon name="history" />
          <span>{load.status === 'pending' ? text.loadingOlder : text.showOlder}</span>
        </button>
      )}
      {load.status === 'error' && (
        <p className="wacall-timeline__error" role="alert">
          {text.loadFailed}
        </p>
      )}
      <LiveRegion>{announcement}</LiveRegion>
    </section>
  );
}

/**
 * Text for the live region when activities arrive on top; nothing on the first render or for older ones.
 * Worked out during render (React's "adjust state when props change"), so a new activity costs one commit.
 */
function useNewActivityAnnouncement(
  sorted: readonly Activity[],
  describe: (latest: Activity, count: number) => string,
): string {
  const latest = sorted[0];
  const [seenLatestId, setSeenLatestId] = useState(latest?.id);
  const [announcement, setAnnouncement] = useState('');
  if (latest && latest.id !== seenLatestId) {
    setSeenLatestId(latest.id);
    // A list whose former newest entry is gone is another customer's list, not news.
    const count =
      seenLatestId === undefined ? sorted.length : sorted.findIndex((a) => a.id === seenLatestId);
    if (count > 0) setAnnouncement(describe(latest, count));
  }
  return announcement;
}
