import type { CallRecord } from '../calls/types';
import type { CallLogFilter, CallLogPage, FindCallsInput } from './agent-types';
import { deriveCall, readShownCall } from './call-change';
import { logIndex, logKeys } from './call-log-index';
import type { LogEntry } from './call-log-index';
import { checkCountCalls, checkFindCalls, directionsOf, encodeCursor } from './call-log-input';
import type { LogCursor, LogFilter } from './call-log-input';
import { mergeScans, scanList } from './call-log-scan';
import type { LogItem } from './call-log-scan';
import type { FacadeContext } from './facade-context';

/** A set of index lists that together hold exactly the calls of some filter fields. */
interface Source {
  indexes: string[];
  /** The filter fields the lists answer on their own (the rest is checked item by item). */
  covers: (keyof LogFilter)[];
}

/**
 * Calls across every customer, newest first (by `createdAt`, then call id), a page at a time. Reads the
 * smallest index list that answers the filter and checks the other fields on each item, reading on
 * until the page is full; then reads the page's records at once.
 */
export async function findCalls(
  context: FacadeContext,
  input?: FindCallsInput,
): Promise<CallLogPage> {
  const { filter, limit, cursor } = checkFindCalls(input);
  const source = await smallestSource(context, filter);
  const found: LogItem[] = [];
  for await (const item of scan(context, source, filter, cursor, limit + 1)) {
    found.push(item);
    if (found.length > limit) break;
  }
  const shown = found.slice(0, limit);
  const values = await context.store.getMany(shown.map((item) => context.keys.call(item.id)));
  const calls = values.flatMap((value): CallRecord[] => {
    // A record past its retention that the next sweep has not yet trimmed from the log is skipped.
    const facts = readShownCall(value);
    return facts ? [deriveCall(context, facts).record] : [];
  });
  const last = shown[shown.length - 1];
  return found.length > limit && last ? { calls, next: encodeCursor(last) } : { calls };
}

/**
 * How many calls match: read from the counts kept beside the indexes when the filter is one of theirs
 * (all, a direction, a direction and status, a status, an agent, a customer), else counted from the
 * smallest index list without reading any record.
 */
export async function countCalls(context: FacadeContext, input?: CallLogFilter): Promise<number> {
  const filter = checkCountCalls(input);
  const sources = sourcesOf(filter);
  const fields = Object.keys(filter) as (keyof LogFilter)[];
  const exact = sources.find((source) => fields.every((field) => source.covers.includes(field)));
  if (exact) return countOf(context, exact);
  let count = 0;
  for await (const _ of scan(
    context,
    await smallestSource(context, filter),
    filter,
    undefined,
    500,
  )) {
    count++;
  }
  return count;
}

/** Every set of lists that can answer the filter; the first answers all of it when it can. */
function sourcesOf(filter: LogFilter): Source[] {
  const sources: Source[] = [];
  const { direction, status, agentId, customer } = filter;
  if (direction && status) {
    sources.push({
      indexes: [logIndex.status(direction, status)],
      covers: ['direction', 'status'],
    });
  } else if (direction) {
    sources.push({ indexes: [logIndex.direction(direction)], covers: ['direction'] });
  } else if (status) {
    const indexes = directionsOf(status).map((each) => logIndex.status(each, status));
    sources.push({ indexes, covers: ['status'] });
  }
  if (agentId !== undefined)
    sources.push({ indexes: [logIndex.agent(agentId)], covers: ['agentId'] });
  if (customer !== undefined) {
    sources.push({ indexes: [logIndex.customer(customer)], covers: ['customer'] });
  }
  if (sources.length === 0) sources.push({ indexes: [logIndex.all], covers: [] });
  return sources;
}

/** The source with the fewest calls (their counts are read in one round trip). */
async function smallestSource(context: FacadeContext, filter: LogFilter): Promise<Source> {
  const sources = sourcesOf(filter);
  const [only] = sources;
  if (sources.length === 1 && only) return only;
  const keys = sources.flatMap((source) =>
    source.indexes.map((index) => logKeys(context, index).count),
  );
  const counts = (await context.store.getMany(keys)).map(numberOf);
  let offset = 0;
  const sized = sources.map((source) => {
    const size = counts.slice(offset, offset + source.indexes.length).reduce((a, b) => a + b, 0);
    offset += source.indexes.length;
    return { source, size };
  });
  sized.sort((a, b) => a.size - b.size);
  return sized[0]?.source ?? { indexes: [logIndex.all], covers: [] };
}

async function countOf(context: FacadeContext, source: Source): Promise<number> {
  const values = await context.store.getMany(
    source.indexes.map((index) => logKeys(context, index).count),
  );
  return values.map(numberOf).reduce((a, b) => a + b, 0);
}

const numberOf = (value: { value: unknown } | undefined): number =>
  typeof value?.value === 'number' ? Math.max(0, value.value) : 0;

/** The matching entries of a source, newest first, strictly older than `cursor`. */
async function* scan(
  context: FacadeContext,
  source: Source,
  filter: LogFilter,
  cursor: LogCursor | undefined,
  batch: number,
): AsyncGenerator<LogItem> {
  // A source that answers the whole filter needs one item per result; one that does not reads more.
  const fields = Object.keys(filter).filter((field) => field !== 'since' && field !== 'until');
  const size = fields.every((field) => source.covers.includes(field as keyof LogFilter))
    ? batch
    : Math.max(batch, 200);
  const options = {
    batch: size,
    ...(cursor ? { from: cursor } : {}),
    ...(filter.until === undefined ? {} : { until: filter.until }),
  };
  const lists = source.indexes.map((index) =>
    scanList(context.store, logKeys(context, index).list, options),
  );
  const [one] = lists;
  const items = lists.length === 1 && one ? one : mergeScans(lists);
  for await (const item of items) {
    if (filter.since !== undefined && item.at < filter.since) return;
    if (filter.until !== undefined && item.at >= filter.until) continue;
    if (matches(item.value, filter)) yield item;
  }
}

function matches(entry: LogEntry, filter: LogFilter): boolean {
  return (
    (filter.direction === undefined || entry.d === filter.direction) &&
    (filter.status === undefined || entry.s === filter.status) &&
    (filter.agentId === undefined || entry.a === filter.agentId) &&
    (filter.customer === undefined || entry.c === filter.customer)
  );
}
