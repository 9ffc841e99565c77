import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred, liveRegion, renderInEnglish } from '../../test/render';
import { history, sampleActivity } from '../fixtures/activities';
import { days, FIXED_NOW, hours, minutes } from '../fixtures/clock';
import { WacallMessagesProvider } from '../i18n/messages-context';
import { ActivityTimeline, type ActivityTimelineProps } from './activity-timeline';

const rowTexts = (root: HTMLElement) =>
  [...root.querySelectorAll('.wacall-activity__text')].map((node) => node.textContent);
const rowCount = (root: HTMLElement) => root.querySelectorAll('.wacall-activity').length;

function setup(props: Partial<ActivityTimelineProps> = {}) {
  const all: ActivityTimelineProps = { activities: [], now: FIXED_NOW, ...props };
  const view = renderInEnglish(<ActivityTimeline {...all} />);
  const rerender = (next: Partial<ActivityTimelineProps>) =>
    view.rerender(
      <WacallMessagesProvider locale="en-US" timeZone="UTC">
        <ActivityTimeline {...all} {...next} />
      </WacallMessagesProvider>,
    );
  return { view, rerender, user: userEvent.setup() };
}

describe('ActivityTimeline order and grouping', () => {
  it('shows the newest first, grouped under day headings', () => {
    const activities = [
      sampleActivity('permission.granted', 'a', FIXED_NOW - days(2)),
      sampleActivity('call.answered_by_agent', 'b', FIXED_NOW - minutes(5)),
      sampleActivity('call.missed_no_answer', 'c', FIXED_NOW - hours(16)),
      sampleActivity('call_invite.sent', 'd', FIXED_NOW - hours(1)),
    ];
    const { view } = setup({ activities });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Today',
      'Yesterday',
      'Sunday, March 1',
    ]);
    expect(rowTexts(view.container)).toEqual([
      'Picked up by Sam Lee after 4 s',
      'Call invite sent by Sam Lee',
      'Missed: no agent answered within 30 s',
      'The customer granted temporary call permission',
    ]);
  });

  it('shows a relative time, with the exact time as its title for hover and focus', () => {
    const { view } = setup({
      activities: [sampleActivity('call.unassigned', 'a', FIXED_NOW - minutes(5))],
    });
    const time = view.container.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-03-03T14:00:00.000Z');
    expect(time?.textContent).toBe('5 minutes ago');
    expect(time?.getAttribute('title')).toBe('Mar 3, 2026, 2:00 PM');
    expect(time?.getAttribute('tabindex')).toBe('0');
  });

  it('groups by the configured time zone, not the machine’s', () => {
    // 03:00 UTC on 3 March is still 2 March in New York.
    const early = sampleActivity('call.unassigned', 'a', Date.UTC(2026, 2, 3, 3, 0));
    render(
      <WacallMessagesProvider locale="en-US" timeZone="America/New_York">
        <ActivityTimeline activities={[early]} now={FIXED_NOW} />
      </WacallMessagesProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Yesterday');
  });

  it('has an empty state', () => {
    setup();
    expect(screen.getByText('No call activity yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });
});

describe('ActivityTimeline paging', () => {
  it('shows the latest 50, then reveals loaded older ones without a fetch', async () => {
    const onLoadMore = vi.fn(async () => {});
    const { view, user } = setup({ activities: history(60), onLoadMore });
    expect(rowCount(view.container)).toBe(50);
    await user.click(screen.getByRole('button', { name: 'Show older' }));
    expect(rowCount(view.container)).toBe(60);
    expect(onLoadMore).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('fetches when the loaded ones run out and more exist, with a pending and an error state', async () => {
    const load = deferred();
    const onLoadMore = vi.fn(() => load.promise);
    const { view, user } = setup({
      activities: history(20),
      pageSize: 10,
      hasMore: true,
      onLoadMore,
    });
    expect(rowCount(view.container)).toBe(10);
    await user.click(screen.getByRole('button', { name: 'Show older' }));
    expect(rowCount(view.container)).toBe(20);
    expect(onLoadMore).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Show older' }));
    expect(onLoadMore).toHaveBeenCalledOnce();
    expect(
      screen.getByRole('button', { name: 'Loading older activity…' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await act(async () => load.reject(new Error('offline')));
    expect(screen.getByRole('alert').textContent).toBe('Older activity could not be loaded.');
    expect(screen.getByRole('button', { name: 'Show older' })).toBeTruthy();
  });
});

describe('ActivityTimeline developer input', () => {
  it('rejects a page size that would never show anything', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() => setup({ activities: history(3), pageSize: 0 })).toThrow(
        'ActivityTimeline: pageSize must be a whole number of at least 1 (default 50); got 0.',
      );
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('ActivityTimeline announcements', () => {
  it('announces activities that arrive on top, but not the first render or older pages', () => {
    const initial = history(3);
    const { view, rerender } = setup({ activities: initial });
    const region = liveRegion(view.container);
    expect(region.textContent).toBe('');

    rerender({
      activities: [
        ...initial,
        ...history(2, FIXED_NOW - days(20)).map((a) => ({ ...a, id: `old-${a.id}` })),
      ],
    });
    expect(region.textContent).toBe('');

    const fresh = sampleActivity('call.missed_no_answer', 'fresh', FIXED_NOW - minutes(1));
    rerender({ activities: [fresh, ...initial] });
    expect(region.textContent).toBe('New activity: Missed: no agent answered within 30 s');
    expect(rowTexts(view.container)[0]).toBe('Missed: no agent answered within 30 s');
  });
});

describe('ActivityTimeline keyboard use', () => {
  it('is one tab stop; arrow keys, Home and End move between rows', async () => {
    const { view, user } = setup({ activities: history(4) });
    const times = [...view.container.querySelectorAll<HTMLElement>('time')];
    expect(times.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    await user.tab();
    expect(document.activeElement).toBe(times[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(times[2]);
    expect(times.map((t) => t.tabIndex)).toEqual([-1, -1, 0, -1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(times[3]);
    await user.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement).toBe(times[0]);
  });
});

describe('ActivityTimeline messages', () => {
  it('formats per kind from the table, in the provider’s locale', () => {
    render(
      <WacallMessagesProvider
        locale="de-DE"
        timeZone="UTC"
        messages={{
          timeline: { label: 'Anrufverlauf' },
          activityText: {
            'call.answered_by_agent': ({ seconds }, activity) =>
              `Angenommen von ${activity.actor?.name} nach ${seconds} s`,
          },
        }}
      >
        <ActivityTimeline
          now={FIXED_NOW}
          activities={[
            sampleActivity('call.answered_by_agent', 'a', FIXED_NOW - minutes(5)),
            sampleActivity('call.unassigned', 'b', FIXED_NOW - minutes(9)),
          ]}
        />
      </WacallMessagesProvider>,
    );
    expect(screen.getByRole('region', { name: 'Anrufverlauf' })).toBeTruthy();
    expect(screen.getByRole('heading').textContent).toBe('Heute');
    expect(screen.getByText('Angenommen von Sam Lee nach 4 s')).toBeTruthy();
    // Kinds the table leaves out keep the activity's own text.
    expect(screen.getByText('The call was not assigned to any agent')).toBeTruthy();
    expect(screen.getByText(/vor 5 Minuten/)).toBeTruthy();
  });
});
