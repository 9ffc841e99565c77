import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { emptyTranscript, supportCallTranscript } from '../fixtures/transcripts';
import { CallTranscript, type CallTranscriptProps } from './call-transcript';

const meta = {
  title: 'Components/CallTranscript',
  component: CallTranscript,
  args: { transcript: supportCallTranscript },
} satisfies Meta<typeof CallTranscript>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Conversation: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading', { name: 'Call transcript' })).toBeVisible();
    await expect(canvas.getByText('en_US · 1:08')).toBeVisible();
    const rows = [...canvasElement.querySelectorAll('.wacall-transcript__segment')];
    await expect(rows.map((row) => row.getAttribute('data-speaker'))).toEqual([
      'business',
      'customer',
      'business',
      'customer',
      'business',
    ]);
    await expect(rows[0]).toHaveTextContent(
      'Agent0:00Hello, this is Sam from Acme support. How can I help?',
    );
    await expect(rows[4]).toHaveTextContent('Agent1:02');
  },
};

export const Loading: Story = {
  args: { transcript: undefined, status: 'loading' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading the transcript…');
  },
};

export const Failed: Story = {
  args: { transcript: undefined, status: 'error' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'The transcript could not be loaded.',
    );
  },
};

/** An unsupported language: Meta still sends the transcript, with nothing in it. */
export const Empty: Story = {
  args: { transcript: emptyTranscript },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText('Nothing was transcribed (the language may not be supported).'),
    ).toBeVisible();
  },
};

const gallery: Array<[string, CallTranscriptProps]> = [
  ['Conversation', { transcript: supportCallTranscript }],
  ['Loading', { status: 'loading' }],
  ['Failed', { status: 'error' }],
  ['Empty', { transcript: emptyTranscript }],
];

/** Every state side by side; each section is named after its state, so the landmarks stay distinct. */
export const AllStates: Story = {
  render: () => (
    <div className="story-grid">
      {gallery.map(([title, props]) => (
        <div key={title} className="story-cell">
          <CallTranscript
            {...props}
            headingLevel={2}
            messages={{ transcript: { label: `Call transcript: ${title}` } }}
          />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('.wacall-transcript')].map((section) =>
      section.getAttribute('data-state'),
    );
    await expect(states).toEqual(['filled', 'loading', 'error', 'empty']);
  },
};
