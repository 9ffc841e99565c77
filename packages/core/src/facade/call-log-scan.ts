import type { ListItem, Store } from '../store/store';
import type { LogEntry } from './call-log-index';
import type { LogCursor } from './call-log-input';

export type LogItem = ListItem<LogEntry>;

/** Newest first: by time, then id (the order a Store keeps a list in). */
export function isOlder(item: { at: number; id: string }, than: LogCursor): boolean {
  return item.at < than.at || (item.at === than.at && item.id < than.id);
}

/**
 * Reads one index list newest first, in batches, strictly older than `from` when given. Each batch goes
 * on from the last item read; if that item left the list meanwhile (its call changed status), it goes
 * on by time instead and skips what it has already passed, so no call is returned twice or missed.
 */
export async function* scanList(
  store: Store,
  key: string,
  options: { from?: LogCursor; until?: number; batch: number },
): AsyncGenerator<LogItem> {
  // Read on from `anchor` (the last item read, so still in the list); return only what is older than
  // `passed` (the last item returned).
  let anchor = options.from;
  let passed = options.from;
  let first = true;
  for (;;) {
    const page = await readAfter(
      store,
      key,
      anchor,
      first ? options.until : undefined,
      options.batch,
    );
    first = false;
    for (const item of page.items) {
      if (passed && !isOlder(item, passed)) continue;
      passed = { at: item.at, id: item.id };
      yield item;
    }
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) return;
    anchor = { at: last.at, id: last.id };
  }
}

async function readAfter(
  store: Store,
  key: string,
  position: LogCursor | undefined,
  until: number | undefined,
  limit: number,
) {
  if (!position) {
    return store.listPage<LogEntry>(
      key,
      until === undefined ? { limit } : { limit, before: { at: until } },
    );
  }
  const page = await store.listPage<LogEntry>(key, { limit, before: { id: position.id } });
  if (page.items.length > 0 || page.hasMore) return page;
  // The anchor left the list (or was its oldest item): go on by time; the caller skips what it passed.
  return store.listPage<LogEntry>(key, { limit, before: { at: position.at + 1 } });
}

/** Merges lists that hold disjoint calls (a status in both directions) into one newest-first stream. */
export async function* mergeScans(scans: AsyncGenerator<LogItem>[]): AsyncGenerator<LogItem> {
  const heads = await Promise.all(scans.map((scan) => scan.next()));
  for (;;) {
    let newest = -1;
    heads.forEach((head, index) => {
      const current = newest >= 0 ? heads[newest] : undefined;
      if (head.done) return;
      if (!current || current.done || isOlder(current.value, head.value)) newest = index;
    });
    const head = newest >= 0 ? heads[newest] : undefined;
    const scan = scans[newest];
    if (!head || head.done || !scan) return;
    yield head.value;
    heads[newest] = await scan.next();
  }
}
