import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { reviewedTemplates } from '../fixtures/templates';
import { TemplateList } from './template-list';

const meta = {
  title: 'Components/TemplateList',
  component: TemplateList,
  args: { templates: reviewedTemplates, onUse: fn() },
} satisfies Meta<typeof TemplateList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No calling templates yet. */
export const Empty: Story = {
  args: { templates: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No calling templates yet.')).toBeVisible();
  },
};

/** Every review status as a badge; a rejection shows Meta's reason; only approved ones can be used. */
export const Statuses: Story = {
  play: async ({ canvasElement, userEvent, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('6 of 6 templates')).toBeVisible();
    await expect(canvas.getByText('Reason: INCORRECT_CATEGORY')).toBeVisible();
    const list = within(canvas.getByRole('list'));
    await expect(list.getByText('In review')).toBeVisible();
    await expect(list.getByText('Paused')).toBeVisible();
    await expect(canvas.queryByText('order_update')).toBeNull();
    await expect(canvas.getAllByRole('button', { name: /^Use / })).toHaveLength(3);
    await userEvent.click(canvas.getByRole('button', { name: 'Use support_call_button' }));
    await expect(args.onUse).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'tpl-inv-1', kind: 'call_invite' }),
    );
  },
};

/** Filters by type, status and name; nothing matching says so. */
export const Filtered: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Type'), 'Call button');
    await expect(canvas.getByText('2 of 6 templates')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Status'), 'Rejected');
    await expect(canvas.getByText('flash_sale_call')).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Search by name'), 'nothing');
    await expect(canvas.getByText('No template matches these filters.')).toBeVisible();
  },
};

/** Every state side by side. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid">
      <section className="story-cell" aria-label="Empty">
        <h2 className="story-cell__title">Empty</h2>
        <TemplateList {...args} templates={[]} />
      </section>
      <section className="story-cell" aria-label="Every status">
        <h2 className="story-cell__title">Every status</h2>
        <TemplateList {...args} />
      </section>
      <section className="story-cell" aria-label="Rejected only">
        <h2 className="story-cell__title">Rejected only</h2>
        <TemplateList {...args} defaultFilters={{ status: 'rejected' }} />
      </section>
      <section className="story-cell" aria-label="No match">
        <h2 className="story-cell__title">No match</h2>
        <TemplateList {...args} defaultFilters={{ name: 'zzz' }} />
      </section>
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByText(/of 6 templates/)).toHaveLength(3);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
