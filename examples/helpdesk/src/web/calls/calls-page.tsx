import { useCallback, useEffect, useState } from 'react';
import type { CallLogFilter, CallRecord, FindCallsInput } from '@wacall/core';
import { CallLog, useCallLog, type CallLogCounts, type WacallEvents } from '@wacall/react';
import { api } from '../api';

export interface CallsPageProps {
  events: WacallEvents;
  /** Opens the ticket of the call's customer. */
  onOpenCall: (call: CallRecord) => void;
}

// Counts move with every call change; one request after a burst of them is enough.
const countsSettleMs = 100;

const fetchPage = (input: FindCallsInput, { signal }: { signal: AbortSignal }) =>
  api.findCalls(input, signal);

/** Every call of the helpdesk (`findCalls`), newest first, with filter chips and their counts. */
export function CallsPage({ events, onOpenCall }: CallsPageProps) {
  const [filter, setFilter] = useState<CallLogFilter>({});
  const log = useCallLog({ fetchPage, filter, events });
  const counts = useCounts(filter, events);

  return (
    <section className="pane pane--calls" aria-labelledby="calls-page-heading">
      <h2 id="calls-page-heading" className="pane__title">
        Calls
      </h2>
      <CallLog
        calls={log.calls}
        filter={filter}
        onFilterChange={setFilter}
        {...(counts ? { counts } : {})}
        loading={log.loading}
        loadingMore={log.loadingMore}
        error={log.error}
        onRetry={log.refetch}
        hasMore={log.hasMore}
        onLoadMore={log.loadMore}
        onOpenCall={onOpenCall}
      />
    </section>
  );
}

/** The chips' counts (`countCalls`), fetched again when a call changes or the stream resyncs. */
function useCounts(filter: CallLogFilter, events: WacallEvents): CallLogCounts | undefined {
  const [counts, setCounts] = useState<CallLogCounts>();
  const [version, setVersion] = useState(0);
  const { subscribe } = events;
  const key = JSON.stringify(filter);
  const bump = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribe((event) => {
      if (event.type !== 'call.updated' && event.type !== 'resync') return;
      timer ??= setTimeout(() => {
        timer = undefined;
        bump();
      }, countsSettleMs);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe, bump]);

  useEffect(() => {
    let current = true;
    api.countCalls(JSON.parse(key) as CallLogFilter).then(
      (answer) => current && setCounts(answer),
      // The chips keep their last numbers; the list shows the server's error itself.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [key, version]);
  return counts;
}
