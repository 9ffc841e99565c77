// The shared webhook fixture corpus, parsed by the real parser, played through the lifecycle.
import { describe, expect, it } from 'vitest';
import type { WebhookFixtureName } from '../../test/fixtures/index';
import { readFixture } from '../../test/fixtures/index';
import { parseWebhook } from '../webhooks/parse-webhook';
import { isCallEvent } from './apply-call-event';
import type { Step } from '../../test/support/test-events';
import { panel, story } from '../../test/support/test-events';

/** The call events of fixtures, in the order given. */
function eventsOf(...names: WebhookFixtureName[]): Step[] {
  return names.flatMap((name) => parseWebhook(readFixture(name)).events.filter(isCallEvent));
}

const ana = { id: 'agent-7', name: 'Priya' };
const seconds = (epochSeconds: number) => epochSeconds * 1000;

describe('fixture stories', () => {
  it('incoming call answered by an agent after 12 s, 4:08 of talk', () => {
    const [connect, terminate] = eventsOf('call-connect-incoming', 'call-terminate-completed');
    if (!connect || !terminate || !('callId' in connect)) throw new Error('fixtures changed');
    const answered: Step = {
      callId: connect.callId,
      kind: 'answered',
      agent: ana,
      at: seconds(1767268812),
    };
    const { record, activities, summary } = story([connect, answered, terminate]);
    expect(record).toMatchObject({
      direction: 'user_initiated',
      status: 'completed',
      customer: { waId: '13055550123', userId: 'US.13491208655302741918' },
      businessNumber: '15550783881',
      durationSeconds: 248,
      agent: ana,
    });
    expect(panel(activities).map((a) => a.text)).toEqual([
      'Picked up by Priya after 12 s',
      'Ended by the customer after 4:08',
    ]);
    expect(summary).toMatchObject({ from: '13055550123', to: '15550783881', outcome: 'completed' });
  });

  it('incoming call missed (its connect has no direction field)', () => {
    const { record, activities, summary } = story(
      eventsOf('call-connect-incoming-no-direction', 'call-terminate-unanswered'),
    );
    expect(record).toMatchObject({
      direction: 'user_initiated',
      status: 'missed',
      endedBy: 'platform',
    });
    expect(activities.map((a) => a.text)).toEqual(['Missed: no agent answered within 45 s']);
    expect(summary.outcome).toBe('missed');
  });

  it('outgoing call answered, then dropped on the agent’s side (138021 in both error places)', () => {
    const steps = eventsOf(
      'call-connect-outgoing',
      'call-status-ringing',
      'call-status-accepted',
      'call-terminate-failed-both-errors',
    );
    const { record, activities, summary } = story(steps);
    expect(record).toMatchObject({
      status: 'disconnected',
      endedBy: 'network',
      durationSeconds: 93,
      bizOpaqueCallbackData: 'ticket:48213;agent:7',
    });
    expect(record.errors.map((error) => error.code)).toEqual([138021]);
    expect(activities.map((a) => a.text)).toEqual([
      'Picked up by the customer after 9 s',
      'Dropped after 1:33: network problem on the agent’s side (error 138021)',
    ]);
    expect(summary.outcome).toBe('dropped');
  });

  it('outgoing call declined by the customer', () => {
    const { record, activities, summary } = story(
      eventsOf(
        'call-connect-outgoing-legacy-connection',
        'call-status-rejected',
        'call-terminate-outgoing-rejected',
      ),
    );
    expect(record).toMatchObject({ status: 'declined', endedBy: 'customer' });
    expect(activities.map((a) => a.text)).toEqual(['Rejected by the customer after 6 s']);
    expect(summary.outcome).toBe('rejected');
  });

  it('outgoing call that never set up (138019, documented error place)', () => {
    const { record, activities } = story(eventsOf('call-terminate-failed-value-errors'));
    expect(record).toMatchObject({ status: 'disconnected', outcome: 'dropped' });
    expect(activities.map((a) => a.text)).toEqual([
      'Dropped: network problem on the customer’s side (error 138019)',
    ]);
  });

  it('outgoing call to a username-only customer, rejected by an undocumented terminate status', () => {
    const { record, activities, summary } = story(
      eventsOf(
        'call-status-unknown-value',
        'call-status-ringing-username-only',
        'call-terminate-status-rejected',
      ),
    );
    expect(record).toMatchObject({
      status: 'declined',
      customer: { userId: 'BR.20394857201938475610' },
    });
    expect(activities).toMatchObject([
      { customer: 'BR.20394857201938475610', text: 'Rejected by the customer after 10 s' },
    ]);
    expect(summary).toMatchObject({ to: 'BR.20394857201938475610', outcome: 'rejected' });
  });
});
