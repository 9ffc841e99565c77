import { useCallback, useEffect, useRef, useState } from 'react';
import type { WacallEvents, WacallStreamEvent } from '@wacall/react';
import type { DemoUpdate } from '../shared/api-types';

/** How many times each part of the page was told something changed; a new number means fetch again. */
export interface LiveVersions {
  tickets: number;
  phone: number;
  templates: number;
}

type Part = keyof LiveVersions;

// A webhook usually moves several things at once (call, activities, permission); one fetch covers them.
const settleMs = 40;

/** Which parts of the page a facade event makes stale (offers and presence have their own views). */
function partsOf(event: WacallStreamEvent): Part[] {
  switch (event.type) {
    case 'resync':
      return ['tickets', 'phone', 'templates'];
    // A reviewed template changes what the ticket's dialog offers, so tickets refetch too.
    case 'template.updated':
      return ['tickets', 'templates'];
    case 'call.offered':
    case 'call.offer_withdrawn':
    case 'presence.updated':
      return [];
    default:
      return ['tickets'];
  }
}

/**
 * Follows the facade's events (`useWacallEvents`) and the demo's own updates (`/api/demo-events`: the
 * simulated phone and messages the directory filed). Whenever either stream (re)opens everything is
 * fetched again: events may have been missed.
 */
export function useLiveVersions(events: WacallEvents): LiveVersions {
  const [versions, setVersions] = useState<LiveVersions>({ tickets: 0, phone: 0, templates: 0 });
  const pending = useRef(new Set<Part>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mark = useCallback((parts: readonly Part[]) => {
    if (parts.length === 0) return;
    for (const part of parts) pending.current.add(part);
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      const stale = pending.current;
      pending.current = new Set();
      setVersions((current) => ({
        tickets: current.tickets + (stale.has('tickets') ? 1 : 0),
        phone: current.phone + (stale.has('phone') ? 1 : 0),
        templates: current.templates + (stale.has('templates') ? 1 : 0),
      }));
    }, settleMs);
  }, []);
  const { subscribe, status } = events;

  useEffect(() => subscribe((event) => mark(partsOf(event))), [subscribe, mark]);
  useEffect(() => {
    if (status === 'open') mark(['tickets', 'phone', 'templates']);
  }, [status, mark]);
  useEffect(() => {
    const source = new EventSource('/api/demo-events');
    source.onopen = () => mark(['tickets', 'phone']);
    source.onmessage = (message: MessageEvent<string>) => {
      const update = JSON.parse(message.data) as DemoUpdate;
      mark([update.topic]);
    };
    return () => source.close();
  }, [mark]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
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
