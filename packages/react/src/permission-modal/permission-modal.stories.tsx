import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { FIXED_NOW } from '../fixtures/clock';
import { customers } from '../fixtures/customers';
import { allTemplates } from '../fixtures/templates';
import { PermissionModal } from './permission-modal';
import type { PermissionModalProps } from './types';

// The dialog keeps its own open state here, so Cancel and Done close it as they would in an app.
function Harness(props: PermissionModalProps) {
  const [open, setOpen] = useState(props.open);
  return (
    <>
      <button type="button" className="wacall-button" onClick={() => setOpen(true)}>
        Open dialog
      </button>
      <PermissionModal
        {...props}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          props.onOpenChange(next);
        }}
      />
    </>
  );
}

const meta = {
  title: 'Components/PermissionModal',
  component: PermissionModal,
  render: (args) => <Harness {...args} />,
  args: {
    open: true,
    onOpenChange: fn(),
    decisions: customers.noPermission.decisions,
    windowOpenUntil: customers.noPermission.windowOpenUntil,
    customerName: 'Ana García',
    templates: allTemplates,
    templateCreateHref: '#create-template',
    now: FIXED_NOW,
    onSendPermissionRequest: fn(async () => {}),
    onSendCallInvite: fn(async () => {}),
  },
} satisfies Meta<typeof PermissionModal>;

export default meta;
type Story = StoryObj<typeof meta>;

const onScreen = { ignore: '[role="status"], script, style' };
const dialogIn = (canvasElement: HTMLElement) =>
  within(canvasElement.ownerDocument.body).findByRole('dialog', {
    name: 'Reach Ana García by call',
  });

/** Window open: the agent writes the request; an invite also gets a button label and a validity. */
export const WindowOpen: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const dialog = within(await dialogIn(canvasElement));
    await expect(
      dialog.getByText(/Conversation window open until Mar 4, 2026, 10:05 AM/),
    ).toBeVisible();
    await expect(dialog.getByText('1 of 1 request left today', { exact: false })).toBeVisible();
    await userEvent.click(dialog.getByRole('radio', { name: /Send call invite/ }));
    const label = dialog.getByLabelText('Button label');
    await expect(label).toHaveAttribute('maxLength', '20');
    await expect(label).toHaveValue('Call now');
    await userEvent.type(dialog.getByLabelText('Message'), 'Tap to call our support team.');
    await userEvent.selectOptions(dialog.getByLabelText('Button works for'), '1 day');
    await userEvent.click(dialog.getByRole('button', { name: 'Send call invite' }));
    await expect(args.onSendCallInvite).toHaveBeenCalledWith({
      channel: 'free_form',
      body: 'Tap to call our support team.',
      displayText: 'Call now',
      ttlMinutes: 1440,
    });
  },
};

/** Window closed: a template is required before anything is sent. */
export const WindowClosedWithTemplates: Story = {
  args: {
    decisions: customers.expired.decisions,
    windowOpenUntil: customers.expired.windowOpenUntil,
  },
  play: async ({ canvasElement, userEvent, args }) => {
    const dialog = within(await dialogIn(canvasElement));
    await expect(dialog.getByText(/Conversation window closed/)).toBeVisible();
    await expect(dialog.queryByLabelText('Message')).toBeNull();
    await userEvent.click(dialog.getByRole('button', { name: 'Send permission request' }));
    await expect(dialog.getByText('Choose a template to send.')).toBeVisible();
    await expect(args.onSendPermissionRequest).not.toHaveBeenCalled();
    // Only approved permission-request templates are offered.
    await expect(
      dialog.getAllByRole('radio', { name: /order_follow_up_call|appointment_call|spring_offer/ }),
    ).toHaveLength(2);
    await userEvent.click(dialog.getByRole('radio', { name: /order_follow_up_call/ }));
    await userEvent.type(dialog.getByLabelText('Value for {{1}}'), 'ON-12853');
    await userEvent.click(dialog.getByRole('button', { name: 'Send permission request' }));
    await expect(args.onSendPermissionRequest).toHaveBeenCalledWith({
      channel: 'template',
      template: expect.objectContaining({ id: 'tpl-req-1', name: 'order_follow_up_call' }),
      bodyParameters: ['ON-12853'],
    });
  },
};

