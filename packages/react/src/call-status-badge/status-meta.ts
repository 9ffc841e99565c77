import type {
  CallDirection,
  CallStatus,
  IncomingCallStatus,
  OutgoingCallStatus,
} from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import type { IconName } from '../internal/icon';

/** The colour family of a status; styles key off `data-tone`. */
export type StatusTone = 'info' | 'success' | 'neutral' | 'warning' | 'danger';

/** Which chat-list marker a status earns, if any. */
export type MarkerKind = keyof WacallMessages['marker'];

interface StatusMeta {
  tone: StatusTone;
  icon: IconName;
}

const meta: Record<CallStatus, StatusMeta> = {
  calling: { tone: 'info', icon: 'phone' },
  ringing: { tone: 'info', icon: 'phone' },
  ongoing: { tone: 'success', icon: 'phone' },
  completed: { tone: 'neutral', icon: 'check' },
  missed: { tone: 'danger', icon: 'cross' },
  unanswered: { tone: 'danger', icon: 'cross' },
  declined: { tone: 'warning', icon: 'cross' },
  disconnected: { tone: 'warning', icon: 'alert' },
};

// Statuses are kept open for values a newer core may add: they render neutral with their raw name.
const fallback: StatusMeta = { tone: 'neutral', icon: 'phone' };

/** Tone and icon of a status. */
export function statusMeta(status: CallStatus): StatusMeta {
  return meta[status] ?? fallback;
}

/** The status's label in the direction's own vocabulary ("Missed" inbound, "Unanswered" outbound). */
export function statusLabel(
  messages: WacallMessages,
  status: CallStatus,
  direction: CallDirection,
): string {
  const own =
    direction === 'user_initiated'
      ? messages.incomingStatus[status as IncomingCallStatus]
      : messages.outgoingStatus[status as OutgoingCallStatus];
  return (
    own ??
    messages.outgoingStatus[status as OutgoingCallStatus] ??
    messages.incomingStatus[status as IncomingCallStatus] ??
    status
  );
}

/** The chat-list marker for a status: missed calls and live calls get one, finished calls none. */
export function markerKind(status: CallStatus, direction: CallDirection): MarkerKind | undefined {
  switch (status) {
    case 'missed':
    case 'unanswered':
      return 'missed';
    case 'ongoing':
      return 'inCall';
    case 'ringing':
      return direction === 'user_initiated' ? 'incoming' : 'calling';
    case 'calling':
      return 'calling';
    default:
      return undefined;
  }
}

/** Whether a call is still live (not yet finished). */
export function isLiveStatus(status: CallStatus): boolean {
  return status === 'calling' || status === 'ringing' || status === 'ongoing';
}
