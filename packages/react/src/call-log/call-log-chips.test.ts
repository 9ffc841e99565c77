import { describe, expect, it } from 'vitest';
import { callLogChips, chipTarget } from './call-log-chips';

const values = (filter: Parameters<typeof callLogChips>[0], group: 'direction' | 'status') =>
  callLogChips(filter)
    .filter((chip) => chip.group === group)
    .map((chip) => chip.value);

describe('callLogChips', () => {
  it('offers each direction’s own statuses, and every status under all directions', () => {
    expect(values({ direction: 'incoming' }, 'status')).toEqual([
      'all',
      'ringing',
      'ongoing',
      'completed',
      'missed',
      'declined',
      'disconnected',
    ]);
    expect(values({ direction: 'business_initiated' }, 'status')).toEqual([
      'all',
      'calling',
      'ringing',
      'ongoing',
      'completed',
      'unanswered',
      'declined',
      'disconnected',
    ]);
    expect(values({}, 'status')).toHaveLength(9);
  });

  it('keeps the other fields and the direction’s spelling, and never writes undefined keys', () => {
    const chips = callLogChips({ direction: 'user_initiated', agentId: 'agent-7', since: 5 });
    const missed = chips.find((chip) => chip.group === 'status' && chip.value === 'missed')!;
    expect(missed.filter).toEqual({
      direction: 'user_initiated',
      status: 'missed',
      agentId: 'agent-7',
      since: 5,
    });
    const all = chips.find((chip) => chip.group === 'direction' && chip.value === 'all')!;
    expect(Object.keys(all.filter).sort()).toEqual(['agentId', 'since']);
    expect(chips.find((chip) => chip.pressed && chip.group === 'direction')?.value).toBe(
      'incoming',
    );
  });

  it('drops a status the other direction does not have when switching, and keeps a shared one', () => {
    const chips = callLogChips({ direction: 'incoming', status: 'missed' });
    const outgoing = chips.find((chip) => chip.value === 'outgoing')!;
    expect(outgoing.filter).toEqual({ direction: 'outgoing' });
    const shared = callLogChips({ direction: 'incoming', status: 'declined' });
    expect(shared.find((chip) => chip.value === 'outgoing')!.filter).toEqual({
      direction: 'outgoing',
      status: 'declined',
    });
  });

  it('lets a pressed chip go back to its group’s All', () => {
    const chips = callLogChips({ direction: 'outgoing', status: 'unanswered' });
    const pressedStatus = chips.find((chip) => chip.value === 'unanswered')!;
    expect(chipTarget(chips, pressedStatus)).toEqual({ direction: 'outgoing' });
    const pressedDirection = chips.find((chip) => chip.value === 'outgoing')!;
    expect(chipTarget(chips, pressedDirection)).toEqual({ status: 'unanswered' });
  });
});
