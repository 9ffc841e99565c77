import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MicrophoneDeniedError } from '@wacall/webrtc';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../../test/render';
import { renderStable } from '../../test/render-stable';
import { CallMediaControls, type CallMediaControlsMedia } from './call-media-controls';

function mediaState(overrides: Partial<CallMediaControlsMedia> = {}): CallMediaControlsMedia {
  return {
    status: 'connected',
    muted: false,
    level: 0.1,
    microphoneLevel: 0.01,
    quality: {
      rttMs: 82,
      jitterMs: 3.6,
      packetLossPercent: 0.44,
      mos: 4.3,
      packetsReceived: 900,
      packetsSent: 899,
      at: 0,
    },
    error: undefined,
    toggleMute: vi.fn(),
    hangUp: vi.fn(async () => {}),
    ...overrides,
  };
}

const controls = () => screen.getByRole('group', { name: 'Call audio' });
const status = () => controls().querySelector('[role="status"]')?.textContent;

describe('CallMediaControls while connected', () => {
  it('shows both levels on a decibel scale and the connection quality with its figures', () => {
    renderStable(<CallMediaControls media={mediaState()} />);
    expect(
      screen.getByRole('meter', { name: 'Your microphone' }).getAttribute('aria-valuenow'),
    ).toBe('33');
    expect(screen.getByRole('meter', { name: 'Customer' }).getAttribute('aria-valuenow')).toBe(
      '67',
    );
    const quality = within(controls()).getByText('Good connection').parentElement;
    expect(quality?.textContent).toBe(
      'Good connection: Round trip 82 ms, jitter 4 ms, 0.4% of audio lost',
    );
    expect(quality?.getAttribute('data-quality')).toBe('good');
  });

  it('says fair and poor when the line degrades', () => {
    const withMos = (mos: number) => {
      const base = mediaState();
      return base.quality && { ...base, quality: { ...base.quality, mos } };
    };
    const { rerender } = renderStable(<CallMediaControls media={withMos(3.8) ?? mediaState()} />);
    expect(screen.getByText('Fair connection')).toBeTruthy();
    rerender(<CallMediaControls media={withMos(2.9) ?? mediaState()} />);
    expect(screen.getByText('Poor connection')).toBeTruthy();
  });

  it('toggles mute as a pressed button and announces it', async () => {
    const media = mediaState();
    const user = userEvent.setup();
    const { rerender } = renderStable(<CallMediaControls media={media} />);
    const mute = screen.getByRole('button', { name: 'Mute' });
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    await user.click(mute);
    expect(media.toggleMute).toHaveBeenCalledOnce();

    rerender(<CallMediaControls media={{ ...media, muted: true, microphoneLevel: 0 }} />);
    expect(screen.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('true');
    expect(status()).toBe('Microphone muted');
    expect(controls().getAttribute('data-muted')).toBe('true');
  });

  it('hangs up, pending until the backend answers, and shows its refusal', async () => {
    const done = deferred();
    const media = mediaState({ hangUp: vi.fn(() => done.promise) });
    const user = userEvent.setup();
    renderStable(<CallMediaControls media={media} />);
    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    const pending = screen.getByRole('button', { name: 'Hanging up…' });
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    await user.click(pending);
    expect(media.hangUp).toHaveBeenCalledOnce();

    await act(async () => done.reject(new Error('The call already ended.')));
    expect(screen.getByRole('alert').textContent).toBe(
      'The call could not be ended. The call already ended.',
    );
  });

  it('leaves the hang-up to its host when told to', () => {
    renderStable(<CallMediaControls media={mediaState()} showHangUp={false} />);
    expect(screen.queryByRole('button', { name: 'Hang up' })).toBeNull();
  });
});

describe('CallMediaControls before and after the audio flows', () => {
  it('says what it waits for, and lets the agent mute already', () => {
    const { rerender } = renderStable(
      <CallMediaControls media={mediaState({ status: 'preparing' })} />,
    );
    expect(controls().querySelector('.wacall-media__progress')?.textContent).toBe(
      'Opening microphone…',
    );
    expect(screen.getByRole('button', { name: 'Mute' })).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();

    rerender(<CallMediaControls media={mediaState({ status: 'connecting' })} />);
    expect(status()).toBe('Connecting audio…');
    rerender(<CallMediaControls media={mediaState({ status: 'connected' })} />);
    expect(status()).toBe('Audio connected');
  });

  it('explains a denied microphone in words the agent can act on', () => {
    renderStable(
      <CallMediaControls
        media={mediaState({ status: 'failed', error: new MicrophoneDeniedError() })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The browser blocked the microphone. Allow it for this site (the icon in the address bar), then try again.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('takes its strings from the messages prop', () => {
    renderStable(
      <CallMediaControls
        media={mediaState()}
        messages={{ callMedia: { mute: 'Stumm', controls: 'Audio' } }}
      />,
    );
    expect(screen.getByRole('group', { name: 'Audio' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stumm' })).toBeTruthy();
  });
});
