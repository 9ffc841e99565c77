import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred, descriptionOf, liveRegion, renderInEnglish } from '../../test/render';
import { FIXED_NOW } from '../fixtures/clock';
import { customers, outgoingCall } from '../fixtures/customers';
import { WacallMessagesProvider } from '../i18n/messages-context';
import { CallButton, type CallButtonProps } from './call-button';

function setup(overrides: Partial<CallButtonProps> = {}) {
  const props: CallButtonProps = {
    customer: customers.granted,
    customerName: 'Ana García',
    now: FIXED_NOW,
    onStartCall: vi.fn(async () => {}),
    onEndCall: vi.fn(async () => {}),
    onSendPermissionRequest: vi.fn(async () => {}),
    onSendCallInvite: vi.fn(async () => {}),
    ...overrides,
  };
  const view = renderInEnglish(<CallButton {...props} />);
  return { props, view, user: userEvent.setup() };
}

describe('CallButton with permission granted', () => {
  it('starts the call on click and shows a pending state until the promise settles', async () => {
    const start = deferred();
    const onStartCall = vi.fn(() => start.promise);
    const { props, view, user } = setup({ onStartCall });

    await user.click(screen.getByRole('button', { name: 'Call' }));
    expect(onStartCall).toHaveBeenCalledWith(props.customer);
    const pending = screen.getByRole('button', { name: 'Starting call…' });
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    expect(view.container.querySelector('.wacall-call-button')?.getAttribute('data-state')).toBe(
      'starting',
    );

    await user.click(pending);
    expect(onStartCall).toHaveBeenCalledTimes(1);

    await act(async () => start.resolve());
    expect(screen.getByRole('button', { name: 'Call' })).toBeTruthy();
    expect(liveRegion(view.container).textContent).toBe('Call started');
  });

  it('shows the error when starting fails and lets the agent try again', async () => {
    const onStartCall = vi
      .fn<CallButtonProps['onStartCall']>()
      .mockRejectedValueOnce(new Error('The customer’s phone is offline.'))
      .mockResolvedValueOnce(undefined);
    const { view, user } = setup({ onStartCall });

    await user.click(screen.getByRole('button', { name: 'Call' }));
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(descriptionOf(retry)).toBe('The call could not start. The customer’s phone is offline.');
    expect(view.container.querySelector('.wacall-call-button')?.getAttribute('data-state')).toBe(
      'failed',
    );
    expect(liveRegion(view.container).textContent).toBe('The call could not start.');

    await user.click(retry);
    expect(onStartCall).toHaveBeenCalledTimes(2);
    expect(await screen.findByRole('button', { name: 'Call' })).toBeTruthy();
  });
});

describe('CallButton without permission', () => {
  it('opens the permission dialog instead of calling', async () => {
    const { props, user } = setup({ customer: customers.noPermission });
    const button = screen.getByRole('button', { name: 'Call' });
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');

    await user.click(button);
    expect(props.onStartCall).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Reach Ana García by call' })).toBeTruthy();
  });

  it('explains a used-up request limit with the time it frees up', () => {
    setup({ customer: customers.requestLimit });
    expect(descriptionOf(screen.getByRole('button', { name: 'Call' }))).toBe(
      'The customer declined the last permission request. ' +
        'The weekly limit of permission requests is reached. Possible again in 2 days (Mar 5, 2026, 2:05 PM). ' +
        'Click to ask for permission or send a call invite.',
    );
  });

  it('names an automatic revocation differently from the customer’s own', () => {
    setup({ customer: customers.autoRevoked });
    expect(descriptionOf(screen.getByRole('button', { name: 'Call' }))).toContain(
      'Call permission was revoked after several unanswered calls.',
    );
  });
});

describe('CallButton when a limit blocks calling', () => {
  it('is disabled with the reason and the retry time, and ignores clicks', async () => {
    const { props, user } = setup({ customer: customers.callLimit });
    const button = screen.getByRole('button', { name: 'Call' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(descriptionOf(button)).toBe(
      'The daily limit of calls to this customer is reached. Possible again in 5 hours (Mar 3, 2026, 7:05 PM).',
    );
    await user.click(button);
    expect(props.onStartCall).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('has no retry time where waiting does not help', () => {
    setup({ customer: customers.regionUnavailable });
    expect(descriptionOf(screen.getByRole('button', { name: 'Call' }))).toBe(
      'Business-initiated calls are not available in this region.',
    );
  });
});

describe('CallButton during a call', () => {
  const inCall = { ...customers.granted, activeCall: outgoingCall('ongoing') };

  it('shows the running time and ends the call', async () => {
    const end = deferred();
    const onEndCall = vi.fn(() => end.promise);
    const { user } = setup({ customer: inCall, onEndCall });
    expect(screen.getByRole('timer', { name: 'Call duration' }).textContent).toBe('2:05');

    await user.click(screen.getByRole('button', { name: 'End call' }));
    expect(onEndCall).toHaveBeenCalledWith(inCall.activeCall);
    expect(screen.getByRole('button', { name: 'Ending…' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await act(async () => end.reject(new Error('Already ended.')));
    const retry = screen.getByRole('button', { name: 'End call' });
    expect(descriptionOf(retry)).toBe('The call could not be ended. Already ended.');
  });

  it('ticks the timer with the clock', async () => {
    vi.useFakeTimers({ now: FIXED_NOW });
    try {
      const customer = { ...customers.granted, activeCall: outgoingCall('ongoing', FIXED_NOW, 0) };
      setup({ customer, now: undefined });
      expect(screen.getByRole('timer').textContent).toBe('0:00');
      await act(async () => vi.advanceTimersByTime(61_000));
      expect(screen.getByRole('timer').textContent).toBe('1:01');
    } finally {
      vi.useRealTimers();
    }
  });

  it('announces the call ending when the active call goes away', () => {
    const { props, view } = setup({ customer: inCall });
    expect(liveRegion(view.container).textContent).toBe('In call');
    view.rerender(
      <WacallMessagesProvider locale="en-US" timeZone="UTC">
        <CallButton {...props} customer={customers.granted} />
      </WacallMessagesProvider>,
    );
    expect(liveRegion(view.container).textContent).toBe('Call ended');
    expect(screen.getByRole('button', { name: 'Call' })).toBeTruthy();
  });
});

describe('CallButton messages', () => {
  it('takes strings from the provider, and a messages prop wins over it', () => {
    const german = {
      callButton: { call: 'Anrufen' },
      reasons: { call_limit_24h: 'Tageslimit erreicht.' },
    };
    const view = renderInEnglish(
      <WacallMessagesProvider locale="de-DE" messages={german}>
        <CallButton
          customer={customers.callLimit}
          now={FIXED_NOW}
          onStartCall={vi.fn(async () => {})}
          onSendPermissionRequest={vi.fn(async () => {})}
          onSendCallInvite={vi.fn(async () => {})}
          messages={{ retryAt: ({ relative }) => `Wieder möglich ${relative}.` }}
        />
      </WacallMessagesProvider>,
    );
    const button = within(view.container).getByRole('button', { name: 'Anrufen' });
    expect(descriptionOf(button)).toBe('Tageslimit erreicht. Wieder möglich in 5 Stunden.');
  });
});
