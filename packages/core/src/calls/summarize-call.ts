import type { CallDirection, WebhookError } from '../webhooks/events';
import { CallLifecycleError } from './call-lifecycle-error';
import { compareCallActivities } from './derive-call-activities';
import type {
  Activity,
  Agent,
  CallEndedBy,
  CallOutcome,
  CallRecord,
  CallStatus,
  CustomerRef,
} from './types';

/** What a ticket is updated with once a call is over. */
export interface CallSummary {
  callId: string;
  direction: CallDirection;
  /** Who called: the customer's number (or BSUID) for incoming calls, the business number for outgoing. */
  from: string;
  /** Who was called. */
  to: string;
  customer: CustomerRef;
  businessNumber: string;
  /** The ticket's final status: completed, missed, rejected or dropped. */
  outcome: CallOutcome;
  /** The call's own final status label (e.g. `unanswered`, which the ticket calls `missed`). */
  status: CallStatus;
  /** Epoch ms of the first sign of the call. */
  startedAt: number;
  answeredAt?: number;
  endedAt: number;
  /** Talk time in seconds: 0 when nobody picked up. */
  durationSeconds: number;
  /** From the first ring to the end, in seconds (ringing plus talk time). */
  totalSeconds: number;
  agent?: Agent;
  endedBy?: CallEndedBy;
  errors: WebhookError[];
  /** This call's activities, oldest first. */
  history: Activity[];
}

/**
 * The post-call ticket update for an ended call. `activities` may hold other calls' activities too
 * (say, a customer's whole list); only this call's are kept. Throws `CallLifecycleError`
 * (`call_not_ended`) for a call still in progress.
 */
export function summarizeCall(
  record: CallRecord,
  activities: readonly Activity[] = [],
): CallSummary {
  if (record.outcome === undefined || record.endedAt === undefined) {
    throw new CallLifecycleError(
      'call_not_ended',
      `Call ${record.callId} is still ${record.status}; summarise it once it has ended ` +
        '(after its terminate webhook, or once an agent ended, declined or the customer rejected it).',
      { callId: record.callId },
    );
  }
  const customerNumber = record.customer.waId || record.customer.userId || '';
  const incoming = record.direction === 'user_initiated';
  const summary: CallSummary = {
    callId: record.callId,
    direction: record.direction,
    from: incoming ? customerNumber : record.businessNumber,
    to: incoming ? record.businessNumber : customerNumber,
    customer: record.customer,
    businessNumber: record.businessNumber,
    outcome: record.outcome,
    status: record.status,
    startedAt: record.createdAt,
    endedAt: record.endedAt,
    durationSeconds: record.durationSeconds ?? 0,
    totalSeconds: Math.max(0, Math.round((record.endedAt - record.createdAt) / 1000)),
    errors: record.errors,
    history: activities
      .filter((activity) => activity.callId === record.callId)
      .sort(compareCallActivities),
  };
  if (record.answeredAt !== undefined) summary.answeredAt = record.answeredAt;
  if (record.agent) summary.agent = record.agent;
  if (record.endedBy) summary.endedBy = record.endedBy;
  return summary;
}
