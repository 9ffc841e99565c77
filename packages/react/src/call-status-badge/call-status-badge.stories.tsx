import type { Meta, StoryObj } from '@storybook/react-vite';
import type {
  CallDirection,
  CallStatus,
  IncomingCallStatus,
  OutgoingCallStatus,
} from '@wacall/core';
import { expect } from 'storybook/test';
import { CallStatusBadge } from './call-status-badge';

const meta = {
  title: 'Components/CallStatusBadge',
  component: CallStatusBadge,
  args: { status: 'ongoing', direction: 'user_initiated', variant: 'badge' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['badge', 'marker'] },
    direction: { control: 'inline-radio', options: ['user_initiated', 'business_initiated'] },
  },
} satisfies Meta<typeof CallStatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

const incoming: IncomingCallStatus[] = [
  'ringing',
  'ongoing',
  'completed',
  'missed',
  'declined',
  'disconnected',
];
const outgoing: OutgoingCallStatus[] = [
  'calling',
  'ringing',
  'ongoing',
  'completed',
  'unanswered',
  'declined',
  'disconnected',
];

const badge = (status: CallStatus, direction: CallDirection, label: string): Story => ({
  args: { status, direction },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(label)).toBeVisible();
  },
});

export const IncomingRinging = badge('ringing', 'user_initiated', 'Ringing');
export const IncomingOngoing = badge('ongoing', 'user_initiated', 'Ongoing');
export const IncomingCompleted = badge('completed', 'user_initiated', 'Completed');
export const IncomingMissed = badge('missed', 'user_initiated', 'Missed');
export const IncomingDeclined = badge('declined', 'user_initiated', 'Declined');
export const IncomingDisconnected = badge('disconnected', 'user_initiated', 'Disconnected');
export const OutgoingCalling = badge('calling', 'business_initiated', 'Calling');
export const OutgoingRinging = badge('ringing', 'business_initiated', 'Ringing');
export const OutgoingOngoing = badge('ongoing', 'business_initiated', 'Ongoing');
export const OutgoingCompleted = badge('completed', 'business_initiated', 'Completed');
export const OutgoingUnanswered = badge('unanswered', 'business_initiated', 'Unanswered');
export const OutgoingDeclined = badge('declined', 'business_initiated', 'Declined');
export const OutgoingDisconnected = badge('disconnected', 'business_initiated', 'Disconnected');

/** The compact chat-list tags; finished calls have none. */
export const Markers: Story = {
  render: () => (
    <ul className="story-grid" aria-label="Chat list markers">
      <li className="story-cell">
        <CallStatusBadge variant="marker" status="missed" direction="user_initiated" />
      </li>
      <li className="story-cell">
        <CallStatusBadge variant="marker" status="ongoing" direction="business_initiated" />
      </li>
      <li className="story-cell">
        <CallStatusBadge variant="marker" status="ringing" direction="user_initiated" />
      </li>
      <li className="story-cell">
        <CallStatusBadge variant="marker" status="calling" direction="business_initiated" />
      </li>
    </ul>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Missed call')).toBeVisible();
    await expect(canvas.getByText('In call')).toBeVisible();
    await expect(canvas.getByText('Incoming call')).toBeVisible();
    await expect(canvas.getByText('Calling…')).toBeVisible();
  },
};

function Grid({ direction, statuses }: { direction: CallDirection; statuses: CallStatus[] }) {
  return (
    <div className="story-grid">
      {statuses.map((status) => (
        <div key={status} className="story-cell">
          <p className="story-cell__title">{status}</p>
          <CallStatusBadge status={status} direction={direction} />
          <CallStatusBadge status={status} direction={direction} variant="marker" />
        </div>
      ))}
    </div>
  );
}

export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <div>
      <h2 className="story-cell__title">Incoming (user-initiated)</h2>
      <Grid direction="user_initiated" statuses={incoming} />
      <h2 className="story-cell__title">Outgoing (business-initiated)</h2>
      <Grid direction="business_initiated" statuses={outgoing} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.wacall-badge')).toHaveLength(13);
    await expect(
      canvasElement.querySelectorAll('.wacall-marker[data-marker="missed"]'),
    ).toHaveLength(2);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
