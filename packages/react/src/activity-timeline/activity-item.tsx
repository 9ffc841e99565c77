import { memo } from 'react';
import type { Activity } from '@wacall/core';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { activityMeta, activityText } from './activity-meta';

interface ActivityItemProps {
  activity: Activity;
  i18n: WacallI18n;
  now: number;
  /** The one time element in the list that Tab reaches; arrow keys move between the others. */
  tabbable: boolean;
  onFocusItem: (id: string) => void;
}

// Memoised so a new activity re-renders one row, not fifty.
export const ActivityItem = memo(function ActivityItem(props: ActivityItemProps) {
  const { activity, i18n, now, tabbable, onFocusItem } = props;
  const { icon, tone } = activityMeta(activity.kind);
  return (
    <li className="wacall-activity" data-kind={activity.kind} data-tone={tone}>
      <span className="wacall-activity__icon">
        <Icon name={icon} />
      </span>
      <span className="wacall-activity__text">{activityText(activity, i18n.messages)}</span>
      <time
        className="wacall-activity__time wacall-tooltip-anchor"
        dateTime={new Date(activity.at).toISOString()}
        tabIndex={tabbable ? 0 : -1}
        data-roving=""
        onFocus={() => onFocusItem(activity.id)}
      >
        {i18n.formats.relative(activity.at, now)}{' '}
        <span className="wacall-tooltip">{i18n.formats.exact(activity.at)}</span>
      </time>
    </li>
  );
});
