import { useEffect, useRef, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { IceFailedError, MicrophoneDeniedError, type CallQuality } from '@wacall/webrtc';
import { expect, fn } from 'storybook/test';
import { createFakeCallMedia } from '../fixtures/fake-call-media';
import { CallMediaControls, type CallMediaControlsMedia } from './call-media-controls';
import { useCallMedia } from './use-call-media';

function quality(mos: number, rttMs: number, jitterMs: number, loss: number): CallQuality {
  return {
    mos,
    rttMs,
    jitterMs,
    packetLossPercent: loss,
    packetsReceived: 1500,
    packetsSent: 1498,
    at: 0,
  };
}

const good = quality(4.3, 62, 3, 0.2);
const fair = quality(3.8, 240, 18, 2.5);
const poor = quality(2.7, 420, 45, 9);

const connected: CallMediaControlsMedia = {
  status: 'connected',
  muted: false,
  level: 0.08,
  microphoneLevel: 0.05,
  quality: good,
  error: undefined,
  toggleMute: fn(),
  hangUp: fn(async () => {}),
};

const meta = {
  title: 'Components/CallMediaControls',
  component: CallMediaControls,
  args: { media: connected },
} satisfies Meta<typeof CallMediaControls>;

export default meta;
type Story = StoryObj<typeof meta>;

const withMedia = (patch: Partial<CallMediaControlsMedia>) => ({
  media: { ...connected, ...patch },
});

/** Audio flows both ways: mute, both levels, the connection quality and hang up. */
export const Unmuted: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const mute = canvas.getByRole('button', { name: 'Mute' });
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(mute);
    await expect(args.media.toggleMute).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }));
    await expect(args.media.hangUp).toHaveBeenCalledOnce();
  },
};

/** Muted: the button stays pressed and the agent's meter rests at zero. */
export const Muted: Story = {
  args: withMedia({ muted: true, microphoneLevel: 0 }),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Mute' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(canvas.getByRole('meter', { name: 'Your microphone' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
  },
};

const meterValue = (expected: string): Story['play'] =>
  async function play({ canvas }) {
    await expect(canvas.getByRole('meter', { name: 'Customer' })).toHaveAttribute(
      'aria-valuenow',
      expected,
    );
  };

/** Nobody speaks: both meters are empty. */
export const LevelSilent: Story = {
  args: withMedia({ level: 0, microphoneLevel: 0 }),
  play: meterValue('0'),
};

/** Normal speech, around -20 dB, fills two thirds of the bar. */
export const LevelSpeaking: Story = {
  args: withMedia({ level: 0.1, microphoneLevel: 0.03 }),
  play: meterValue('67'),
};

/** A loud customer, close to full scale. */
export const LevelLoud: Story = {
  args: withMedia({ level: 0.7, microphoneLevel: 0.2 }),
  play: meterValue('95'),
};

const qualityWord =
  (word: string, level: string): Story['play'] =>
  async ({ canvas }) => {
    const indicator = canvas.getByText(word).parentElement;
    await expect(indicator).toHaveAttribute('data-quality', level);
  };

export const QualityGood: Story = {
  args: withMedia({ quality: good }),
  play: qualityWord('Good connection', 'good'),
};

/** High round trip and some loss: people start to notice. */
export const QualityFair: Story = {
  args: withMedia({ quality: fair }),
  play: qualityWord('Fair connection', 'fair'),
};

/** Heavy loss and delay: the figures say why. */
export const QualityPoor: Story = {
  args: withMedia({ quality: poor }),
  play: async ({ canvas }) => {
    const indicator = canvas.getByText('Poor connection').parentElement;
    await expect(indicator).toHaveTextContent('Round trip 420 ms, jitter 45 ms, 9% of audio lost');
  },
};

/** The microphone is opening (the browser may be asking the agent). */
export const Preparing: Story = {
  args: withMedia({ status: 'preparing', quality: undefined }),
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('meter')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Mute' })).toBeVisible();
  },
};

/** The SDP went out; waiting for the media path to the relay. */
export const Connecting: Story = {
  args: withMedia({ status: 'connecting', quality: undefined }),
};

/** The browser refused the microphone: the agent reads how to allow it. */
export const MicrophoneDenied: Story = {
  args: withMedia({ status: 'failed', error: new MicrophoneDeniedError(), quality: undefined }),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'The browser blocked the microphone.',
    );
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** The network blocks UDP, so the audio never reached WhatsApp's relay. */
export const NetworkFailed: Story = {
  args: withMedia({
    status: 'failed',
    error: new IceFailedError('connection_failed'),
    quality: undefined,
  }),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The network may block UDP');
  },
};

/** The real hook with a stand-in for WebRTC: answering, connecting, muting. */
function LiveHook() {
  const [fake] = useState(() => createFakeCallMedia());
  const media = useCallMedia({ media: fake.media, onAnswer: async () => {} });
  const answered = useRef(false);
  useEffect(() => {
    // Answer once, as an app does when the agent accepts the call.
    if (answered.current) return;
    answered.current = true;
    void media.answer('v=0\r\n').then(() => {
      const session = fake.sessions.at(-1);
      session?.state('connected');
      session?.emit('level', 0.1);
      session?.emit('quality', good);
    });
  }, [media, fake]);
  return <CallMediaControls media={media} />;
}

export const WithHook: Story = {
  name: 'With useCallMedia',
  render: () => <LiveHook />,
  play: async ({ canvas, userEvent }) => {
    const mute = await canvas.findByRole('button', { name: 'Mute' });
    await expect(await canvas.findByText('Good connection')).toBeVisible();
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }));
    await expect(canvas.queryByRole('button', { name: 'Mute' })).toBeNull();
  },
};

const gallery: Array<[string, Partial<CallMediaControlsMedia>]> = [
  ['Preparing', { status: 'preparing', quality: undefined }],
  ['Connecting', { status: 'connecting', quality: undefined }],
  ['Unmuted, good connection', {}],
  ['Muted', { muted: true, microphoneLevel: 0 }],
  ['Silent', { level: 0, microphoneLevel: 0 }],
  ['Loud customer', { level: 0.7, microphoneLevel: 0.2 }],
  ['Fair connection', { quality: fair }],
  ['Poor connection', { quality: poor }],
  [
    'Microphone denied',
    { status: 'failed', error: new MicrophoneDeniedError(), quality: undefined },
  ],
  [
    'Network failed',
    { status: 'failed', error: new IceFailedError('connection_failed'), quality: undefined },
  ],
];

export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid">
      {gallery.map(([title, patch]) => (
        <div key={title} className="story-cell">
          <h2 className="story-cell__title">{title}</h2>
          <CallMediaControls {...args} media={{ ...args.media, ...patch }} />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('.wacall-media')].map((node) =>
      node.getAttribute('data-status'),
    );
    await expect(states).toEqual([
      'preparing',
      'connecting',
      'connected',
      'connected',
      'connected',
      'connected',
      'connected',
      'connected',
      'failed',
      'failed',
    ]);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
