import { useCallback, useEffect, useRef, useState } from 'react';
import { parseStreamEvent, type WacallStreamEvent } from './stream-event';

/**
 * `connecting`: the first attempt. `open`: events flow. `reconnecting`: the connection dropped and the
 * browser is retrying (it resumes from the last event it got). `closed`: the server refused (say, 401)
 * or `url` is unset; nothing more will come.
 */
export type WacallEventsStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface UseWacallEventsOptions {
  /** Send cookies to another origin (`EventSource`'s `withCredentials`). */
  withCredentials?: boolean;
  /** How many recent events `events` keeps. Default 50. */
  keep?: number;
  /** The `EventSource` to use (a polyfill, or a fake in tests). Default: the browser's. */
  eventSource?: typeof EventSource;
}

export interface WacallEvents {
  status: WacallEventsStatus;
  /** The most recent events, oldest first (at most `keep`). */
  events: WacallStreamEvent[];
  lastEvent?: WacallStreamEvent;
  /** Hears every event as it arrives, outside React's render cycle; returns the unsubscribe. */
  subscribe: (listener: (event: WacallStreamEvent) => void) => () => void;
}

/**
 * Follows a `createEventStream` endpoint with `EventSource`. Reconnecting and resuming with
 * `Last-Event-ID` are the browser's own; a `resync` event means refetch what you show.
 */
export function useWacallEvents(
  url: string | URL | undefined,
  options: UseWacallEventsOptions = {},
): WacallEvents {
  const { withCredentials = false, keep = 50, eventSource } = options;
  const [status, setStatus] = useState<WacallEventsStatus>(url ? 'connecting' : 'closed');
  const [events, setEvents] = useState<WacallStreamEvent[]>([]);
  const listeners = useRef(new Set<(event: WacallStreamEvent) => void>());
  const keepRef = useRef(keep);
  useEffect(() => {
    keepRef.current = keep;
  }, [keep]);
  const href = url === undefined ? undefined : String(url);

  useEffect(() => {
    if (href === undefined) {
      setStatus('closed');
      return undefined;
    }
    const Source = eventSource ?? globalThis.EventSource;
    const source = new Source(href, { withCredentials });
    let opened = false;
    setStatus('connecting');
    source.onopen = () => {
      opened = true;
      setStatus('open');
    };
    source.onerror = () => {
      if (source.readyState === Source.CLOSED) setStatus('closed');
      else setStatus(opened ? 'reconnecting' : 'connecting');
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseStreamEvent(message.data);
      if (event === undefined) return;
      for (const listener of [...listeners.current]) listener(event);
      setEvents((current) => [...current, event].slice(-Math.max(1, keepRef.current)));
    };
    return () => {
      source.onopen = source.onerror = source.onmessage = null;
      source.close();
    };
  }, [href, withCredentials, eventSource]);

  const subscribe = useCallback((listener: (event: WacallStreamEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const lastEvent = events.at(-1);
  return { status, events, subscribe, ...(lastEvent === undefined ? {} : { lastEvent }) };
}
