import type { CallLogFilter, CallRecord } from '@wacall/core';
import { customerKeyOf, isCallWith } from './stream-event';

const incoming = new Set(['incoming', 'user_initiated']);

/** Whether a call belongs in a log filtered by `filter` (the same rules as `findCalls`). */
export function matchesCallLogFilter(call: CallRecord, filter: CallLogFilter): boolean {
  if (filter.direction !== undefined) {
    const wanted = incoming.has(filter.direction) ? 'user_initiated' : 'business_initiated';
    if (call.direction !== wanted) return false;
  }
  if (filter.status !== undefined && call.status !== filter.status) return false;
  if (filter.agentId !== undefined && call.agent?.id !== filter.agentId) return false;
  if (filter.customer !== undefined && !isCallWith(call.customer, customerKeyOf(filter.customer))) {
    return false;
  }
  if (filter.since !== undefined && call.createdAt < filter.since) return false;
  if (filter.until !== undefined && call.createdAt >= filter.until) return false;
  return true;
}

/**
 * The loaded log after one call changed: updated in place, dropped when it left the filter (a
 * ringing call that was answered under "ringing"), or added when it is new and inside the loaded range.
 */
export function patchCallLog(
  calls: readonly CallRecord[],
  call: CallRecord,
  filter: CallLogFilter,
  complete: boolean,
): CallRecord[] {
  const rest = calls.filter((item) => item.callId !== call.callId);
  const known = rest.length !== calls.length;
  if (!matchesCallLogFilter(call, filter)) return known ? rest : [...calls];
  const oldest = calls.at(-1);
  // Older than every loaded call with more pages to come: it belongs to a page not loaded yet.
  if (!known && !complete && oldest !== undefined && call.createdAt < oldest.createdAt) {
    return [...calls];
  }
  const index = rest.findIndex((item) => item.createdAt < call.createdAt);
  return index < 0 ? [...rest, call] : [...rest.slice(0, index), call, ...rest.slice(index)];
}
