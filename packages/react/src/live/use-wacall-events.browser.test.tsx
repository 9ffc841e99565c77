import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  callRecord,
  dropStreams,
  emit,
  eventsUrl,
  newCustomer,
  openStreams,
} from '../../test/live-test-kit';
import type { WacallStreamEvent } from './stream-event';
import { useWacallEvents } from './use-wacall-events';

describe('useWacallEvents against a real event stream', () => {
  it('opens, hands every event to subscribers and keeps the last ones', async () => {
    const agent = 'events-ana';
    const hook = renderHook(() => useWacallEvents(eventsUrl(agent), { keep: 2 }));
    expect(hook.result.current.status).toBe('connecting');
    await waitFor(() => expect(hook.result.current.status).toBe('open'));
    const heard: WacallStreamEvent[] = [];
    const unsubscribe = hook.result.current.subscribe((event) => heard.push(event));
    const customer = newCustomer();
    for (const status of ['ringing', 'ongoing', 'completed'] as const) {
      await emit('call.updated', callRecord(customer, { callId: 'wacid.x', status }));
    }
    await waitFor(() => expect(heard).toHaveLength(3));
    expect(heard.map((event) => (event.data as { status: string }).status)).toEqual([
      'ringing',
      'ongoing',
      'completed',
    ]);
    await waitFor(() => expect(hook.result.current.events).toHaveLength(2));
    expect(hook.result.current.lastEvent).toEqual(heard[2]);
    unsubscribe();
    hook.unmount();
  });

  it('reconnects after a drop and resumes with the events sent meanwhile', async () => {
    const agent = 'events-bob';
    const hook = renderHook(() => useWacallEvents(eventsUrl(agent)));
    await waitFor(() => expect(hook.result.current.status).toBe('open'));
    const customer = newCustomer();
    await emit('call.updated', callRecord(customer, { callId: 'wacid.before' }));
    await waitFor(() => expect(hook.result.current.events).toHaveLength(1));
    await dropStreams(agent);
    await waitFor(() => expect(hook.result.current.status).toBe('reconnecting'));
    // Sent while the browser is away: it must arrive after the reconnect, from the replay buffer.
    await emit('call.updated', callRecord(customer, { callId: 'wacid.during' }));
    await waitFor(() => expect(hook.result.current.status).toBe('open'));
    await waitFor(() => expect(hook.result.current.events).toHaveLength(2));
    expect(
      hook.result.current.events.map((event) => (event.data as { callId: string }).callId),
    ).toEqual(['wacid.before', 'wacid.during']);
    hook.unmount();
  });

  it('closes its connection on unmount and when the url goes away', async () => {
    const agent = 'events-cleanup';
    const hook = renderHook(({ url }: { url?: string }) => useWacallEvents(url), {
      initialProps: { url: eventsUrl(agent) } as { url?: string },
    });
    await waitFor(() => expect(hook.result.current.status).toBe('open'));
    await waitFor(async () => expect(await openStreams(agent)).toBe(1));
    hook.rerender({});
    expect(hook.result.current.status).toBe('closed');
    await waitFor(async () => expect(await openStreams(agent)).toBe(0));
    hook.rerender({ url: eventsUrl(agent) });
    await waitFor(async () => expect(await openStreams(agent)).toBe(1));
    hook.unmount();
    await waitFor(async () => expect(await openStreams(agent)).toBe(0));
  });

  it('reports closed when the server refuses the agent', async () => {
    const hook = renderHook(() => useWacallEvents(`${eventsUrl('')}`));
    await waitFor(() => expect(hook.result.current.status).toBe('closed'));
    await act(async () => {});
    hook.unmount();
  });
});
