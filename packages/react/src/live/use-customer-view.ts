import { useCallback, useEffect, useRef, useState } from 'react';
import { applyToSnapshot, changeFor, type CustomerSnapshot } from './customer-snapshot';
import {
  customerKeyOf,
  type WacallEventSubscription,
  type WacallStreamEvent,
} from './stream-event';

export interface UseCustomerViewOptions {
  /** The customer's wa id or BSUID; `undefined` shows nothing. */
  customer: string | undefined;
  /** Reads the customer from your server (`getCustomer` + `listActivities`, and `listCalls` if you show calls). */
  fetchView: (customer: string, options: { signal: AbortSignal }) => Promise<CustomerSnapshot>;
  /** The stream (`useWacallEvents(url)`); without it the view is fetched once. */
  events?: WacallEventSubscription;
  /** How long (ms) to wait for related events before refetching, so one webhook costs one fetch. Default 50. */
  settleMs?: number;
}

export interface CustomerViewState {
  data?: CustomerSnapshot;
  error?: unknown;
  /** A fetch is in flight (the first, or a refetch after `resync`). */
  loading: boolean;
  /** Fetches again now. */
  refetch: () => void;
}

/** One fetch in flight, and what the stream said meanwhile. */
interface Flight {
  abort: AbortController;
  missed: WacallStreamEvent[];
  again: boolean;
}

interface State {
  customer?: string;
  data?: CustomerSnapshot;
  error?: unknown;
  loading: boolean;
}

/**
 * One customer's view, kept fresh from the stream: activities and calls are patched as events arrive;
 * permission and call changes also refetch (the decisions are the server's), and so does `resync`.
 */
export function useCustomerView(options: UseCustomerViewOptions): CustomerViewState {
  const { customer, events, settleMs = 50 } = options;
  const [state, setState] = useState<State>({ loading: customer !== undefined });
  const fetchView = useRef(options.fetchView);
  useEffect(() => {
    fetchView.current = options.fetchView;
  }, [options.fetchView]);
  const flight = useRef<Flight | undefined>(undefined);
  const current = useRef<CustomerSnapshot | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The settle timer calls the latest `load` through a ref, so `load` need not depend on itself.
  const reload = useRef<() => void>(() => undefined);
  const load = useCallback(() => {
    if (customer === undefined) return;
    flight.current?.abort.abort();
    const mine: Flight = { abort: new AbortController(), missed: [], again: false };
    flight.current = mine;
    setState((previous) => ({ ...previous, customer, loading: true }));
    fetchView.current(customer, { signal: mine.abort.signal }).then(
      (fetched) => {
        if (flight.current !== mine) return;
        flight.current = undefined;
        // Events that came while the request was out may be newer than its answer: apply them on top.
        let snapshot = fetched;
        for (const event of mine.missed) snapshot = applyToSnapshot(snapshot, event).snapshot;
        current.current = snapshot;
        setState({ customer, data: snapshot, loading: false });
        if (mine.again)
          timer.current ??= setTimeout(
            () => ((timer.current = undefined), reload.current()),
            settleMs,
          );
      },
      (error: unknown) => {
        if (flight.current !== mine) return;
        flight.current = undefined;
        setState((previous) => ({ ...previous, customer, error, loading: false }));
      },
    );
  }, [customer, settleMs]);
  useEffect(() => {
    reload.current = load;
  }, [load]);

  useEffect(() => {
    current.current = undefined;
    setState({ loading: customer !== undefined });
    load();
    return () => {
      flight.current?.abort.abort();
      flight.current = undefined;
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [customer, load]);

  useEffect(() => {
    if (!events) return undefined;
    return events.subscribe((event) => {
      const inFlight = flight.current;
      if (inFlight) {
        inFlight.missed.push(event);
        if (customer !== undefined && changeFor(event, customerKeyOf(customer)) === 'refetch') {
          inFlight.again = true;
        }
        return;
      }
      const snapshot = current.current;
      if (!snapshot) return;
      const { snapshot: next, change } = applyToSnapshot(snapshot, event);
      if (change === 'none') return;
      current.current = next;
      setState((previous) => ({ ...previous, data: next }));
      if (change === 'refetch') {
        timer.current ??= setTimeout(() => ((timer.current = undefined), load()), settleMs);
      }
    });
  }, [events, customer, load, settleMs]);

  const shown = state.customer === customer ? state : { loading: state.loading };
  return {
    loading: shown.loading,
    refetch: load,
    ...(shown.data === undefined ? {} : { data: shown.data }),
    ...(shown.error === undefined ? {} : { error: shown.error }),
  };
}
