import { act, renderHook } from '@testing-library/react';
import { IceFailedError, InvalidSdpError, MicrophoneDeniedError } from '@wacall/webrtc';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../../test/render';
import { createFakeCallMedia } from '../fixtures/fake-call-media';
import type { UseCallMediaOptions } from './types';
import { useCallMedia } from './use-call-media';

const quality = {
  rttMs: 80,
  jitterMs: 4,
  packetLossPercent: 0.5,
  mos: 4.3,
  packetsReceived: 500,
  packetsSent: 498,
  at: 1,
};

function setup(options: Omit<UseCallMediaOptions, 'media'> = {}, fake = createFakeCallMedia()) {
  const props = {
    onAnswer: vi.fn(async (_sdp: string) => {}),
    onOffer: vi.fn(async (_sdp: string) => {}),
    onHangUp: vi.fn(async () => {}),
    ...options,
  };
  const hook = renderHook((current: UseCallMediaOptions) => useCallMedia(current), {
    initialProps: { ...props, media: fake.media },
  });
  const session = () => {
    const last = fake.sessions.at(-1);
    if (!last) throw new Error('No media session was opened');
    return last;
  };
  return { hook, props, fake, session, media: () => hook.result.current };
}

describe('useCallMedia answering an incoming call', () => {
  it('answers the offer, sends the answer through onAnswer and follows the connection', async () => {
    const { media, props, fake, session } = setup();
    expect(media().status).toBe('idle');

    await act(() => media().answer('v=0\r\ns=offer\r\n'));
    expect(fake.offers).toEqual(['v=0\r\ns=offer\r\n']);
    expect(props.onAnswer).toHaveBeenCalledWith('v=0\r\ns=answer-1\r\n');
    expect(media()).toMatchObject({
      status: 'connecting',
      direction: 'incoming',
      error: undefined,
    });

    act(() => session().state('connected'));
    expect(media().status).toBe('connected');

    fake.microphone.level = 0.25;
    act(() => session().emit('level', 0.4));
    act(() => session().emit('quality', quality));
    expect(media()).toMatchObject({ level: 0.4, microphoneLevel: 0.25, quality });
  });

  it('is preparing while the microphone opens', async () => {
    const gate = deferred();
    const { media } = setup({}, createFakeCallMedia({ gate: gate.promise }));
    let answered: Promise<void> = Promise.resolve();
    act(() => {
      answered = media().answer('offer');
    });
    expect(media().status).toBe('preparing');
    await act(async () => {
      gate.resolve();
      await answered;
    });
    expect(media().status).toBe('connecting');
  });

  it('fails with the media error and sends nothing when the microphone is denied', async () => {
    const denied = new MicrophoneDeniedError();
    const { media, props } = setup({}, createFakeCallMedia({ error: denied }));
    await act(() => expect(media().answer('offer')).rejects.toBe(denied));
    expect(media()).toMatchObject({ status: 'failed', error: denied });
    expect(props.onAnswer).not.toHaveBeenCalled();
  });

  it('hangs the media up when the backend refuses the answer', async () => {
    const refused = new Error('The call was already answered by another agent.');
    const { media, session } = setup({ onAnswer: vi.fn(async () => Promise.reject(refused)) });
    await act(() => expect(media().answer('offer')).rejects.toBe(refused));
    expect(session().hungUp).toBe(true);
    expect(media()).toMatchObject({ status: 'failed', error: refused });
  });

  it('refuses a second call while one is live, and leaves the first one alone', async () => {
    const { media, session } = setup();
    await act(() => media().answer('offer'));
    await act(() =>
      expect(media().answer('another offer')).rejects.toThrow(/hangUp\(\) or release\(\)/),
    );
    expect(session().hungUp).toBe(false);
    expect(media().status).toBe('connecting');
  });

  it('uses the latest callbacks after a re-render', async () => {
    const { hook, media, fake, props } = setup();
    const onAnswer = vi.fn(async () => {});
    hook.rerender({ ...props, onAnswer, media: fake.media });
    await act(() => media().answer('offer'));
    expect(onAnswer).toHaveBeenCalledOnce();
    expect(props.onAnswer).not.toHaveBeenCalled();
  });
});

