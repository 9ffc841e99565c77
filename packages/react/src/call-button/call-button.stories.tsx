import { useEffect, useRef, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CustomerView } from '@wacall/core';
import { MicrophoneDeniedError } from '@wacall/webrtc';
import { expect, fn, waitFor, within } from 'storybook/test';
import { FIXED_NOW } from '../fixtures/clock';
import { customers, incomingRingingCall, outgoingCall } from '../fixtures/customers';
import { allTemplates } from '../fixtures/templates';
import { createFakeCallMedia } from '../fixtures/fake-call-media';
import { useCallMedia } from '../call-media/use-call-media';
import { CallButton, type CallButtonProps } from './call-button';

const meta = {
  title: 'Components/CallButton',
  component: CallButton,
  args: {
    customer: customers.granted,
    customerName: 'Ana García',
    now: FIXED_NOW,
    templates: allTemplates,
    templateCreateHref: '#create-template',
    onStartCall: fn(async () => {}),
    onEndCall: fn(async () => {}),
    onSendPermissionRequest: fn(async () => {}),
    onSendCallInvite: fn(async () => {}),
  },
} satisfies Meta<typeof CallButton>;

export default meta;
type Story = StoryObj<typeof meta>;

// Status text also sits in the polite live region; these queries look at what is on screen.
const onScreen = { ignore: '[role="status"], script, style' };

const hintOf = (button: HTMLElement) => {
  const id = button.getAttribute('aria-describedby') ?? '';
  return id
    .split(' ')
    .map((part) => button.ownerDocument.getElementById(part)?.textContent ?? '')
    .join(' ');
};

/** Permission granted: a click starts the call at once. */
export const Granted: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    await expect(args.onStartCall).toHaveBeenCalledWith(args.customer);
  },
};

/** No permission yet: the click opens the dialog; a free-form request goes out and is confirmed. */
export const NoPermission: Story = {
  args: { customer: customers.noPermission },
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Call' });
    await expect(hintOf(button)).toContain('The customer has not allowed calls yet.');
    await userEvent.click(button);
    const page = within(canvasElement.ownerDocument.body);
    const dialog = await page.findByRole('dialog', { name: 'Reach Ana García by call' });
    await expect(
      within(dialog).getByRole('radio', { name: /Send permission request/ }),
    ).toHaveFocus();
    await userEvent.type(
      within(dialog).getByLabelText('Message'),
      'May we call you about order 1042?',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send permission request' }));
    await expect(args.onSendPermissionRequest).toHaveBeenCalledWith({
      channel: 'free_form',
      body: 'May we call you about order 1042?',
    });
    await expect(
      await within(dialog).findByText(/Permission request sent/, onScreen),
    ).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(page.queryByRole('dialog')).toBeNull());
    await expect(button).toHaveFocus();
  },
};

const explains =
  (expected: string): Story['play'] =>
  async ({ canvas }) => {
    await expect(hintOf(canvas.getByRole('button', { name: 'Call' }))).toContain(expected);
  };

/** A request is waiting for the customer; another one only after the daily limit frees up. */
export const Requested: Story = {
  args: { customer: customers.requested },
  play: explains('Possible again in 22 hours'),
};

export const Declined: Story = {
  args: { customer: customers.declined },
  play: explains('The customer declined the last permission request.'),
};

export const Revoked: Story = {
  args: { customer: customers.revoked },
  play: explains('The customer revoked call permission.'),
};

export const AutoRevoked: Story = {
  args: { customer: customers.autoRevoked },
  play: explains('revoked after several unanswered calls'),
};

/** Expired, with the conversation window closed: the dialog offers templates only. */
export const Expired: Story = {
  args: { customer: customers.expired },
  play: explains('Call permission has expired.'),
};

/** The weekly request limit is used up; the dialog still offers a call invite. */
export const RequestLimitReached: Story = {
  args: { customer: customers.requestLimit },
  play: explains('The weekly limit of permission requests is reached. Possible again in 2 days'),
};

