import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Activity } from '@wacall/core';
import { expect, fn, waitFor } from 'storybook/test';
import { everyKind, history, sampleActivity } from '../fixtures/activities';
import { FIXED_NOW, hours, minutes } from '../fixtures/clock';
import { WacallMessagesProvider } from '../i18n/messages-context';
import type { WacallMessagesOverride } from '../i18n/messages';
import { ActivityTimeline, type ActivityTimelineProps } from './activity-timeline';

const meta = {
  title: 'Components/ActivityTimeline',
  component: ActivityTimeline,
  args: { activities: everyKind, now: FIXED_NOW, onLoadMore: fn(async () => {}) },
} satisfies Meta<typeof ActivityTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (root: HTMLElement) => root.querySelectorAll('.wacall-activity');

export const Empty: Story = {
  args: { activities: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No call activity yet.')).toBeVisible();
  },
};

export const One: Story = {
  args: { activities: [sampleActivity('call.answered_by_agent', 'one', FIXED_NOW - minutes(5))] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Picked up by Sam Lee after 4 s')).toBeVisible();
    await expect(canvas.getByText('5 minutes ago')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Today' })).toBeVisible();
  },
};

/** One of each kind, across two days; the rows are one tab stop, arrow keys move between them. */
export const EveryKind: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(rows(canvasElement)).toHaveLength(everyKind.length);
    await expect(canvas.getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'Today',
      'Yesterday',
    ]);
    const times = [...canvasElement.querySelectorAll<HTMLElement>('time')];
    await userEvent.tab();
    await expect(times[0]).toHaveFocus();
    await expect(times[0]).toHaveAttribute('title', 'Mar 3, 2026, 1:58 PM');
    await userEvent.keyboard('{ArrowDown}');
    await expect(times[1]).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(times.at(-1)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(times[0]).toHaveFocus();
  },
};

// Holds the list like a host would: "Show older" fetches one more page of 30 older activities.
function Paged(args: ActivityTimelineProps) {
  const [activities, setActivities] = useState<Activity[]>(() => history(60));
  const [hasMore, setHasMore] = useState(true);
  return (
    <ActivityTimeline
      {...args}
      activities={activities}
      hasMore={hasMore}
      onLoadMore={async () => {
        await args.onLoadMore?.();
        setActivities((current) => [
          ...current,
          ...history(30, FIXED_NOW - hours(3 * 60), hours(3)).map(older),
        ]);
        setHasMore(false);
      }}
    />
  );
}

const older = (activity: Activity): Activity => ({ ...activity, id: `older-${activity.id}` });

/** 60 loaded and more on the server: 50 show, "Show older" reveals the rest and fetches the next page. */
export const FiftyPlusWithLoadMore: Story = {
  name: '50+ with load more',
  render: (args) => <Paged {...args} />,
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    await expect(rows(canvasElement)).toHaveLength(50);
    await userEvent.click(canvas.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(90));
    await expect(args.onLoadMore).toHaveBeenCalledOnce();
    await expect(canvas.queryByRole('button', { name: 'Show older' })).toBeNull();
    await expect(canvasElement.querySelectorAll('time')[50]).toHaveFocus();
  },
};

// A host pushes a new activity when its socket says so; here a button stands in for the socket.
function Live(args: ActivityTimelineProps) {
  const [activities, setActivities] = useState<Activity[]>(() => history(5));
  return (
    <>
      <button
        type="button"
        className="wacall-button"
        onClick={() =>
          setActivities((current) => [
            sampleActivity('call.missed_no_answer', 'fresh', FIXED_NOW - minutes(1)),
            ...current,
          ])
        }
      >
        Simulate a new activity
      </button>
      <ActivityTimeline {...args} activities={activities} />
    </>
  );
}

/** A new activity is announced politely. */
export const NewActivityAnnounced: Story = {
  render: (args) => <Live {...args} />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const region = canvasElement.querySelector('.wacall-timeline [role="status"]');
    await expect(region).toHaveTextContent('');
    await userEvent.click(canvas.getByRole('button', { name: 'Simulate a new activity' }));
    await expect(region).toHaveTextContent('New activity: Missed: no agent answered within 30 s');
    await expect(rows(canvasElement)[0]).toHaveAttribute('data-kind', 'call.missed_no_answer');
  },
};

