import { callCustomerKey } from '../calls/derive-call-record';
import type { CallRecord, CallStatus } from '../calls/types';
import type { StoreWrite } from '../store/store';
import type { CallDirection } from '../webhooks/events';
import type { FacadeContext } from './facade-context';

/**
 * The call log's indexes: every shown call is an item (id = call id, at = `createdAt`) in a few Store
 * lists — all calls, per direction, per direction and status, per agent, per customer — and each list has
 * a count beside it. Both change in the same commit as the call's facts, so the log can never disagree
 * with the calls, whatever order webhooks arrive in.
 */

/** What an index item carries, so a filter on the other fields needs no record read. */
export interface LogEntry {
  [key: string]: string | undefined;
  /** Direction. */
  d: CallDirection;
  /** Status. */
  s: CallStatus;
  /** Customer key ('' when unknown). */
  c: string;
  /** Agent id. */
  a?: string;
}

/** Which index a list is: the suffix after the log's base key. */
export const logIndex = {
  all: '',
  direction: (direction: CallDirection) => `:d:${direction}`,
  status: (direction: CallDirection, status: CallStatus) => `:s:${direction}:${status}`,
  agent: (agentId: string) => `:a:${agentId}`,
  customer: (customer: string) => `:c:${customer}`,
};

/** The Store keys of one index: its list and its count. */
export function logKeys(context: Pick<FacadeContext, 'businessDigits'>, index: string) {
  const base = `wacall:${context.businessDigits}`;
  return { list: `${base}:log${index}`, count: `${base}:log-count${index}` };
}

/**
 * Retention, not length, bounds the log (`sweep()` trims it by age, counts included); the length cap
 * only stops a runaway list. It stays inside a 32-bit integer for the Postgres store.
 */
const maxLogLength = 1_000_000_000;

export function logEntry(record: CallRecord): LogEntry {
  const entry: LogEntry = {
    d: record.direction,
    s: record.status,
    c: callCustomerKey(record.customer),
  };
  if (record.agent?.id) entry.a = record.agent.id;
  return entry;
}

/** The indexes an entry belongs to. */
export function indexesOf(entry: LogEntry): string[] {
  const indexes = [logIndex.all, logIndex.direction(entry.d), logIndex.status(entry.d, entry.s)];
  if (entry.a !== undefined) indexes.push(logIndex.agent(entry.a));
  if (entry.c !== '') indexes.push(logIndex.customer(entry.c));
  return indexes;
}

interface Placed {
  callId: string;
  at: number;
  entry: LogEntry;
}

const placed = (record: CallRecord | undefined): Placed | undefined =>
  record && { callId: record.callId, at: record.createdAt, entry: logEntry(record) };

/**
 * The writes that move a call's log entries from what `before` stood for to what `after` does: added to
 * the lists it joins (or refreshed where its time or fields changed), removed from those it leaves, and
 * each list's count moved by the same step. `undefined`: not in the log.
 */
export function callLogWrites(
  context: Pick<FacadeContext, 'businessDigits' | 'limits'>,
  before: CallRecord | undefined,
  after: CallRecord | undefined,
): StoreWrite[] {
  return logEntryWrites(context, placed(before), placed(after));
}

/** As `callLogWrites`, for entries rather than records (trimming knows only the entry). */
export function logEntryWrites(
  context: Pick<FacadeContext, 'businessDigits' | 'limits'>,
  before: Placed | undefined,
  after: Placed | undefined,
): StoreWrite[] {
  const ttlMs = context.limits.retentionMs;
  const was = new Set(before ? indexesOf(before.entry) : []);
  const is = new Set(after ? indexesOf(after.entry) : []);
  const unchanged =
    before !== undefined &&
    after !== undefined &&
    before.at === after.at &&
    JSON.stringify(before.entry) === JSON.stringify(after.entry);
  const writes: StoreWrite[] = [];
  for (const index of was) {
    if (is.has(index) || !before) continue;
    const keys = logKeys(context, index);
    writes.push({ type: 'listRemove', key: keys.list, id: before.callId });
    writes.push({ type: 'increment', key: keys.count, by: -1, ttlMs });
  }
  if (!after || unchanged) return writes;
  for (const index of is) {
    const keys = logKeys(context, index);
    writes.push({
      type: 'listAdd',
      key: keys.list,
      item: { id: after.callId, at: after.at, value: after.entry },
      maxLength: maxLogLength,
      ttlMs,
    });
    if (!was.has(index)) writes.push({ type: 'increment', key: keys.count, by: 1, ttlMs });
  }
  return writes;
}
