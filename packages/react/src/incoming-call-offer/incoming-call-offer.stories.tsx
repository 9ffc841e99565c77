import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { callOffer } from '../fixtures/call-log';
import { FIXED_NOW, seconds } from '../fixtures/clock';
import { IncomingCallOffer } from './incoming-call-offer';

const never = () => new Promise<void>(() => {});

const meta = {
  title: 'Components/IncomingCallOffer',
  component: IncomingCallOffer,
  args: {
    offer: callOffer(20),
    ringingAt: FIXED_NOW - seconds(12),
    now: FIXED_NOW,
    onAccept: fn(async () => {}),
    onDecline: fn(async () => {}),
  },
} satisfies Meta<typeof IncomingCallOffer>;

export default meta;
type Story = StoryObj<typeof meta>;

const root = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('.wacall-offer')!;

/** Ringing: who, how long they have waited, how long it still rings; announced as an alert. */
export const Ringing: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('region', { name: 'Incoming call Ana García' })).toBeVisible();
    await expect(canvas.getByText('Ana García')).toBeVisible();
    await expect(canvas.getByText('+34600111222')).toBeVisible();
    await expect(canvas.getByText('Waiting 0:12')).toBeVisible();
    await expect(canvas.getByText('Rings for 0:20 more')).toBeVisible();
    await expect(canvas.getByRole('alert')).toHaveTextContent('Incoming call from Ana García.');
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'ringing');
  },
};

/** The ring never takes focus, and Escape neither answers nor declines. */
export const EscapeDoesNotAnswer: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('button', { name: 'Answer' })).not.toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Answer' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await userEvent.tab();
    await userEvent.keyboard('{Escape}');
    await expect(args.onAccept).not.toHaveBeenCalled();
    await expect(args.onDecline).not.toHaveBeenCalled();
  },
};

/** Five seconds or less left: the ring turns urgent and says so once. */
export const AboutToExpire: Story = {
  args: { offer: callOffer(4) },
  play: async ({ canvas, canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'expiring');
    await expect(canvas.getByText('Rings for 0:04 more')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('5 seconds left to answer.');
  },
};

/** Its time is up: the call is passing to someone else. */
export const Expired: Story = {
  args: { offer: callOffer(-1) },
  play: async ({ canvas, canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'expired');
    await expect(
      canvas.getByText('Time is up: the call is passing to another agent.', {
        selector: '.wacall-offer__left',
      }),
    ).toBeVisible();
  },
};

/** Answering: both buttons busy, a second press does nothing. */
export const Answering: Story = {
  args: { onAccept: fn(never) },
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Answer' }));
    const answering = canvas.getByRole('button', { name: 'Answering…' });
    await expect(answering).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: 'Decline' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Decline' }));
    await userEvent.click(answering);
    await expect(args.onAccept).toHaveBeenCalledOnce();
    await expect(args.onAccept).toHaveBeenCalledWith(args.offer);
    await expect(args.onDecline).not.toHaveBeenCalled();
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'accepting');
    await expect(canvas.getByRole('status')).toHaveTextContent('Answering…');
  },
};

/** Declining passes the call on. */
export const Declining: Story = {
  args: { onDecline: fn(never) },
  play: async ({ canvas, canvasElement, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Decline' }));
    await expect(canvas.getByRole('button', { name: 'Declining…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(args.onDecline).toHaveBeenCalledWith(args.offer);
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'declining');
  },
};

/** Another agent was faster: the refusal is shown, and the agent can still decline or retry. */
export const AnswerFailed: Story = {
  args: {
    onAccept: fn(async () => {
      throw new Error('Another agent already took this call.');
    }),
  },
  play: async ({ canvas, userEvent }) => {
    const answer = canvas.getByRole('button', { name: 'Answer' });
    await userEvent.click(answer);
    await expect(
      await canvas.findByText(
        'The call could not be answered. Another agent already took this call.',
      ),
    ).toBeVisible();
    await expect(answer).toHaveAccessibleDescription(
      'The call could not be answered. Another agent already took this call.',
    );
    await expect(canvas.getByRole('status')).toHaveTextContent('The call could not be answered.');
  },
};

/** A customer known by number only. */
export const NumberOnly: Story = {
  args: { offer: callOffer(20, { waId: '5511987654321' }) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('+5511987654321')).toBeVisible();
    await expect(canvas.getByRole('alert')).toHaveTextContent('Incoming call from +5511987654321.');
  },
};

/** Every state side by side. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div className="story-grid">
      {(
        [
          ['Ringing', {}],
          [
            'About to expire',
            { offer: callOffer(3, { waId: '447700900123', name: 'Oliver Smith' }) },
          ],
          ['Expired', { offer: callOffer(-2, { waId: '5511987654321' }) }],
        ] as const
      ).map(([title, props]) => (
        <div key={title} className="story-cell">
          <p className="story-cell__title">{title}</p>
          <IncomingCallOffer {...args} {...props} headingLevel={3} />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll('.wacall-offer')].map((offer) =>
      offer.getAttribute('data-state'),
    );
    await expect(states).toEqual(['ringing', 'expiring', 'expired']);
  },
};

export const AllStatesDark: Story = {
  ...AllStates,
  name: 'All states (dark)',
  globals: { theme: 'dark' },
};
