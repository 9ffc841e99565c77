import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CallLogFilter, CallRecord } from '@wacall/core';
import { expect, fn, waitFor, within } from 'storybook/test';
import { callLog, countChips, matching } from '../fixtures/call-log';
import { CallLog, type CallLogProps } from './call-log';

const meta = {
  title: 'Components/CallLog',
  component: CallLog,
  args: { calls: callLog(8), onFilterChange: fn(), onRetry: fn(), onOpenCall: fn() },
} satisfies Meta<typeof CallLog>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (root: HTMLElement) => root.querySelectorAll('tbody tr');
const region = (root: HTMLElement) =>
  root.querySelector<HTMLElement>('.wacall-call-log > [role="status"]');

/** Nothing logged yet: no table, one sentence. */
export const Empty: Story = {
  args: { calls: [] },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('No calls yet.')).toBeVisible();
    await expect(canvasElement.querySelector('table')).toBeNull();
    await expect(canvas.getAllByRole('button', { name: 'All', pressed: true })).toHaveLength(2);
  },
};

/** The first page is on its way. */
export const Loading: Story = {
  args: { calls: [], loading: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Loading calls…')).toBeVisible();
    await expect(canvasElement.querySelector('.wacall-call-log')).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** Every status of both directions, as a table with a caption and column headers. */
export const Filled: Story = {
  args: { calls: callLog(10), counts: countChips(callLog(10), {}) },
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    const table = canvas.getByRole('table', { name: 'Calls' });
    await expect(within(table).getAllByRole('columnheader')).toHaveLength(7);
    await expect(rows(canvasElement)).toHaveLength(10);
    const completed = within(rows(canvasElement)[2] as HTMLElement);
    await expect(completed.getByRole('rowheader')).toHaveTextContent(
      'Priya NairUS.13491208655302741918',
    );
    await expect(completed.getByText('Incoming call:')).toBeTruthy();
    await expect(completed.getByText('4:08')).toBeVisible();
    await expect(completed.getByText('Noor Haddad')).toBeVisible();
    await expect(completed.getByText('Mar 3, 2026, 1:50 PM')).toBeVisible();
    const ringing = within(rows(canvasElement)[0] as HTMLElement);
    await expect(ringing.getByText('No agent')).toBeTruthy();
    await expect(ringing.getByText('Not ended yet')).toBeTruthy();
    await expect(canvas.getByRole('button', { name: 'Missed 1 call' })).toBeVisible();
    await userEvent.click(canvas.getAllByRole('button', { name: 'Ana García' })[0]!);
    await expect(args.onOpenCall).toHaveBeenCalledWith(
      expect.objectContaining({ callId: (args.calls[0] as CallRecord).callId }),
    );
  },
};

const everyCall = callLog(60);

// Holds filter, pages and counts like a host: the "server" here is the fixture list in memory.
function Host(args: CallLogProps & { pageSize?: number; initialFilter?: CallLogFilter }) {
  const pageSize = args.pageSize ?? 20;
  const [filter, setFilter] = useState<CallLogFilter>(args.initialFilter ?? {});
  const [shown, setShown] = useState(pageSize);
  const found = matching(everyCall, filter);
  return (
    <CallLog
      {...args}
      calls={found.slice(0, shown)}
      filter={filter}
      counts={countChips(everyCall, filter)}
      hasMore={found.length > shown}
      onFilterChange={(next) => {
        args.onFilterChange?.(next);
        setFilter(next);
        setShown(pageSize);
      }}
      onLoadMore={async () => {
        await args.onLoadMore?.();
        setShown((current) => current + pageSize);
      }}
    />
  );
}

/** Chips narrow by direction and status, with counts; pressing a pressed chip lets go. */
export const Filtered: Story = {
  render: (args) => <Host {...args} initialFilter={{ direction: 'incoming' }} />,
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    const status = within(canvas.getByRole('group', { name: 'Status' }));
    // Incoming calls have no "Calling" or "Unanswered".
    await expect(status.queryByRole('button', { name: /^Unanswered/ })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Incoming 30 calls' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(status.getByRole('button', { name: 'Missed 6 calls' }));
    await expect(args.onFilterChange).toHaveBeenLastCalledWith({
      direction: 'incoming',
      status: 'missed',
    });
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(6));
    for (const row of rows(canvasElement))
      await expect(row).toHaveAttribute('data-status', 'missed');
    await expect(region(canvasElement)).toHaveTextContent('6 calls shown.');
    // Switching to outgoing drops "missed", a status outgoing calls do not have.
    await userEvent.click(canvas.getByRole('button', { name: /^Outgoing/ }));
    await expect(args.onFilterChange).toHaveBeenLastCalledWith({ direction: 'outgoing' });
    await userEvent.click(canvas.getByRole('button', { name: 'Unanswered 6 calls' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Unanswered 6 calls' }));
    await expect(args.onFilterChange).toHaveBeenLastCalledWith({ direction: 'outgoing' });
  },
};

/** A filter nothing matches offers the way back. */
export const NoMatch: Story = {
  args: { calls: [], filter: { direction: 'outgoing', status: 'disconnected' } },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByText('No calls match these filters.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show all calls' }));
    await expect(args.onFilterChange).toHaveBeenCalledWith({});
  },
};

