import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallLogFilter, CallLogPage, CallRecord, FindCallsInput } from '@wacall/core';
import { patchCallLog } from './call-log-patch';
import type { WacallEventSubscription, WacallStreamEvent } from './stream-event';

export interface UseCallLogOptions {
  /** Reads one page from your server (`wacall.findCalls(input)` behind your API). */
  fetchPage: (input: FindCallsInput, options: { signal: AbortSignal }) => Promise<CallLogPage>;
  /** Which calls to list; a new filter starts again from the first page. */
  filter?: CallLogFilter;
  /** Calls per page (`limit`). Default: the server's (50). */
  pageSize?: number;
  /** The stream (`useWacallEvents(url)`): changed calls are patched in, `resync` reloads. */
  events?: WacallEventSubscription;
}

export interface CallLogState {
  /** Newest first: every page loaded so far. */
  calls: CallRecord[];
  /** More, older calls can be loaded with `loadMore`. */
  hasMore: boolean;
  /** The first page is loading (first time, new filter, or after `resync`). */
  loading: boolean;
  loadingMore: boolean;
  error?: unknown;
  /** Loads the next, older page (does nothing while a page is loading or on the last page). */
  loadMore: () => void;
  /** Starts again from the first page. */
  refetch: () => void;
}

interface LogState {
  calls: CallRecord[];
  next?: string;
  loading: boolean;
  loadingMore: boolean;
  error?: unknown;
}

/** A stable key for a filter, so a new object with the same fields does not reload. */
function filterKey(filter: CallLogFilter): string {
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined);
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** The call log, page by page, kept fresh from the stream. */
export function useCallLog(options: UseCallLogOptions): CallLogState {
  const { events, pageSize } = options;
  // The filter rebuilt from its key: one object per distinct filter, however often the caller makes one.
  const key = filterKey(options.filter ?? {});
  const filter = useMemo(
    () => Object.fromEntries(JSON.parse(key) as [string, unknown][]) as CallLogFilter,
    [key],
  );
  const fetchPage = useRef(options.fetchPage);
  useEffect(() => {
    fetchPage.current = options.fetchPage;
  }, [options.fetchPage]);
  const [state, setState] = useState<LogState>({ calls: [], loading: true, loadingMore: false });
  const stateRef = useRef(state);
  const flight = useRef<{ abort: AbortController; missed: CallRecord[] } | undefined>(undefined);

  const commit = useCallback((next: LogState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const fetchInto = useCallback(
    (before: string | undefined) => {
      flight.current?.abort.abort();
      const mine = { abort: new AbortController(), missed: [] as CallRecord[] };
      flight.current = mine;
      const base = before === undefined ? { calls: [] } : stateRef.current;
      commit({
        ...base,
        ...(before === undefined ? {} : { next: before }),
        loading: before === undefined,
        loadingMore: before !== undefined,
      });
      const input: FindCallsInput = {
        ...filter,
        ...(pageSize === undefined ? {} : { limit: pageSize }),
        ...(before === undefined ? {} : { before }),
      };
      fetchPage.current(input, { signal: mine.abort.signal }).then(
        (page) => {
          if (flight.current !== mine) return;
          flight.current = undefined;
          const loaded = before === undefined ? [] : stateRef.current.calls;
          let calls = [
            ...loaded,
            ...page.calls.filter((c) => !loaded.some((l) => l.callId === c.callId)),
          ];
          // Calls that changed while the page was on its way: the page may predate them.
          for (const call of mine.missed)
            calls = patchCallLog(calls, call, filter, page.next === undefined);
          commit({
            calls,
            ...(page.next === undefined ? {} : { next: page.next }),
            loading: false,
            loadingMore: false,
          });
        },
        (error: unknown) => {
          if (flight.current !== mine) return;
          flight.current = undefined;
          commit({ ...stateRef.current, loading: false, loadingMore: false, error });
        },
      );
    },
    [filter, pageSize, commit],
  );

  useEffect(() => {
    fetchInto(undefined);
    return () => {
      flight.current?.abort.abort();
      flight.current = undefined;
    };
  }, [fetchInto]);

  useEffect(() => {
    if (!events) return undefined;
    return events.subscribe((event: WacallStreamEvent) => {
      if (event.type === 'resync') return fetchInto(undefined);
      if (event.type !== 'call.updated') return;
      if (flight.current) return void flight.current.missed.push(event.data);
      const current = stateRef.current;
      const calls = patchCallLog(current.calls, event.data, filter, current.next === undefined);
      commit({ ...current, calls });
    });
  }, [events, filter, fetchInto, commit]);

  const loadMore = useCallback(() => {
    const { next, loading, loadingMore } = stateRef.current;
    if (next === undefined || loading || loadingMore) return;
    fetchInto(next);
  }, [fetchInto]);
  const refetch = useCallback(() => fetchInto(undefined), [fetchInto]);

  return {
    calls: state.calls,
    hasMore: state.next !== undefined,
    loading: state.loading,
    loadingMore: state.loadingMore,
    loadMore,
    refetch,
    ...(state.error === undefined ? {} : { error: state.error }),
  };
}
