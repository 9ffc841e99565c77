import { useState } from 'react';
import type { CallRecord } from '@wacall/core';
import type { CallLogMessages } from '../i18n/console-messages';

interface Seen {
  first?: string;
  length: number;
  loading: boolean;
}

/**
 * What the live region says when the list changes: loading, a fresh list (a filter change or a
 * refetch), older calls added below, or new calls arriving on top. Nothing on the first render.
 * Worked out during render (React's "adjust state when props change"), so a change costs one commit.
 */
export function useCallLogAnnouncement(
  calls: readonly CallRecord[],
  loading: boolean,
  text: CallLogMessages,
): string {
  const first = calls[0]?.callId;
  const [seen, setSeen] = useState<Seen>({ first, length: calls.length, loading });
  const [announcement, setAnnouncement] = useState('');
  if (first === seen.first && calls.length === seen.length && loading === seen.loading) {
    return announcement;
  }
  setSeen({ first, length: calls.length, loading });
  setAnnouncement(describe(calls, loading, seen, text));
  return announcement;
}

function describe(
  calls: readonly CallRecord[],
  loading: boolean,
  seen: Seen,
  text: CallLogMessages,
): string {
  if (loading) return text.loading;
  const count = calls.length;
  // After a load the list is a new one, whatever it shares with the old.
  if (seen.loading || seen.first === undefined) return text.shown({ count });
  const at = calls.findIndex((call) => call.callId === seen.first);
  if (at > 0) return text.newCalls({ count: at });
  if (at === 0 && count > seen.length) {
    return text.loadedMore({ added: count - seen.length, count });
  }
  return text.shown({ count });
}
