import { useEffect, useRef } from 'react';
import type { CallLogFilter, CallRecord } from '@wacall/core';
import type { WacallMessagesOverride } from '../i18n/messages';
import { useWacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import type { CallLogCounts } from './call-log-chips';
import { CallLogFilters } from './call-log-filters';
import { CallLogRow } from './call-log-row';
import { useCallLogAnnouncement } from './use-call-log-announcement';

export interface CallLogProps {
  /** The calls loaded so far, newest first (the pages of `wacall.findCalls`, one after another). */
  calls: readonly CallRecord[];
  /** The filter `calls` were found with; the chips show it. */
  filter?: CallLogFilter;
  /** Called with the next filter when the agent presses a chip; without it there are no chips. */
  onFilterChange?: (filter: CallLogFilter) => void;
  /** How many calls each chip would show (`wacall.countCalls(chip.filter)` for `callLogChips(filter)`). */
  counts?: CallLogCounts;
  /** Whether older calls exist beyond `calls`; "Load more calls" then calls `onLoadMore`. */
  hasMore?: boolean;
  /** Fetches the next, older page and adds it to `calls`. A rejection is shown beside the button. */
  onLoadMore?: () => Promise<unknown> | void;
  /** The host is fetching the next page itself (its own pending state, e.g. a hook's). */
  loadingMore?: boolean;
  /** The first page (or a refetch after a filter change) is on its way. */
  loading?: boolean;
  /** Loading failed: shown with "Try again" (`onRetry`). `undefined` or `null` means no error. */
  error?: unknown;
  onRetry?: () => void;
  /** Makes each customer's name a button, e.g. to open the ticket with the call. */
  onOpenCall?: (call: CallRecord) => void;
  messages?: WacallMessagesOverride;
  className?: string;
}

type CallLogState = 'loading' | 'error' | 'empty' | 'no-match' | 'filled';

/**
 * The helpdesk's calls across every customer: status, direction, customer, agent, start, duration and
 * outcome in a table, filter chips per direction and status with their counts, and "Load more calls".
 */
export function CallLog(props: CallLogProps) {
  const { calls, filter = {}, loading = false, hasMore = false, onLoadMore } = props;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.callLog;
  const load = useAsyncAction(onLoadMore);
  const tableRef = useRef<HTMLTableElement>(null);
  const revealFrom = useRef<number | undefined>(undefined);
  const announcement = useCallLogAnnouncement(calls, loading, text);
  const failed = props.error !== undefined && props.error !== null;
  const pendingMore = load.status === 'pending' || props.loadingMore === true;
  const canLoadMore = hasMore && onLoadMore !== undefined;
  const filtered = filter.direction !== undefined || filter.status !== undefined;

  const state: CallLogState =
    calls.length > 0
      ? 'filled'
      : loading
        ? 'loading'
        : failed
          ? 'error'
          : filtered
            ? 'no-match'
            : 'empty';

  // When "Load more calls" goes away under the keyboard, focus moves to the first call it added.
  useEffect(() => {
    const from = revealFrom.current;
    if (from === undefined || pendingMore || canLoadMore || calls.length <= from) return;
    revealFrom.current = undefined;
    const cell = tableRef.current?.tBodies[0]?.rows[from]?.cells[0];
    if (cell && cell.ownerDocument.activeElement === cell.ownerDocument.body) cell.focus();
  }, [calls.length, pendingMore, canLoadMore]);

  const loadMore = () => {
    if (pendingMore) return;
    revealFrom.current = calls.length;
    void load.run();
  };

  const clearFilters = () => {
    const next = { ...filter };
    delete next.direction;
    delete next.status;
    props.onFilterChange?.(next);
  };

  return (
    <div
      className={cx('wacall-call-log', props.className)}
      data-state={state}
      aria-busy={loading || undefined}
    >
      {props.onFilterChange && (
        <CallLogFilters
          filter={filter}
          counts={props.counts}
          onFilterChange={props.onFilterChange}
          messages={i18n.messages}
          locale={i18n.formats.locale}
        />
      )}
      {failed && (
        <div className="wacall-call-log__error" role="alert">
          <Icon name="alert" />
          <span>{text.failed({ error: errorText(props.error) })}</span>
          {props.onRetry && (
            <button type="button" className="wacall-button" onClick={props.onRetry}>
              {text.retry}
            </button>
          )}
        </div>
      )}
      {state === 'filled' ? (
        <table className="wacall-call-log__table" ref={tableRef}>
          <caption className="wacall-visually-hidden">{text.label}</caption>
          <thead>
            <tr>
              <th scope="col">{text.columns.customer}</th>
              <th scope="col">{text.columns.direction}</th>
              <th scope="col">{text.columns.status}</th>
              <th scope="col">{text.columns.agent}</th>
              <th scope="col">{text.columns.started}</th>
              <th scope="col">{text.columns.duration}</th>
              <th scope="col">{text.columns.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <CallLogRow key={call.callId} call={call} i18n={i18n} onOpenCall={props.onOpenCall} />
            ))}
          </tbody>
        </table>
      ) : state === 'loading' ? (
        <p className="wacall-empty" data-state="loading">
          <Icon name="history" />
          <span className="wacall-empty__text">{text.loading}</span>
        </p>
      ) : state === 'error' ? null : (
        <p className="wacall-empty" data-state={state}>
          <Icon name="phone" />
          <span className="wacall-empty__text">
            {state === 'no-match' ? text.noMatch : text.empty}
          </span>
          {state === 'no-match' && props.onFilterChange && (
            <button type="button" className="wacall-button" onClick={clearFilters}>
              {text.clearFilters}
            </button>
          )}
        </p>
      )}
      {canLoadMore && state === 'filled' && (
        <button
          type="button"
          className="wacall-button wacall-button--quiet wacall-call-log__more"
          data-state={pendingMore ? 'pending' : load.status === 'error' ? 'error' : 'idle'}
          aria-disabled={pendingMore || undefined}
          onClick={loadMore}
        >
          <Icon name="history" />
          <span>{pendingMore ? text.loadingMore : text.loadMore}</span>
        </button>
      )}
      {load.status === 'error' && (
        <p className="wacall-call-log__error" role="alert">
          {text.loadMoreFailed}
        </p>
      )}
      <LiveRegion>{announcement}</LiveRegion>
    </div>
  );
}