describe('useCallMedia placing an outgoing call', () => {
  it('sends the offer through onOffer and applies Meta’s answer', async () => {
    const { media, props, session } = setup();
    await act(() => media().start());
    expect(props.onOffer).toHaveBeenCalledWith('v=0\r\ns=offer-1\r\n');
    expect(media()).toMatchObject({ status: 'connecting', direction: 'outgoing' });

    await act(() => media().applyAnswer('v=0\r\ns=meta\r\n'));
    expect(session().appliedAnswer).toBe('v=0\r\ns=meta\r\n');
  });

  it('refuses an answer when no outgoing call waits for one', async () => {
    const { media } = setup();
    await expect(media().applyAnswer('sdp')).rejects.toThrow(/call start\(\) first/);
    await act(() => media().answer('offer'));
    await expect(media().applyAnswer('sdp')).rejects.toThrow(/no outgoing call/);
  });

  it('fails and releases the media when Meta’s answer breaks the media rules', async () => {
    const { media, session } = setup();
    await act(() => media().start());
    const invalid = new InvalidSdpError('remote_answer', []);
    session().answerError = invalid;
    await act(() => expect(media().applyAnswer('bad')).rejects.toBe(invalid));
    expect(session().hungUp).toBe(true);
    expect(media()).toMatchObject({ status: 'failed', error: invalid });
  });
});

describe('useCallMedia during a call', () => {
  it('mutes and unmutes the session, and shows a silent microphone while muted', async () => {
    const { media, session, fake } = setup();
    await act(() => media().answer('offer'));
    act(() => session().state('connected'));
    fake.microphone.level = 0.3;

    act(() => media().toggleMute());
    expect(session().muted).toBe(true);
    act(() => session().emit('level', 0.2));
    expect(media()).toMatchObject({ muted: true, microphoneLevel: 0 });

    act(() => media().unmute());
    expect(session().muted).toBe(false);
    act(() => session().emit('level', 0.2));
    expect(media()).toMatchObject({ muted: false, microphoneLevel: 0.3 });
  });

  it('keeps a mute pressed while the microphone was opening', async () => {
    const gate = deferred();
    const { media, session } = setup({}, createFakeCallMedia({ gate: gate.promise }));
    let answered: Promise<void> = Promise.resolve();
    act(() => {
      answered = media().answer('offer');
    });
    act(() => media().mute());
    await act(async () => {
      gate.resolve();
      await answered;
    });
    expect(session().muted).toBe(true);
    expect(media().muted).toBe(true);
  });

  it('shows a dropped connection as connecting until ICE recovers', async () => {
    const { media, session } = setup();
    await act(() => media().answer('offer'));
    act(() => session().state('connected'));
    act(() => session().state('disconnected'));
    expect(media().status).toBe('connecting');
    act(() => session().state('connected'));
    expect(media().status).toBe('connected');
  });

  it('fails with IceFailedError when the network drops for good, and lets go of the session', async () => {
    const { media, session, fake } = setup();
    await act(() => media().answer('offer'));
    act(() => session().state('connected'));
    act(() => session().failIce());
    expect(media().status).toBe('failed');
    expect(media().error).toBeInstanceOf(IceFailedError);
    expect(media().level).toBe(0);
    expect(fake.microphone.closed).toBe(1);
  });
});

describe('useCallMedia hanging up', () => {
  it('releases the media and ends the call on the backend once, however often it is clicked', async () => {
    const { media, props, session } = setup();
    await act(() => media().answer('offer'));
    await act(() => Promise.all([media().hangUp(), media().hangUp()]));
    expect(session().hungUp).toBe(true);
    expect(session().listenerCount()).toBe(0);
    expect(props.onHangUp).toHaveBeenCalledOnce();
    expect(media().status).toBe('ended');
  });

  it('keeps the backend’s refusal as the error', async () => {
    const refused = new Error('The call already ended.');
    const { media } = setup({ onHangUp: vi.fn(async () => Promise.reject(refused)) });
    await act(() => media().answer('offer'));
    await act(() => expect(media().hangUp()).rejects.toBe(refused));
    expect(media()).toMatchObject({ status: 'ended', error: refused });
  });

  it('cancels a call whose microphone was still opening: the late session is hung up unsent', async () => {
    const gate = deferred();
    const { media, props, session } = setup({}, createFakeCallMedia({ gate: gate.promise }));
    let answered: Promise<void> = Promise.resolve();
    act(() => {
      answered = media().answer('offer');
    });
    await act(() => media().hangUp());
    expect(media().status).toBe('ended');
    await act(async () => {
      gate.resolve();
      await answered;
    });
    expect(session().hungUp).toBe(true);
    expect(props.onAnswer).not.toHaveBeenCalled();
    expect(media().status).toBe('ended');
  });

  it('release() frees the media without calling the backend; unmounting does the same', async () => {
    const { media, props, session, hook, fake } = setup();
    await act(() => media().answer('offer'));
    act(() => media().release());
    expect(session().hungUp).toBe(true);
    expect(media().status).toBe('ended');

    await act(() => media().start());
    hook.unmount();
    expect(fake.sessions[1]?.hungUp).toBe(true);
    expect(props.onHangUp).not.toHaveBeenCalled();
  });
});
