import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { AgentPresenceState as Presence, PresenceStatus } from '@wacall/core';
import { expect, fn } from 'storybook/test';
import { presence } from '../fixtures/call-log';
import { AgentPresence, type AgentPresenceProps } from './agent-presence';

const meta = {
  title: 'Components/AgentPresence',
  component: AgentPresence,
  args: { presence: presence('available'), onChange: fn(async () => {}) },
} satisfies Meta<typeof AgentPresence>;

export default meta;
type Story = StoryObj<typeof meta>;

const status = (label: string): Story => ({
  args: { presence: presence(label.toLowerCase() as PresenceStatus) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Your status' })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: label })).toBeChecked();
    await expect(canvas.getAllByRole('radio')).toHaveLength(3);
  },
});

export const Available = status('Available');
export const Busy = status('Busy');
export const Away = status('Away');

/** In a call: shown busy, with why and what comes after; the choice is locked. */
export const ForcedBusy: Story = {
  name: 'Forced busy (in a call)',
  args: { presence: presence('available', 'wacid.HBgLMzQ2MDAxMTEyMjIVAgASGBI') },
  play: async ({ canvas, args, userEvent }) => {
    const group = canvas.getByRole('group', { name: 'Your status' });
    await expect(canvas.getByRole('radio', { name: 'Busy' })).toBeChecked();
    await expect(group).toHaveAccessibleDescription(
      'Busy while you are in a call; you go back to Available when it ends.',
    );
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
    await userEvent.click(canvas.getByText('Away'));
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

// Holds the presence like a host would: the route answers, then the presence event comes back.
function Host(args: AgentPresenceProps) {
  const [current, setCurrent] = useState<Presence>(presence('available'));
  return (
    <AgentPresence
      {...args}
      presence={current}
      onChange={async (status) => {
        await args.onChange(status);
        setCurrent(presence(status));
      }}
    />
  );
}

/** Choosing with the keyboard: arrow keys move and choose; the change is announced. */
export const Choosing: Story = {
  render: (args) => <Host {...args} />,
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('radio', { name: 'Available' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect(canvas.getByRole('radio', { name: 'Away' })).toBeChecked();
    await expect(args.onChange).toHaveBeenLastCalledWith('away');
    await expect(canvas.getByRole('status')).toHaveTextContent('Your status is Away.');
    await expect(canvas.getByText('No calls ring for you; you show as inactive.')).toBeVisible();
  },
};

/** While the change is saved the choice shows at once; a failure puts the old one back. */
export const ChangeFailed: Story = {
  args: {
    onChange: fn(async () => {
      throw new Error('The server answered 503.');
    }),
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Busy'));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Your status could not be changed: The server answered 503.',
    );
    await expect(canvas.getByRole('radio', { name: 'Available' })).toBeChecked();
  },
};

/** Every state side by side. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid">
      {(
        [
          ['Available', presence('available')],
          ['Busy', presence('busy')],
          ['Away', presence('away')],
          ['In a call', presence('away', 'wacid.HBgLMzQ2MDAxMTEyMjIVAgASGBI')],
        ] as const
      ).map(([title, value]) => (
        <div key={title} className="story-cell">
          <p className="story-cell__title">{title}</p>
          <AgentPresence {...args} presence={value} />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const shown = [...canvasElement.querySelectorAll('.wacall-presence')].map((group) =>
      group.getAttribute('data-status'),
    );
    await expect(shown).toEqual(['available', 'busy', 'away', 'busy']);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