/** The daily call limit blocks calling: disabled, with the reason and when it frees up. */
export const CallLimitReached: Story = {
  args: { customer: customers.callLimit },
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Call' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(hintOf(button)).toContain('Possible again in 5 hours (Mar 3, 2026, 7:05 PM).');
    await userEvent.click(button);
    await expect(args.onStartCall).not.toHaveBeenCalled();
  },
};

/**
 * The last call attempt timed out after it left, so it may be ringing: disabled until WhatsApp
 * confirms it or the platform could have rung out, so the agent cannot dial twice.
 */
export const AwaitingConfirmation: Story = {
  args: { customer: customers.awaitingConfirmation },
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Call' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(hintOf(button)).toContain('waiting for WhatsApp to confirm it');
    await expect(hintOf(button)).toContain('Possible again in 2 minutes');
    await userEvent.click(button);
    await expect(args.onStartCall).not.toHaveBeenCalled();
  },
};

export const RegionUnavailable: Story = {
  args: { customer: customers.regionUnavailable },
  play: explains('not available in this region'),
};

export const CallingDisabled: Story = {
  args: { customer: customers.callingDisabled },
  play: explains('Calling is turned off for this business number.'),
};

/** The start request is in flight: pending, and a second click does nothing. */
export const Starting: Story = {
  args: { onStartCall: fn(() => new Promise<never>(() => {})) },
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    const button = await canvas.findByRole('button', { name: 'Starting call…' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    await expect(args.onStartCall).toHaveBeenCalledTimes(1);
    await expect(canvasElement.querySelector('[role="status"]')).toHaveTextContent(
      'Starting call…',
    );
  },
};

/** Starting failed: the error is shown and the button offers to try again. */
export const StartFailed: Story = {
  args: {
    onStartCall: fn(async () => {
      throw new Error('The customer’s phone could not be reached.');
    }),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    const retry = await canvas.findByRole('button', { name: 'Try again' });
    await expect(hintOf(retry)).toContain(
      'The call could not start. The customer’s phone could not be reached.',
    );
  },
};

const incomingArgs = {
  customer: { ...customers.granted, activeCall: incomingRingingCall() },
  onAnswerCall: fn(async () => {}),
  onDeclineCall: fn(async () => {}),
} satisfies Partial<CallButtonProps>;

/** A customer's call rings for the agent: Answer and Decline take the place of End call. */
export const IncomingRinging: Story = {
  args: incomingArgs,
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByText('Incoming call', onScreen)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'End call' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Answer' }));
    await expect(args.onAnswerCall).toHaveBeenCalledWith(incomingArgs.customer.activeCall);
    await expect(args.onDeclineCall).not.toHaveBeenCalled();
  },
};

/** Answering failed: the reason is shown and announced, and both buttons stay to try again. */
export const AnswerFailed: Story = {
  args: {
    ...incomingArgs,
    onAnswerCall: fn(async () => {
      throw new Error('The customer hung up before the call was answered.');
    }),
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Answer' }));
    await expect(
      await canvas.findByText(
        'The call could not be answered. The customer hung up before the call was answered.',
      ),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Answer' })).not.toHaveAttribute(
      'aria-disabled',
    );
    await expect(canvas.getByRole('button', { name: 'Decline' })).toBeVisible();
    await expect(canvasElement.querySelector('[role="status"]')).toHaveTextContent(
      'The call could not be answered.',
    );
  },
};

// A live clock, so the timer runs in the story.
function LiveCall(props: CallButtonProps & { customer: CustomerView }) {
  const [customer] = useState(() => ({
    ...props.customer,
    activeCall: outgoingCall('ongoing', Date.now()),
  }));
  return <CallButton {...props} customer={customer} now={undefined} />;
}

/** During a call: the running timer and the end-call action. */
export const InCall: Story = {
  render: (args) => <LiveCall {...args} />,
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByText('In call', onScreen)).toBeVisible();
    await expect(canvas.getByRole('timer', { name: 'Call duration' })).toHaveTextContent(/^2:0\d$/);
    await userEvent.click(canvas.getByRole('button', { name: 'End call' }));
    await expect(args.onEndCall).toHaveBeenCalledOnce();
  },
};