const arabic: WacallMessagesOverride = {
  timeline: {
    label: 'سجل المكالمات',
    empty: 'لا يوجد نشاط بعد.',
    showOlder: 'عرض الأقدم',
    loadingOlder: 'جارٍ تحميل النشاط الأقدم…',
    loadFailed: 'تعذّر تحميل النشاط الأقدم.',
    newActivity: ({ text }) => `نشاط جديد: ${text}`,
  },
  activityText: {
    'call.answered_by_agent': (_, activity) =>
      `ردّ ${activity.actor?.name ?? 'أحد الوكلاء'} على المكالمة`,
    'call.ended_by_customer': () => 'أنهى العميل المكالمة',
    'call.missed_no_answer': () => 'مكالمة فائتة: لم يرد أي وكيل',
    'permission.granted': () => 'منح العميل إذن الاتصال',
    'permission_request.sent': (_, activity) =>
      `أرسل ${activity.actor?.name ?? 'أحد الوكلاء'} طلب إذن بالاتصال`,
  },
};

const arabicActivities: Activity[] = [
  sampleActivity('call.ended_by_customer', 'rtl-1', FIXED_NOW - minutes(12)),
  sampleActivity('call.answered_by_agent', 'rtl-2', FIXED_NOW - minutes(18)),
  sampleActivity('permission.granted', 'rtl-3', FIXED_NOW - hours(3)),
  sampleActivity('permission_request.sent', 'rtl-4', FIXED_NOW - hours(26)),
  sampleActivity('call.missed_no_answer', 'rtl-5', FIXED_NOW - hours(27)),
];

/** Right to left, in Arabic: the layout mirrors through logical properties alone. */
export const RightToLeft: Story = {
  args: { activities: arabicActivities, hasMore: true },
  render: (args) => (
    <div dir="rtl" lang="ar">
      <WacallMessagesProvider locale="ar" messages={arabic}>
        <ActivityTimeline {...args} />
      </WacallMessagesProvider>
    </div>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('مكالمة فائتة: لم يرد أي وكيل')).toBeVisible();
    const row = rows(canvasElement)[0] as HTMLElement;
    const icon = row.querySelector('.wacall-activity__icon') as HTMLElement;
    const time = row.querySelector('time') as HTMLElement;
    // In RTL the icon sits on the right and the time on the left.
    await expect(icon.getBoundingClientRect().left).toBeGreaterThan(
      time.getBoundingClientRect().left,
    );
  },
};

const afterCall: Activity[] = [
  sampleActivity('call.transcript_available', 'files-1', FIXED_NOW - minutes(2)),
  sampleActivity('call.recording_available', 'files-2', FIXED_NOW - minutes(3)),
  sampleActivity('call.ended_by_customer', 'files-3', FIXED_NOW - minutes(4)),
];

/** The files Meta made of a call, each with its action; the host plays or opens them. */
export const RecordingAndTranscript: Story = {
  args: {
    activities: afterCall,
    onPlayRecording: fn(async () => {}),
    onOpenTranscript: fn(async () => {
      throw new Error('offline');
    }),
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Play recording' }));
    await expect(args.onPlayRecording).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'call.recording_available',
        params: { mediaId: '1290384756102938', mimeType: 'audio/ogg; codecs=opus' },
      }),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Open transcript' }));
    await expect(args.onOpenTranscript).toHaveBeenCalledOnce();
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'That did not work. Try again.',
    );
  },
};

/** Without the callbacks the same rows carry no buttons. */
export const RecordingWithoutActions: Story = {
  args: { activities: afterCall },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Call recording available')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

const gallery: Array<[string, readonly Activity[]]> = [
  ['Empty', []],
  ['One', [sampleActivity('permission.granted', 'g-1', FIXED_NOW - minutes(2))]],
  ['Every kind', everyKind],
  ['After a recorded call', afterCall],
];

export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid">
      {gallery.map(([title, activities]) => (
        <div key={title} className="story-cell">
          <h2 className="story-cell__title">{title}</h2>
          <ActivityTimeline
            {...args}
            activities={activities}
            messages={{ timeline: { label: `Call activity: ${title}` } }}
          />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.wacall-timeline')).toHaveLength(gallery.length);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
