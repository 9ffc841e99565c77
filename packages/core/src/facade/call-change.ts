import { hasDirection } from '../calls/apply-call-event';
import type { CallFacts } from '../calls/call-facts';
import { deriveCallActivities } from '../calls/derive-call-activities';
import { callCustomerKey, deriveCallRecord } from '../calls/derive-call-record';
import { diffActivities } from '../calls/diff-activities';
import type { Activity, CallRecord } from '../calls/types';
import type { PermissionPolicy } from '../permissions/policy';
import type { Versioned } from '../store/store';
import { activityWrites } from './activity-writes';
import { callLogWrites } from './call-log-index';
import type { Change } from './change';
import { noChange } from './change';
import type { FacadeContext } from './facade-context';
import { asJson } from './feed-message';
import { deadlineWrite } from './permission-change';
import { deadlineId } from './state-keys';

/** A call's facts as read in a transaction. */
export function readCall(value: Versioned | undefined): CallFacts | undefined {
  return value?.value as CallFacts | undefined;
}

/** The facts of a call that can be shown: its direction is known (a file alone does not tell it). */
export function readShownCall(value: Versioned | undefined): CallFacts | undefined {
  const facts = readCall(value);
  return facts && hasDirection(facts) ? facts : undefined;
}

/** The record and activities a call's facts stand for. */
export function deriveCall(
  context: Pick<FacadeContext, 'activityMessages'>,
  facts: CallFacts,
): { record: CallRecord; activities: Activity[] } {
  const messages = context.activityMessages;
  return {
    record: deriveCallRecord(facts),
    activities: deriveCallActivities(facts, messages ? { messages } : {}),
  };
}

/**
 * The writes and announcements that move a call's facts from `before` to `after`: the facts, the
 * call filed under its customer, its activities (a diff of two derivations, so a late event refines an
 * activity in place), `call.updated`, and when the clock must close it if its end is never seen.
 */
export function callChange(
  context: FacadeContext,
  before: CallFacts | undefined,
  after: CallFacts,
): { change: Change; record: CallRecord | undefined } {
  const retain = { ttlMs: context.limits.retentionMs };
  if (before && JSON.stringify(before) === JSON.stringify(after)) {
    return {
      change: noChange(),
      record: hasDirection(after) ? deriveCall(context, after).record : undefined,
    };
  }
  if (!hasDirection(after)) {
    // Kept until the call's own webhooks tell its direction; nothing to show or announce yet.
    const write = {
      type: 'set' as const,
      key: context.keys.call(after.callId),
      value: asJson(after),
      ...retain,
    };
    return { change: { writes: [write], publish: [] }, record: undefined };
  }
  const next = deriveCall(context, after);
  const previous = before && hasDirection(before) ? deriveCall(context, before) : undefined;
  const customer = callCustomerKey(next.record.customer);
  const change: Change = {
    writes: [
      { type: 'set', key: context.keys.call(after.callId), value: asJson(after), ...retain },
      deadlineWrite(context, deadlineId.call(after.callId), staleAt(next.record, context.policy)),
    ],
    publish: [],
  };
  // The call log's indexes and counts move with the call, in the same commit.
  change.writes.push(...callLogWrites(context, previous?.record, next.record));
  if (customer !== '') {
    change.writes.push({
      type: 'listAdd',
      key: context.keys.calls(customer),
      item: { id: after.callId, at: next.record.createdAt, value: after.callId },
      maxLength: context.limits.maxActivities,
      ...retain,
    });
    const diff = diffActivities(previous?.activities ?? [], next.activities);
    const filed = activityWrites(context, customer, diff);
    change.writes.push(...filed.writes);
    change.publish.push(...filed.publish);
  }
  if (!previous || JSON.stringify(previous.record) !== JSON.stringify(next.record)) {
    change.publish.unshift({ b: context.businessDigits, type: 'call.updated', call: next.record });
  }
  return { change, record: next.record };
}

/**
 * When a call still open must be closed by the clock: its setup timeout after it began, or the
 * active-call timeout after it was answered; `undefined` once it has ended.
 */
export function staleAt(record: CallRecord, policy: PermissionPolicy): number | undefined {
  if (record.endedAt !== undefined || record.outcome !== undefined) return undefined;
  return record.answeredAt !== undefined
    ? record.answeredAt + policy.activeCallTimeoutMs
    : record.createdAt + policy.callSetupTimeoutMs;
}
