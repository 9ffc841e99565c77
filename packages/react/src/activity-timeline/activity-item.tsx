import { memo } from 'react';
import type { Activity } from '@wacall/core';
import type { WacallI18n } from '../i18n/messages-context';
import { glyphClass } from '../internal/icon';
import { ActivityAction, type ActivityActions } from './activity-action';
import { activityMeta, activityText } from './activity-meta';

interface ActivityItemProps extends ActivityActions {
  activity: Activity;
  i18n: WacallI18n;
  now: number;
  /** The one time element in the list that Tab reaches; arrow keys move between the others. */
  tabbable: boolean;
  onFocusItem: (id: string) => void;
}

// Memoised so a new activity re-renders one row, not fifty. Rows stay at four elements: the icon is a
// pseudo-element mask and the exact time is the time's title (shown by CSS on keyboard focus).
export const ActivityItem = memo(function ActivityItem(props: ActivityItemProps) {
  const { activity, i18n, now, tabbable, onFocusItem, onPlayRecording, onOpenTranscript } = props;
  const { icon, tone } = activityMeta(activity.kind);
  return (
    <li className="wacall-activity" data-kind={activity.kind} data-tone={tone}>
      <span className={`wacall-activity__icon ${glyphClass(icon)}`} aria-hidden="true" />
      <span className="wacall-activity__text">{activityText(activity, i18n.messages)}</span>
      <ActivityAction
        activity={activity}
        text={i18n.messages.timeline}
        onPlayRecording={onPlayRecording}
        onOpenTranscript={onOpenTranscript}
      />
      <time
        className="wacall-activity__time"
        dateTime={new Date(activity.at).toISOString()}
        title={i18n.formats.exact(activity.at)}
        tabIndex={tabbable ? 0 : -1}
        data-roving=""
        onFocus={() => onFocusItem(activity.id)}
      >
        {i18n.formats.relative(activity.at, now)}
      </time>
    </li>
  );
});