/** The outgoing call is ringing on the customer's phone. */
export const Ringing: Story = {
  args: { customer: { ...customers.granted, activeCall: outgoingCall('ringing') } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Ringing…', onScreen)).toBeVisible();
  },
};

// The real hook with a stand-in for WebRTC, connected as soon as the story mounts.
function CallWithMedia(props: CallButtonProps & { customer: CustomerView }) {
  const [fake] = useState(() => createFakeCallMedia());
  const media = useCallMedia({ media: fake.media });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void media.start().then(() => {
      const session = fake.sessions.at(-1);
      session?.state('connected');
      session?.emit('level', 0.1);
      session?.emit('quality', {
        mos: 4.3,
        rttMs: 62,
        jitterMs: 3,
        packetLossPercent: 0.2,
        packetsReceived: 1500,
        packetsSent: 1498,
        at: 0,
      });
    });
  }, [media, fake]);
  return <LiveCall {...props} media={media} />;
}

/** During a call with `media`: mute, both levels and the quality; End call also releases the audio. */
export const InCallWithMedia: Story = {
  render: (args) => <CallWithMedia {...args} />,
  play: async ({ canvas, userEvent, args }) => {
    const mute = await canvas.findByRole('button', { name: 'Mute' });
    await expect(await canvas.findByText('Good connection', onScreen)).toBeVisible();
    await expect(canvas.getAllByRole('meter')).toHaveLength(2);
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'End call' }));
    await expect(args.onEndCall).toHaveBeenCalledOnce();
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Mute' })).toBeNull());
  },
};

function DeniedMicrophone(props: CallButtonProps) {
  const [fake] = useState(() => createFakeCallMedia({ error: new MicrophoneDeniedError() }));
  const media = useCallMedia({ media: fake.media });
  return <CallButton {...props} media={media} onStartCall={() => media.start()} />;
}

/** The browser refused the microphone: the call does not start and the agent reads how to allow it. */
export const MicrophoneDenied: Story = {
  render: (args) => <DeniedMicrophone {...args} />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Call' }));
    const retry = await canvas.findByRole('button', { name: 'Try again' });
    await expect(hintOf(retry)).toContain(
      'The call could not start. The browser blocked the microphone.',
    );
  },
};

const gallery: Array<[string, CustomerView, Partial<CallButtonProps>?]> = [
  ['Granted', customers.granted],
  ['No permission', customers.noPermission],
  ['Requested (pending)', customers.requested],
  ['Declined', customers.declined],
  ['Revoked', customers.revoked],
  ['Revoked after missed calls', customers.autoRevoked],
  ['Expired', customers.expired],
  ['Request limit reached', customers.requestLimit],
  ['Call limit reached', customers.callLimit],
  ['Region unavailable', customers.regionUnavailable],
  ['Calling disabled', customers.callingDisabled],
  ['Calling', { ...customers.granted, activeCall: outgoingCall('calling') }],
  ['Ringing', { ...customers.granted, activeCall: outgoingCall('ringing') }],
  ['Incoming call ringing', { ...customers.granted, activeCall: incomingRingingCall() }],
  [
    'Incoming call with answer and decline',
    incomingArgs.customer,
    { onAnswerCall: incomingArgs.onAnswerCall, onDeclineCall: incomingArgs.onDeclineCall },
  ],
  ['In call', { ...customers.granted, activeCall: outgoingCall('ongoing') }],
];

export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid">
      {gallery.map(([title, customer, extra]) => (
        <div key={title} className="story-cell">
          <h2 className="story-cell__title">{title}</h2>
          <CallButton {...args} {...extra} customer={customer} />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('.wacall-call-button')].map((node) =>
      node.getAttribute('data-state'),
    );
    await expect(states).toEqual([
      'ready',
      'needs-permission',
      'needs-permission',
      'needs-permission',
      'needs-permission',
      'needs-permission',
      'needs-permission',
      'needs-permission',
      'blocked',
      'blocked',
      'blocked',
      'active',
      'active',
      'active',
      'active',
      'active',
    ]);
    await expect(
      within(canvasElement).getAllByRole('button', { name: /^(Answer|Decline)$/ }),
    ).toHaveLength(2);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