/** 60 calls, 20 a page: "Load more calls" adds the next page and says so; the last page ends it. */
export const ManyPages: Story = {
  args: { onLoadMore: fn(async () => {}) },
  render: (args) => <Host {...args} />,
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    await expect(rows(canvasElement)).toHaveLength(20);
    const more = canvas.getByRole('button', { name: 'Load more calls' });
    await userEvent.click(more);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(40));
    await expect(region(canvasElement)).toHaveTextContent('20 more calls loaded, 40 shown.');
    await expect(more).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(60));
    await expect(args.onLoadMore).toHaveBeenCalledTimes(2);
    await expect(canvas.queryByRole('button', { name: 'Load more calls' })).toBeNull();
    // The button went away under the keyboard: focus lands on the first call it added.
    await expect(rows(canvasElement)[40]?.querySelector('th')).toHaveFocus();
  },
};

/** While the next page loads the button says so and a second press does nothing. */
export const LoadingMore: Story = {
  args: { hasMore: true, onLoadMore: fn(() => new Promise<void>(() => {})) },
  play: async ({ canvas, args, userEvent }) => {
    const more = canvas.getByRole('button', { name: 'Load more calls' });
    await userEvent.click(more);
    await expect(more).toHaveTextContent('Loading more calls…');
    await expect(more).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(more);
    await expect(args.onLoadMore).toHaveBeenCalledOnce();
  },
};

/** The first page failed: the reason and a way to try again. */
export const Failed: Story = {
  name: 'Error',
  args: { calls: [], error: new Error('The server answered 503.') },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'The calls could not be loaded: The server answered 503.',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** The next page failed: the calls stay, the button stays, and the failure is an alert. */
export const LoadMoreFailed: Story = {
  args: {
    hasMore: true,
    onLoadMore: fn(async () => {
      throw new Error('offline');
    }),
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Load more calls' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'More calls could not be loaded. Try again.',
    );
    await expect(rows(canvasElement)).toHaveLength(8);
  },
};

// A host pushing calls from its live stream; a button stands in for the stream.
function Live(args: CallLogProps) {
  const [calls, setCalls] = useState(() => callLog(5));
  return (
    <>
      <button
        type="button"
        className="wacall-button"
        onClick={() =>
          setCalls((current) => [...callLog(2, 0, Date.UTC(2026, 2, 3, 15)), ...current])
        }
      >
        Simulate two new calls
      </button>
      <CallLog {...args} calls={calls} />
    </>
  );
}

/** New calls on top are announced politely. */
export const NewCallsAnnounced: Story = {
  render: (args) => <Live {...args} />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(region(canvasElement)).toHaveTextContent('');
    await userEvent.click(canvas.getByRole('button', { name: 'Simulate two new calls' }));
    await expect(region(canvasElement)).toHaveTextContent('2 new calls.');
    await expect(rows(canvasElement)).toHaveLength(7);
  },
};

/** Every state side by side. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div style={{ display: 'grid', gap: '2rem' }}>
      {(
        [
          ['Empty', { calls: [] }],
          ['Loading', { calls: [], loading: true }],
          ['Error', { calls: [], error: new Error('The server answered 503.') }],
          ['No match', { calls: [], filter: { status: 'missed' } }],
          ['Filled', { calls: callLog(10), hasMore: true, counts: countChips(callLog(10), {}) }],
        ] as const
      ).map(([title, props]) => (
        <section key={title} className="story-cell" aria-label={title}>
          <h2 className="story-cell__title">{title}</h2>
          <CallLog {...args} {...props} />
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('.wacall-call-log')].map((log) =>
      log.getAttribute('data-state'),
    );
    await expect(states).toEqual(['empty', 'loading', 'error', 'no-match', 'filled']);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
