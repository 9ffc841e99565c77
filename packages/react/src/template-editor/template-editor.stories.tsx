import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { TemplateEditor } from './template-editor';
import type { TemplateEditorProps } from './types';

const filled: TemplateEditorProps['defaultValues'] = {
  kind: 'call_permission_request',
  name: 'order_follow_up_call',
  language: 'en_US',
  category: 'utility',
  header: 'About your order',
  body: 'Hi {{1}}, may we call you about order {{2}}?',
  bodyExamples: ['Ana', 'ON-12853'],
  footer: 'Acme support',
};

const meta = {
  title: 'Components/TemplateEditor',
  component: TemplateEditor,
  args: {
    onSubmit: fn(async () => ({ status: 'pending' as const })),
    businessName: 'Acme Support',
  },
} satisfies Meta<typeof TemplateEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

const onScreen = { ignore: '[role="status"], script, style' };

/** Nothing typed yet: the preview shows an empty bubble with the platform's permission button. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Name')).toHaveValue('');
    await expect(canvas.getByText('Choose call permission')).toBeVisible();
    await expect(canvas.queryByText(/Required/)).toBeNull();
  },
};

/** Invalid input: each field says what to change as the agent types. */
export const InvalidInput: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Name'), 'Order Call');
    await expect(
      canvas.getByText(
        'Use only lowercase letters, digits and underscores, e.g. order_call.',
        onScreen,
      ),
    ).toBeVisible();
    await expect(canvas.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(canvas.getByLabelText('Header (optional)'), 'Hi {{{{1}}');
    await expect(
      canvas.getByText('Remove the {{…}}: placeholders only work in the message.', onScreen),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Submit for review' }));
    await expect(canvas.getByText('Required: fill this in.', onScreen)).toBeVisible();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Placeholders with sample values: the preview fills them in, as the customer would see them. */
export const PreviewWithPlaceholders: Story = {
  args: { defaultValues: filled },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const preview = within(canvas.getByRole('figure', { name: 'Preview on the customer’s phone' }));
    await expect(preview.getByText('About your order')).toBeVisible();
    await expect(preview.getByText('ON-12853')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Add placeholder' }));
    await expect(preview.getByText('{{3}}')).toBeVisible();
    await expect(canvas.getByLabelText('Sample value for {{3}}')).toBeVisible();
    await expect(canvas.getByText('Write a sample value for {{3}}.', onScreen)).toBeVisible();
  },
};

/** A call button (voice_call) template: button text with a character count, and its validity. */
export const CallButton: Story = {
  args: {
    defaultValues: {
      kind: 'call_invite',
      name: 'support_call_button',
      category: 'marketing',
      body: 'Our team is available now. Tap below to call us on WhatsApp.',
    },
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const buttonText = canvas.getByLabelText('Button text');
    await userEvent.clear(buttonText);
    await userEvent.type(buttonText, 'Call our support team');
    await expect(canvas.getByText('21 of 20 characters: remove 1.', onScreen)).toBeVisible();
    await expect(canvas.getByLabelText('Button works for')).toHaveDisplayValue('7 days');
    const preview = within(canvas.getByRole('figure'));
    await expect(preview.getByText('Call our support team')).toBeVisible();
  },
};

/** Submitting: the fields lock and the button says so until the backend answers. */
export const Submitting: Story = {
  args: { defaultValues: filled, onSubmit: fn(() => new Promise<never>(() => {})) },
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Submit for review' }));
    await expect(canvas.getByRole('button', { name: 'Submitting…' })).toBeVisible();
    await expect(canvas.getByLabelText('Name')).toBeDisabled();
    await expect(args.onSubmit).toHaveBeenCalledWith({
      kind: 'call_permission_request',
      name: 'order_follow_up_call',
      language: 'en_US',
      category: 'utility',
      header: 'About your order',
      body: 'Hi {{1}}, may we call you about order {{2}}?',
      bodyExamples: ['Ana', 'ON-12853'],
      footer: 'Acme support',
    });
  },
};

/** Created: Meta took it for review, so it is pending. */
export const CreatedPending: Story = {
  args: { defaultValues: filled },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Submit for review' }));
    await waitFor(() =>
      expect(canvas.getByText(/Submitted. Meta is reviewing the template/)).toBeVisible(),
    );
  },
};

/** Rejected by Meta, with the reason from the review webhook. */
export const RejectedWithReason: Story = {
  args: { defaultValues: filled, review: { status: 'rejected', reason: 'INCORRECT_CATEGORY' } },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText(
        'Rejected by Meta (INCORRECT_CATEGORY). Change the template and submit it under a new name.',
      ),
    ).toBeVisible();
  },
};

/** Approved: agents can send it now. */
export const Approved: Story = {
  args: { defaultValues: filled, review: { status: 'approved' } },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText('Approved by Meta: agents can send this template now.'),
    ).toBeVisible();
  },
};

/** Meta refused the template: the message shows inline, and the field it names is marked. */
export const MetaError: Story = {
  args: {
    defaultValues: filled,
    onSubmit: fn(async () => {
      throw Object.assign(
        new Error('A template named order_follow_up_call already exists in en_US.'),
        { subcode: 2388024 },
      );
    }),
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Submit for review' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Meta did not take the template: A template named order_follow_up_call already exists in en_US.',
    );
    await expect(canvas.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
  },
};

const never = () => new Promise<never>(() => {});
const refuse = async () => {
  throw new Error('(#100) Invalid parameter.');
};
const gallery: [string, Partial<TemplateEditorProps>][] = [
  ['Empty', {}],
  [
    'Invalid input',
    {
      defaultValues: { ...filled, name: 'Order Call', footer: 'x'.repeat(61) },
      validateOnMount: true,
    },
  ],
  ['Preview with placeholders', { defaultValues: filled }],
  ['Call button', { defaultValues: { ...filled, kind: 'call_invite', buttonText: 'Call us' } }],
  ['Submitting', { defaultValues: filled, onSubmit: never }],
  ['Created, pending review', { defaultValues: filled, review: { status: 'pending' } }],
  [
    'Rejected with reason',
    { defaultValues: filled, review: { status: 'rejected', reason: 'INVALID_FORMAT' } },
  ],
  ['Approved', { defaultValues: filled, review: { status: 'approved' } }],
  ['Meta error', { defaultValues: filled, onSubmit: refuse }],
];

/** Every state side by side; the play function submits the two that need a submit. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid">
      {gallery.map(([title, overrides]) => (
        <section key={title} className="story-cell" aria-label={title}>
          <h2 className="story-cell__title">{title}</h2>
          <TemplateEditor {...args} {...overrides} />
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    for (const title of ['Submitting', 'Meta error']) {
      const cell = within(canvas.getByRole('region', { name: title }));
      await userEvent.click(cell.getByRole('button', { name: 'Submit for review' }));
    }
    await expect(await canvas.findByRole('alert')).toBeVisible();
    await expect(canvasElement.querySelectorAll('form')).toHaveLength(gallery.length);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
