import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CallLogFilter, CallLogPage, CallRecord, FindCallsInput } from '@wacall/core';
import { matchesCallLogFilter } from './call-log-patch';
import { callRecord, emit, eventsUrl, handStream, newCustomer } from '../../test/live-test-kit';
import { useCallLog } from './use-call-log';
import { useWacallEvents } from './use-wacall-events';

/** An in-memory findCalls: newest first, paged by the index of the last call sent. */
function callServer(calls: CallRecord[]) {
  const stored = [...calls];
  const fetchPage = vi.fn(async (input: FindCallsInput): Promise<CallLogPage> => {
    const matching = stored
      .filter((call) => matchesCallLogFilter(call, input))
      .sort((a, b) => b.createdAt - a.createdAt);
    const start = input.before === undefined ? 0 : Number(input.before);
    const limit = input.limit ?? 50;
    const page = matching.slice(start, start + limit);
    const end = start + page.length;
    return { calls: page, ...(end < matching.length ? { next: String(end) } : {}) };
  });
  return { stored, fetchPage };
}

const ids = (calls: readonly CallRecord[]) => calls.map((call) => call.callId);

function history(customer: string, count: number): CallRecord[] {
  return Array.from({ length: count }, (_, i) =>
    callRecord(customer, {
      callId: `wacid.h${i}`,
      createdAt: 1_000_000 + i * 1_000,
      status: i % 2 === 0 ? 'completed' : 'missed',
    }),
  );
}

describe('useCallLog', () => {
  it('pages with the next cursor until the last page', async () => {
    const server = callServer(history(newCustomer(), 5));
    const hook = renderHook(() => useCallLog({ fetchPage: server.fetchPage, pageSize: 2 }));
    await waitFor(() => expect(hook.result.current.calls).toHaveLength(2));
    expect(ids(hook.result.current.calls)).toEqual(['wacid.h4', 'wacid.h3']);
    expect(hook.result.current.hasMore).toBe(true);
    act(() => hook.result.current.loadMore());
    expect(hook.result.current.loadingMore).toBe(true);
    await waitFor(() => expect(hook.result.current.calls).toHaveLength(4));
    act(() => hook.result.current.loadMore());
    await waitFor(() => expect(hook.result.current.hasMore).toBe(false));
    expect(ids(hook.result.current.calls)).toEqual([
      'wacid.h4',
      'wacid.h3',
      'wacid.h2',
      'wacid.h1',
      'wacid.h0',
    ]);
    expect(server.fetchPage.mock.calls.map(([input]) => input.before)).toEqual([
      undefined,
      '2',
      '4',
    ]);
  });

  it('starts again when the filter changes (not when the same filter is made again)', async () => {
    const server = callServer(history(newCustomer(), 4));
    const hook = renderHook(
      ({ filter }: { filter: CallLogFilter }) =>
        useCallLog({ fetchPage: server.fetchPage, filter }),
      {
        initialProps: { filter: { status: 'missed' } },
      },
    );
    await waitFor(() => expect(ids(hook.result.current.calls)).toEqual(['wacid.h3', 'wacid.h1']));
    hook.rerender({ filter: { status: 'missed' } });
    expect(server.fetchPage).toHaveBeenCalledTimes(1);
    hook.rerender({ filter: { status: 'completed' } });
    await waitFor(() => expect(ids(hook.result.current.calls)).toEqual(['wacid.h2', 'wacid.h0']));
    expect(server.fetchPage.mock.calls[1]?.[0]).toEqual({ status: 'completed' });
  });

  it('patches calls in and out of the filter from the real stream, and reloads on resync', async () => {
    const customer = newCustomer();
    const server = callServer(history(customer, 2));
    const filter: CallLogFilter = { direction: 'incoming', status: 'ringing', customer };
    const hook = renderHook(() => {
      const events = useWacallEvents(eventsUrl('log-ana'));
      return { events, log: useCallLog({ fetchPage: server.fetchPage, filter, events }) };
    });
    await waitFor(() => expect(hook.result.current.events.status).toBe('open'));
    await waitFor(() => expect(hook.result.current.log.loading).toBe(false));
    expect(hook.result.current.log.calls).toEqual([]);

    const ringing = callRecord(customer, {
      callId: 'wacid.new',
      createdAt: 2_000_000,
      status: 'ringing',
    });
    await emit('call.updated', ringing);
    await emit('call.updated', callRecord(newCustomer(), { status: 'ringing' }));
    await waitFor(() => expect(ids(hook.result.current.log.calls)).toEqual(['wacid.new']));
    // Answered: it no longer belongs under "ringing".
    await emit('call.updated', { ...ringing, status: 'ongoing' });
    await waitFor(() => expect(hook.result.current.log.calls).toEqual([]));

    server.stored.push({ ...ringing, callId: 'wacid.missed-while-away' });
    await emit('resync');
    await waitFor(() =>
      expect(ids(hook.result.current.log.calls)).toEqual(['wacid.missed-while-away']),
    );
    hook.unmount();
  });

  it('leaves a changed call that belongs to an unloaded, older page where it is', async () => {
    const customer = newCustomer();
    const server = callServer(history(customer, 4));
    const stream = handStream();
    const hook = renderHook(() =>
      useCallLog({ fetchPage: server.fetchPage, pageSize: 2, events: stream }),
    );
    await waitFor(() => expect(hook.result.current.calls).toHaveLength(2));
    act(() =>
      stream.send({
        type: 'call.updated',
        data: callRecord(customer, { callId: 'wacid.old', createdAt: 1 }),
      }),
    );
    act(() =>
      stream.send({
        type: 'call.updated',
        data: callRecord(customer, { callId: 'wacid.newest', createdAt: 9e6 }),
      }),
    );
    expect(ids(hook.result.current.calls)).toEqual(['wacid.newest', 'wacid.h3', 'wacid.h2']);
  });

  it('reports a failed page and keeps what was loaded', async () => {
    const server = callServer(history(newCustomer(), 3));
    const fetchPage = vi.fn(async (input: FindCallsInput) => {
      if (input.before !== undefined) throw new Error('page failed');
      return server.fetchPage(input);
    });
    const hook = renderHook(() => useCallLog({ fetchPage, pageSize: 2 }));
    await waitFor(() => expect(hook.result.current.calls).toHaveLength(2));
    act(() => hook.result.current.loadMore());
    await waitFor(() => expect(String(hook.result.current.error)).toContain('page failed'));
    expect(hook.result.current.calls).toHaveLength(2);
    expect(hook.result.current.hasMore).toBe(true);
  });
});
