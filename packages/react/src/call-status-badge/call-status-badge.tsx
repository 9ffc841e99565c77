import type { HTMLAttributes } from 'react';
import type { CallDirection, CallRecord, CallStatus } from '@wacall/core';
import { useWacallI18n } from '../i18n/messages-context';
import type { WacallMessagesOverride } from '../i18n/messages';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';
import { markerKind, statusLabel, statusMeta } from './status-meta';

type BadgeSource =
  | { call: CallRecord; status?: never; direction?: never }
  | { call?: never; status: CallStatus; direction: CallDirection };

export type CallStatusBadgeProps = BadgeSource &
  Omit<HTMLAttributes<HTMLSpanElement>, 'children'> & {
    /**
     * `badge` (default) shows every status; `marker` is the compact chat-list tag ("Missed call",
     * "In call", "Incoming call", "Calling…") and renders nothing for finished calls.
     */
    variant?: 'badge' | 'marker';
    /** Makes the badge a polite live region, so screen readers hear each status change. */
    live?: boolean;
    messages?: WacallMessagesOverride;
  };

/** A call's status as icon, label and colour, with an arrow for its direction. */
export function CallStatusBadge(props: CallStatusBadgeProps) {
  const {
    call,
    status: statusProp,
    direction: directionProp,
    variant = 'badge',
    live,
    messages,
    className,
    ...rest
  } = props;
  const { messages: text } = useWacallI18n(messages);
  const status = call ? call.status : statusProp;
  const direction = call ? call.direction : directionProp;
  if (status === undefined || direction === undefined) return null;
  const { tone, icon } = statusMeta(status);
  const shared = {
    ...rest,
    'data-status': status,
    'data-direction': direction,
    'data-tone': tone,
    ...(live ? { role: 'status' } : {}),
  };

  if (variant === 'marker') {
    const marker = markerKind(status, direction);
    if (!marker) return null;
    return (
      <span {...shared} className={cx('wacall-marker', className)} data-marker={marker}>
        <Icon name={marker === 'missed' ? 'cross' : 'phone'} />
        <span>{text.marker[marker]}</span>
      </span>
    );
  }

  return (
    <span {...shared} className={cx('wacall-badge', className)}>
      <Icon name={icon} />
      <span className="wacall-visually-hidden">{text.direction[direction]}: </span>
      <span className="wacall-badge__label">{statusLabel(text, status, direction)}</span>
      <Icon
        name={direction === 'user_initiated' ? 'incoming' : 'outgoing'}
        className="wacall-badge__direction"
      />
    </span>
  );
}
