import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerSnapshot } from './customer-snapshot';
import {
  activity,
  callRecord,
  customerView,
  emit,
  eventsUrl,
  handStream,
  newCustomer,
} from '../../test/live-test-kit';
import { useCustomerView } from './use-customer-view';
import { useWacallEvents } from './use-wacall-events';

const snapshot = (customer: string, at = 1_000): CustomerSnapshot => ({
  view: customerView(customer),
  activities: [activity(customer, at)],
  calls: [],
});

describe('useCustomerView', () => {
  it('stays fresh from the real stream: patches activities, refetches on a call and on resync', async () => {
    const customer = newCustomer();
    const other = newCustomer();
    const fetchView = vi.fn(async (key: string) => snapshot(key));
    const hook = renderHook(() => {
      const events = useWacallEvents(eventsUrl('view-ana'));
      return { events, view: useCustomerView({ customer, fetchView, events }) };
    });
    await waitFor(() => expect(hook.result.current.events.status).toBe('open'));
    await waitFor(() => expect(hook.result.current.view.data?.activities).toHaveLength(1));
    expect(fetchView).toHaveBeenCalledTimes(1);

    await emit('activity.added', activity(other, 5_000, 'not this customer'));
    await emit('activity.added', activity(customer, 2_000, 'agent declined'));
    await waitFor(() =>
      expect(hook.result.current.view.data?.activities.map((item) => item.text)).toEqual([
        'agent declined',
        'activity at 1000',
      ]),
    );
    await emit('activity.updated', activity(customer, 2_000, 'agent declined after 8 s'));
    await waitFor(() =>
      expect(hook.result.current.view.data?.activities[0]?.text).toBe('agent declined after 8 s'),
    );
    await emit('activity.removed', activity(customer, 1_000));
    await waitFor(() => expect(hook.result.current.view.data?.activities).toHaveLength(1));
    expect(fetchView).toHaveBeenCalledTimes(1);

    const ringing = callRecord(customer, { status: 'ringing' });
    await emit('call.updated', ringing);
    await waitFor(() =>
      expect(hook.result.current.view.data?.view.activeCall?.callId).toBe(ringing.callId),
    );
    // The decisions change with the call, so the server is asked again (once, after the events settle).
    await waitFor(() => expect(fetchView).toHaveBeenCalledTimes(2));

    await emit('resync');
    await waitFor(() => expect(fetchView).toHaveBeenCalledTimes(3));
    hook.unmount();
  });

  it('applies a permission change at once and asks the server for the decisions', async () => {
    const customer = newCustomer();
    const stream = handStream();
    const fetchView = vi.fn(async (key: string) => snapshot(key));
    const hook = renderHook(() => useCustomerView({ customer, fetchView, events: stream }));
    await waitFor(() => expect(hook.result.current.loading).toBe(false));
    const permission = {
      permission: 'granted',
      permanent: true,
    } as unknown as CustomerSnapshot['view']['permission'];
    act(() =>
      stream.send({ type: 'permission.updated', data: { customer: `+${customer}`, permission } }),
    );
    expect(hook.result.current.data?.view.permission).toEqual(permission);
    expect(fetchView).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(fetchView).toHaveBeenCalledTimes(2));
  });

  it('keeps events that arrive while a fetch is out, and shows only the current customer', async () => {
    const first = newCustomer();
    const second = newCustomer();
    const stream = handStream();
    const answers = new Map<string, (value: CustomerSnapshot) => void>();
    const fetchView = vi.fn(
      (key: string) => new Promise<CustomerSnapshot>((resolve) => answers.set(key, resolve)),
    );
    const hook = renderHook(
      ({ customer }) => useCustomerView({ customer, fetchView, events: stream }),
      {
        initialProps: { customer: first },
      },
    );
    expect(hook.result.current.loading).toBe(true);
    stream.send({ type: 'activity.added', data: activity(first, 9_000, 'arrived early') });
    answers.get(first)!(snapshot(first));
    await waitFor(() =>
      expect(hook.result.current.data?.activities.map((item) => item.text)).toEqual([
        'arrived early',
        'activity at 1000',
      ]),
    );
    hook.rerender({ customer: second });
    expect(hook.result.current.data).toBeUndefined();
    // A late answer for the customer no longer shown is dropped.
    answers.get(second)!(snapshot(second, 7));
    await waitFor(() => expect(hook.result.current.data?.view.customer).toBe(second));
  });

  it('reports a failed fetch, and refetch tries again', async () => {
    const customer = newCustomer();
    const fetchView = vi
      .fn<(key: string) => Promise<CustomerSnapshot>>()
      .mockRejectedValueOnce(new Error('server down'))
      .mockImplementation(async (key) => snapshot(key));
    const hook = renderHook(() => useCustomerView({ customer, fetchView }));
    await waitFor(() => expect(String(hook.result.current.error)).toContain('server down'));
    hook.result.current.refetch();
    await waitFor(() => expect(hook.result.current.data?.view.customer).toBe(customer));
  });
});
