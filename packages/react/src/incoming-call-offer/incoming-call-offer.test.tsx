import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, liveRegion } from '../../test/render';
import { renderStable } from '../../test/render-stable';
import { callOffer } from '../fixtures/call-log';
import { FIXED_NOW, seconds } from '../fixtures/clock';
import { IncomingCallOffer } from './incoming-call-offer';
import { offerState } from './offer-state';

describe('IncomingCallOffer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(FIXED_NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('counts the wait up from the first ring and the time left down, each second', () => {
    const { container } = renderStable(
      <IncomingCallOffer
        offer={callOffer(7)}
        ringingAt={FIXED_NOW - seconds(30)}
        onAccept={() => {}}
        onDecline={() => {}}
      />,
    );
    expect(screen.getByText('Waiting 0:30')).toBeTruthy();
    expect(screen.getByText('Rings for 0:07 more')).toBeTruthy();
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByText('Waiting 0:33')).toBeTruthy();
    expect(screen.getByText('Rings for 0:04 more')).toBeTruthy();
    expect(container.querySelector('.wacall-offer')?.getAttribute('data-state')).toBe('expiring');
    expect(liveRegion(container).textContent).toBe('5 seconds left to answer.');
    act(() => vi.advanceTimersByTime(4000));
    expect(container.querySelector('.wacall-offer')?.getAttribute('data-state')).toBe('expired');
  });

  it('counts the wait from when it was shown when the ring time is unknown', () => {
    renderStable(
      <IncomingCallOffer offer={callOffer(20)} onAccept={() => {}} onDecline={() => {}} />,
    );
    expect(screen.getByText('Waiting 0:00')).toBeTruthy();
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByText('Waiting 0:02')).toBeTruthy();
  });

  it('starts clean for the next offer', async () => {
    const accept = deferred();
    const onAccept = vi.fn(() => accept.promise);
    const { rerender } = renderStable(
      <IncomingCallOffer offer={callOffer(20)} onAccept={onAccept} onDecline={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Answer' }));
    await act(async () => accept.reject(new Error('Taken by Noor Haddad.')));
    expect(screen.getByText('The call could not be answered. Taken by Noor Haddad.')).toBeTruthy();
    rerender(
      <IncomingCallOffer
        offer={{ ...callOffer(20), callId: 'wacid.next' }}
        onAccept={onAccept}
        onDecline={() => {}}
      />,
    );
    expect(screen.queryByText(/could not be answered/)).toBeNull();
  });
});

describe('offerState', () => {
  it('puts a running action before the clock, and the clock before a quiet ring', () => {
    expect(offerState('pending', 'idle', 0, 5)).toBe('accepting');
    expect(offerState('idle', 'success', 10, 5)).toBe('declined');
    expect(offerState('error', 'idle', 0, 5)).toBe('expired');
    expect(offerState('idle', 'idle', 5, 5)).toBe('expiring');
    expect(offerState('idle', 'idle', 6, 5)).toBe('ringing');
  });
});
