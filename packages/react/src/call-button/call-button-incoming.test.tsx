import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MicrophoneDeniedError } from '@wacall/webrtc';
import { describe, expect, it, vi } from 'vitest';
import { deferred, descriptionOf, liveRegion, renderInEnglish } from '../../test/render';
import { FIXED_NOW } from '../fixtures/clock';
import { customers, incomingRingingCall, outgoingCall } from '../fixtures/customers';
import { WacallMessagesProvider } from '../i18n/messages-context';
import { CallButton, type CallButtonProps } from './call-button';

const ringing = { ...customers.granted, activeCall: incomingRingingCall() };

function setup(overrides: Partial<CallButtonProps> = {}) {
  const props: CallButtonProps = {
    customer: ringing,
    now: FIXED_NOW,
    onStartCall: vi.fn(async () => {}),
    onEndCall: vi.fn(async () => {}),
    onAnswerCall: vi.fn(async () => {}),
    onDeclineCall: vi.fn(async () => {}),
    onSendPermissionRequest: vi.fn(async () => {}),
    onSendCallInvite: vi.fn(async () => {}),
    ...overrides,
  };
  const view = renderInEnglish(<CallButton {...props} />);
  return { props, view, user: userEvent.setup() };
}

describe('CallButton with an incoming call ringing', () => {
  it('offers Answer and Decline instead of End call', () => {
    setup();
    expect(screen.getByText('Incoming call', { ignore: '[role="status"]' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Answer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Decline' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'End call' })).toBeNull();
  });

  it('answers with the call, pending until the promise settles', async () => {
    const answer = deferred();
    const onAnswerCall = vi.fn(() => answer.promise);
    const { props, view, user } = setup({ onAnswerCall });

    await user.click(screen.getByRole('button', { name: 'Answer' }));
    expect(onAnswerCall).toHaveBeenCalledWith(ringing.activeCall);
    const pending = screen.getByRole('button', { name: 'Answering…' });
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    const decline = screen.getByRole('button', { name: 'Decline' });
    expect(decline.getAttribute('aria-disabled')).toBe('true');
    expect(liveRegion(view.container).textContent).toBe('Answering…');

    await user.click(pending);
    await user.click(decline);
    expect(onAnswerCall).toHaveBeenCalledTimes(1);
    expect(props.onDeclineCall).not.toHaveBeenCalled();

    await act(async () => answer.resolve());
    expect(liveRegion(view.container).textContent).toBe('Call answered');
  });

  it('declines with the call and announces it', async () => {
    const decline = deferred();
    const onDeclineCall = vi.fn(() => decline.promise);
    const { props, view, user } = setup({ onDeclineCall });

    await user.click(screen.getByRole('button', { name: 'Decline' }));
    expect(onDeclineCall).toHaveBeenCalledWith(ringing.activeCall);
    expect(screen.getByRole('button', { name: 'Declining…' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(liveRegion(view.container).textContent).toBe('Declining…');
    await act(async () => decline.resolve());
    expect(liveRegion(view.container).textContent).toBe('Call declined');
    expect(props.onAnswerCall).not.toHaveBeenCalled();
    expect(props.onEndCall).not.toHaveBeenCalled();
  });

  it('shows why answering failed and keeps both buttons to try again', async () => {
    const onAnswerCall = vi
      .fn<NonNullable<CallButtonProps['onAnswerCall']>>()
      .mockRejectedValueOnce(new Error('The customer hung up.'))
      .mockResolvedValueOnce(undefined);
    const { view, user } = setup({ onAnswerCall });

    await user.click(screen.getByRole('button', { name: 'Answer' }));
    const retry = await screen.findByRole('button', { name: 'Answer' });
    expect(retry.getAttribute('aria-disabled')).toBeNull();
    expect(descriptionOf(retry)).toBe('The call could not be answered. The customer hung up.');
    expect(screen.getByText('The call could not be answered. The customer hung up.')).toBeTruthy();
    expect(descriptionOf(screen.getByRole('button', { name: 'Decline' }))).toBe(
      'The call could not be answered. The customer hung up.',
    );
    expect(liveRegion(view.container).textContent).toBe('The call could not be answered.');

    await user.click(retry);
    expect(onAnswerCall).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/could not be answered/, { ignore: '[role="status"]' })).toBeNull();
  });

  it('says how to fix a blocked microphone when answering with media fails on it', async () => {
    const onAnswerCall = vi.fn(async () => {
      throw new MicrophoneDeniedError();
    });
    const { user } = setup({ onAnswerCall });
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    const retry = await screen.findByRole('button', { name: 'Answer' });
    expect(descriptionOf(retry)).toMatch(
      /^The call could not be answered\. The browser blocked the microphone\./,
    );
  });

  it('starts clean for the next call once the ringing call is answered', async () => {
    const onDeclineCall = vi.fn(async () => {
      throw new Error('Network down.');
    });
    const { props, view, user } = setup({ onDeclineCall });
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await screen.findByText('The call could not be declined. Network down.');

    const rerender = (customer: CallButtonProps['customer']) =>
      view.rerender(
        <WacallMessagesProvider locale="en-US" timeZone="UTC">
          <CallButton {...props} customer={customer} />
        </WacallMessagesProvider>,
      );
    rerender({ ...customers.granted, activeCall: { ...ringing.activeCall, status: 'ongoing' } });
    expect(screen.getByRole('button', { name: 'End call' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
    expect(liveRegion(view.container).textContent).toBe('In call');

    rerender({
      ...customers.granted,
      activeCall: { ...incomingRingingCall(), callId: 'wacid.second' },
    });
    expect(screen.queryByText(/could not be declined/, { ignore: '[role="status"]' })).toBeNull();
    expect(liveRegion(view.container).textContent).toBe('Incoming call');
  });

  it('keeps End call, as before, without onAnswerCall and onDeclineCall', async () => {
    const { props, user } = setup({ onAnswerCall: undefined, onDeclineCall: undefined });
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'End call' }));
    expect(props.onEndCall).toHaveBeenCalledWith(ringing.activeCall);
  });

  it('keeps End call for an outgoing call that rings on the customer’s phone', () => {
    setup({ customer: { ...customers.granted, activeCall: outgoingCall('ringing') } });
    expect(screen.getByRole('button', { name: 'End call' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull();
  });

  it('takes the button labels from the messages', () => {
    setup({ messages: { callButton: { answer: 'Answer call', decline: 'Decline call' } } });
    expect(screen.getByRole('button', { name: 'Answer call' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Decline call' })).toBeTruthy();
  });
});
