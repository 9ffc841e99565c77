import type { CallEndedBy, CallOutcome, CallRecord, PermissionState } from '@wacall/core';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export const formatTime = (ms: number) => timeFormat.format(ms);
export const formatDateTime = (ms: number) => dateTimeFormat.format(ms);

/** 75 → "1:15". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Where the customer stands on being called, in the agent's words. */
export function permissionText(state: PermissionState): string {
  switch (state.permission) {
    case 'none':
      return 'Not asked yet';
    case 'requested':
      return 'Requested, waiting for the customer';
    case 'granted':
      return state.permanent || state.expiresAt === undefined
        ? 'Granted permanently'
        : `Granted until ${formatDateTime(state.expiresAt)}`;
    case 'declined':
      return 'Declined by the customer';
    case 'revoked':
      return state.revokedReason === 'missed_calls'
        ? `Revoked automatically after ${state.consecutiveMissed} unanswered calls`
        : 'Revoked by the customer';
    case 'expired':
      return 'Expired';
    default:
      return state.permission;
  }
}

export function windowText(windowOpenUntil: number | undefined, now: number): string {
  return windowOpenUntil !== undefined && windowOpenUntil > now
    ? `Open until ${formatDateTime(windowOpenUntil)}`
    : 'Closed: templates only';
}

const outcomes: Record<CallOutcome, string> = {
  completed: 'Completed',
  missed: 'Missed',
  rejected: 'Rejected',
  dropped: 'Dropped',
  unknown: 'End not seen',
};

export const outcomeText = (outcome: CallOutcome) => outcomes[outcome] ?? outcome;

export function endedByText(call: CallRecord): string | undefined {
  const by: CallEndedBy | undefined = call.endedBy;
  switch (by) {
    case 'agent':
      return call.agent?.name ?? 'the agent';
    case 'customer':
      return 'the customer';
    case 'platform':
      return 'WhatsApp (nobody answered in time)';
    case 'network':
      return 'a network problem';
    default:
      return undefined;
  }
}
