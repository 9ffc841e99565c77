import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CustomerView } from '@wacall/core';
import { MicrophoneDeniedError } from '@wacall/webrtc';
import { describe, expect, it, vi } from 'vitest';
import { descriptionOf } from '../../test/render';
import { renderStable } from '../../test/render-stable';
import { useCallMedia } from '../call-media/use-call-media';
import type { UseCallMediaOptions } from '../call-media/types';
import { FIXED_NOW } from '../fixtures/clock';
import { customers, outgoingCall } from '../fixtures/customers';
import { createFakeCallMedia } from '../fixtures/fake-call-media';
import { CallButton, type CallButtonProps } from './call-button';

const inCall = { ...customers.granted, activeCall: outgoingCall('ongoing') };

type CallMedia = ReturnType<typeof useCallMedia>;

type HostProps = Partial<CallButtonProps> & {
  customer: CustomerView;
  mediaOptions: UseCallMediaOptions;
  /** Hands the hook's latest result to the test, which plays the app's other screens. */
  onMedia?: (media: CallMedia) => void;
};

/** A chat header the way an app writes it: the hook next to the button. */
function Header({ customer, mediaOptions, onMedia, ...props }: HostProps) {
  const media = useCallMedia(mediaOptions);
  onMedia?.(media);
  return (
    <CallButton
      customer={customer}
      now={FIXED_NOW}
      onStartCall={() => media.start()}
      onSendPermissionRequest={vi.fn(async () => {})}
      onSendCallInvite={vi.fn(async () => {})}
      media={media}
      {...props}
    />
  );
}

describe('CallButton with call media', () => {
  it('adds the audio controls to the in-call state', async () => {
    const fake = createFakeCallMedia();
    const user = userEvent.setup();
    let media: CallMedia | undefined;
    renderStable(
      <Header
        customer={inCall}
        mediaOptions={{ media: fake.media }}
        onMedia={(current) => {
          media = current;
        }}
      />,
    );
    const group = screen.getByRole('group', { name: 'Call audio' });
    expect(group.getAttribute('data-status')).toBe('idle');
    expect(within(group).queryByRole('button')).toBeNull();

    // The agent answered the call from the call list; the header shows its audio.
    await act(() => media?.answer('v=0\r\ns=offer\r\n'));
    const [session] = fake.sessions;
    if (!session) throw new Error('The hook opened no media session');
    act(() => session.state('connected'));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    expect(session.muted).toBe(true);
    expect(screen.getAllByRole('meter')).toHaveLength(2);
    expect(within(group).queryByRole('button', { name: 'Hang up' })).toBeNull();
  });

  it('hangs up through the hook when the app passes no onEndCall', async () => {
    const fake = createFakeCallMedia();
    const onHangUp = vi.fn(async () => {});
    const user = userEvent.setup();
    let media: CallMedia | undefined;
    renderStable(
      <Header
        customer={inCall}
        mediaOptions={{ media: fake.media, onHangUp }}
        onMedia={(current) => {
          media = current;
        }}
      />,
    );
    await act(() => media?.answer('offer'));
    await user.click(screen.getByRole('button', { name: 'End call' }));
    expect(onHangUp).toHaveBeenCalledOnce();
    expect(fake.sessions[0]?.hungUp).toBe(true);
    expect(media?.status).toBe('ended');
  });

  it('releases the media after the app’s own onEndCall, without calling onHangUp', async () => {
    const onEndCall = vi.fn(async () => {});
    const fake = createFakeCallMedia();
    const onHangUp = vi.fn(async () => {});
    const user = userEvent.setup();
    const view = renderStable(
      <Header
        customer={{ ...customers.granted }}
        onEndCall={onEndCall}
        mediaOptions={{ media: fake.media, onHangUp }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Call' }));
    const session = fake.sessions[0];
    expect(session?.direction).toBe('outgoing');

    view.rerender(
      <Header
        customer={inCall}
        onEndCall={onEndCall}
        mediaOptions={{ media: fake.media, onHangUp }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'End call' }));
    expect(onEndCall).toHaveBeenCalledWith(inCall.activeCall);
    expect(session?.hungUp).toBe(true);
    expect(onHangUp).not.toHaveBeenCalled();
  });

  it('releases the media when the customer ends the call', async () => {
    const fake = createFakeCallMedia();
    const user = userEvent.setup();
    const mediaOptions = { media: fake.media };
    const view = renderStable(<Header customer={customers.granted} mediaOptions={mediaOptions} />);
    await user.click(screen.getByRole('button', { name: 'Call' }));
    view.rerender(<Header customer={inCall} mediaOptions={mediaOptions} />);
    expect(fake.sessions[0]?.hungUp).toBe(false);

    const ended = { ...customers.granted, activeCall: outgoingCall('completed') };
    view.rerender(<Header customer={ended} mediaOptions={mediaOptions} />);
    expect(fake.sessions[0]?.hungUp).toBe(true);
  });

  it('explains a denied microphone when the call cannot start', async () => {
    const fake = createFakeCallMedia({ error: new MicrophoneDeniedError() });
    const user = userEvent.setup();
    renderStable(<Header customer={customers.granted} mediaOptions={{ media: fake.media }} />);
    await user.click(screen.getByRole('button', { name: 'Call' }));
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(descriptionOf(retry)).toBe(
      'The call could not start. The browser blocked the microphone. Allow it for this site ' +
        '(the icon in the address bar), then try again.',
    );
  });
});
