import type { Activity, ActivityKind } from '@wacall/core';
import type { StatusTone } from '../call-status-badge/status-meta';
import type { WacallMessages } from '../i18n/messages';
import type { IconName } from '../internal/icon';

interface KindMeta {
  icon: IconName;
  tone: StatusTone;
}

const kinds: Record<ActivityKind, KindMeta> = {
  'call.missed_no_answer': { icon: 'cross', tone: 'danger' },
  'call.agent_declined': { icon: 'cross', tone: 'warning' },
  'call.agent_inactive': { icon: 'person', tone: 'warning' },
  'call.all_agents_busy': { icon: 'person', tone: 'warning' },
  'call.unassigned': { icon: 'person', tone: 'neutral' },
  'call.started_by_agent': { icon: 'outgoing', tone: 'info' },
  'call.answered_by_agent': { icon: 'incoming', tone: 'success' },
  'call.answered_by_customer': { icon: 'outgoing', tone: 'success' },
  'call.rejected_by_customer': { icon: 'cross', tone: 'warning' },
  'call.unanswered': { icon: 'cross', tone: 'danger' },
  'call.ended_by_agent': { icon: 'hangUp', tone: 'neutral' },
  'call.ended_by_customer': { icon: 'hangUp', tone: 'neutral' },
  'call.dropped': { icon: 'alert', tone: 'warning' },
  'call.end_not_seen': { icon: 'clock', tone: 'warning' },
  'permission.granted': { icon: 'shieldCheck', tone: 'success' },
  'permission.revoked_by_customer': { icon: 'shieldCross', tone: 'danger' },
  'permission.auto_revoked': { icon: 'shieldCross', tone: 'danger' },
  'permission.expired': { icon: 'clock', tone: 'neutral' },
  'permission_request.sent': { icon: 'send', tone: 'info' },
  'permission_request.approved': { icon: 'shieldCheck', tone: 'success' },
  'permission_request.declined': { icon: 'shieldCross', tone: 'warning' },
  'permission_request.expired': { icon: 'clock', tone: 'neutral' },
  'call_invite.sent': { icon: 'send', tone: 'info' },
};

// Kinds a newer core adds still render, with a neutral history icon and their own text.
const fallback: KindMeta = { icon: 'history', tone: 'neutral' };

/** Icon and tone of an activity kind. */
export function activityMeta(kind: ActivityKind): KindMeta {
  return kinds[kind] ?? fallback;
}

type AnyFormatter = (params: Activity['params'], activity: Activity) => string;

/** The activity's text from the messages table, or its own text when the table has no entry for its kind. */
export function activityText(activity: Activity, messages: WacallMessages): string {
  // The table is keyed by kind, so the formatter found here always matches this activity's params.
  const format = messages.activityText[activity.kind] as AnyFormatter | undefined;
  return format ? format(activity.params, activity) : activity.text;
}
