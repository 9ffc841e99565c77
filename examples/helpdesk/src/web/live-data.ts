import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveEvent } from '../shared/api-types';

/** How many times each part of the page was told something changed; a new number means fetch again. */
export interface LiveVersions {
  tickets: number;
  phone: number;
  templates: number;
}

// A webhook usually moves several things at once (call, activities, permission); one fetch covers them.
const settleMs = 40;

/** Follows `/api/events`. After a reconnect everything is fetched again: events may have been missed. */
export function useLiveVersions(): LiveVersions {
  const [versions, setVersions] = useState<LiveVersions>({ tickets: 0, phone: 0, templates: 0 });
  useEffect(() => {
    const pending = { tickets: false, phone: false, templates: false };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const { tickets, phone, templates } = pending;
      pending.tickets = pending.phone = pending.templates = false;
      setVersions((current) => ({
        tickets: current.tickets + (tickets ? 1 : 0),
        phone: current.phone + (phone ? 1 : 0),
        templates: current.templates + (templates ? 1 : 0),
      }));
    };
    const mark = (topic: LiveEvent['topic'] | 'all') => {
      // A reviewed template changes what the ticket's dialog offers, so tickets refetch too.
      if (topic !== 'phone') pending.tickets = true;
      if (topic === 'phone' || topic === 'all') pending.phone = true;
      if (topic === 'templates' || topic === 'all') pending.templates = true;
      timer ??= setTimeout(flush, settleMs);
    };
    const source = new EventSource('/api/events');
    source.onopen = () => mark('all');
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent;
      mark(event.topic === 'resync' ? 'all' : event.topic);
    };
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return versions;
}

export interface Resource<T> {
  data?: T;
  error?: string;
  /** Fetches again now (after an action, without waiting for the event). */
  reload: () => void;
}

/**
 * Data for `key`, fetched again whenever `version` moves. Only the answer to the newest request is
 * kept, so a slow old answer never overwrites a newer one.
 */
export function useResource<T>(
  key: string | undefined,
  load: (key: string) => Promise<T>,
  version: number,
): Resource<T> {
  const [state, setState] = useState<{ key?: string; data?: T; error?: string }>({});
  const [manual, setManual] = useState(0);
  const newest = useRef(0);
  useEffect(() => {
    if (key === undefined) return;
    const ticket = ++newest.current;
    load(key).then(
      (data) => {
        if (ticket === newest.current) setState({ key, data });
      },
      (error: unknown) => {
        if (ticket !== newest.current) return;
        const message = error instanceof Error ? error.message : 'Loading failed.';
        setState((current) => ({ ...(current.key === key ? current : {}), key, error: message }));
      },
    );
  }, [key, load, version, manual]);
  const reload = useCallback(() => setManual((count) => count + 1), []);
  const current = state.key === key ? state : {};
  return {
    ...(current.data === undefined ? {} : { data: current.data }),
    ...(current.error === undefined ? {} : { error: current.error }),
    reload,
  };
}

export interface Action {
  pending: boolean;
  error?: string;
  /** Runs one action at a time; a failure is kept for display until the next run. */
  run: (action: () => Promise<unknown>) => Promise<void>;
}

export function useAction(): Action {
  const [state, setState] = useState<{ pending: boolean; error?: string }>({ pending: false });
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setState({ pending: true });
    try {
      await action();
      setState({ pending: false });
    } catch (error) {
      setState({ pending: false, error: error instanceof Error ? error.message : 'It failed.' });
    } finally {
      running.current = false;
    }
  }, []);
  return { ...state, run };
}
