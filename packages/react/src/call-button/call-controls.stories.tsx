import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { FIXED_NOW } from '../fixtures/clock';
import { customers, incomingRingingCall, outgoingCall } from '../fixtures/customers';
import { allTemplates } from '../fixtures/templates';
import { CallControls } from './call-controls';
import { useCallControls } from './call-controls-context';
import { CallStatus } from './call-status';
import { CallTrigger } from './call-trigger';
import { InCallControls } from './in-call-controls';
import { IncomingCallActions } from './incoming-call-actions';
import { PermissionDialog } from './permission-dialog';

const meta = {
  title: 'Components/CallControls',
  component: CallControls,
  args: {
    customer: { ...customers.granted, activeCall: incomingRingingCall() },
    now: FIXED_NOW,
    onStartCall: fn(async () => {}),
    onEndCall: fn(async () => {}),
    onAcceptCall: fn(async () => {}),
    onDeclineCall: fn(async () => {}),
  },
} satisfies Meta<typeof CallControls>;

export default meta;
type Story = StoryObj<typeof meta>;

const onScreen = { ignore: '[role="status"], script, style' };

/**
 * A console's side panel: the ringing call's status as a header, Answer and Decline under it, and the
 * in-call controls at the bottom once the call is picked up.
 */
export const SidePanel: Story = {
  render: (args) => (
    <CallControls {...args} className="story-panel">
      <header>
        <CallStatus />
      </header>
      <div>
        <IncomingCallActions />
      </div>
      <footer>
        <InCallControls />
        <CallTrigger />
      </footer>
    </CallControls>
  ),
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    const header = canvasElement.querySelector('header');
    await expect(within(header as HTMLElement).getByText('Incoming call', onScreen)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'End call' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Decline' }));
    await expect(args.onDeclineCall).toHaveBeenCalledWith(args.customer.activeCall);
    await expect(args.onAcceptCall).not.toHaveBeenCalled();
  },
};

/** The same parts during the call: the timer in the header, End call in the footer. */
export const SidePanelInCall: Story = {
  ...SidePanel,
  args: { customer: { ...customers.granted, activeCall: outgoingCall('ongoing') } },
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    const header = canvasElement.querySelector('header') as HTMLElement;
    await expect(within(header).getByRole('timer')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Answer' })).toBeNull();
    const footer = canvasElement.querySelector('footer') as HTMLElement;
    await userEvent.click(within(footer).getByRole('button', { name: 'End call' }));
    await expect(args.onEndCall).toHaveBeenCalledWith(args.customer.activeCall);
  },
};

function MenuItemTrigger() {
  const controls = useCallControls();
  return (
    <button
      type="button"
      className="wacall-button"
      data-state={controls.state}
      aria-haspopup="dialog"
      onClick={controls.activate}
    >
      Call on WhatsApp…
    </button>
  );
}

/** The console's own trigger (a menu item) reads `useCallControls()` and opens the same dialog. */
export const OwnTrigger: Story = {
  args: { customer: customers.noPermission },
  render: (args) => (
    <CallControls {...args}>
      <MenuItemTrigger />
      <PermissionDialog
        customerName="Ana García"
        templates={allTemplates}
        templateCreateHref="#create-template"
        onSendPermissionRequest={fn(async () => {})}
        onSendCallInvite={fn(async () => {})}
      />
    </CallControls>
  ),
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    const item = canvas.getByRole('button', { name: 'Call on WhatsApp…' });
    await expect(item).toHaveAttribute('data-state', 'needs-permission');
    await userEvent.click(item);
    const page = within(canvasElement.ownerDocument.body);
    await expect(
      await page.findByRole('dialog', { name: 'Reach Ana García by call' }),
    ).toBeVisible();
    await expect(args.onStartCall).not.toHaveBeenCalled();
  },
};