/** Window closed and no approved template of the kind: the dialog points to template creation. */
export const WindowClosedNoTemplates: Story = {
  args: {
    decisions: customers.expired.decisions,
    windowOpenUntil: customers.expired.windowOpenUntil,
    templates: [],
  },
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogIn(canvasElement));
    await expect(dialog.getByText('No approved template of this kind yet.')).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'Create a template' })).toHaveAttribute(
      'href',
      '#create-template',
    );
    await expect(dialog.queryByRole('button', { name: 'Send permission request' })).toBeNull();
  },
};

/** The weekly request quota is used up: that choice is disabled with its reason; the invite remains. */
export const QuotaExhausted: Story = {
  args: { decisions: customers.requestLimit.decisions },
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogIn(canvasElement));
    const request = dialog.getByRole('radio', { name: /Send permission request/ });
    await expect(request).toBeDisabled();
    await expect(request).toHaveAccessibleDescription(
      /The weekly limit of permission requests is reached\. Possible again in 2 days/,
    );
    await expect(dialog.getByRole('radio', { name: /Send call invite/ })).toBeChecked();
  },
};

const typeAndSend = async (
  canvasElement: HTMLElement,
  userEvent: Parameters<NonNullable<Story['play']>>[0]['userEvent'],
) => {
  const dialog = within(await dialogIn(canvasElement));
  await userEvent.type(dialog.getByLabelText('Message'), 'May we call you about your order?');
  await userEvent.click(dialog.getByRole('button', { name: 'Send permission request' }));
  return dialog;
};

/** The request is on its way: the form is locked and the dialog cannot be dismissed. */
export const Sending: Story = {
  args: { onSendPermissionRequest: fn(() => new Promise<never>(() => {})) },
  play: async ({ canvasElement, userEvent, args }) => {
    const dialog = await typeAndSend(canvasElement, userEvent);
    await expect(await dialog.findByRole('button', { name: 'Sending…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.keyboard('{Escape}');
    await expect(dialog.getByRole('button', { name: 'Sending…' })).toBeVisible();
    await expect(args.onOpenChange).not.toHaveBeenCalled();
  },
};

/** Sent: a confirmation and a Done button that takes focus. */
export const Sent: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const dialog = await typeAndSend(canvasElement, userEvent);
    await expect(await dialog.findByText(/Permission request sent/, onScreen)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Done' })).toHaveFocus();
  },
};

/** Failed: the error is shown, the text is kept and the dialog stays open for another try. */
export const Failed: Story = {
  args: {
    onSendPermissionRequest: fn(async () => {
      throw new Error('The platform rejected the message (131047).');
    }),
  },
  play: async ({ canvasElement, userEvent, args }) => {
    const dialog = await typeAndSend(canvasElement, userEvent);
    const alert = await dialog.findByRole('alert');
    await expect(alert).toHaveTextContent(
      'Sending failed: The platform rejected the message (131047).',
    );
    await expect(dialog.getByLabelText('Message')).toHaveValue('May we call you about your order?');
    await expect(args.onOpenChange).not.toHaveBeenCalled();
    const retry = dialog.getByRole('button', { name: 'Send permission request' });
    await expect(retry).not.toHaveAttribute('aria-disabled');
    await userEvent.click(retry);
    await waitFor(() => expect(args.onSendPermissionRequest).toHaveBeenCalledTimes(2));
    await expect(await dialog.findByRole('alert')).toBeVisible();
  },
};

const gallery: Array<[string, Partial<PermissionModalProps>]> = [
  ['Window open', {}],
  [
    'Window closed, templates',
    { decisions: customers.expired.decisions, windowOpenUntil: customers.expired.windowOpenUntil },
  ],
  [
    'Window closed, no templates',
    {
      decisions: customers.expired.decisions,
      windowOpenUntil: customers.expired.windowOpenUntil,
      templates: [],
    },
  ],
  ['Request quota exhausted', { decisions: customers.requestLimit.decisions }],
  ['Nothing allowed', { decisions: customers.regionUnavailable.decisions }],
];

/** Every static state side by side, inline instead of over the page. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid story-inline-dialogs">
      {gallery.map(([title, overrides]) => (
        <div key={title} className="story-cell">
          <h2 className="story-cell__title">{title}</h2>
          <InlineDialog {...args} {...overrides} />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('dialog')).toHaveLength(gallery.length);
  },
};

function InlineDialog(props: PermissionModalProps) {
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  return (
    <div ref={setSlot}>
      {slot && <PermissionModal {...props} open modal={false} container={slot} />}
    </div>
  );
}

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
