import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { deferred, descriptionOf, liveRegion } from '../../test/render';
import { renderStable } from '../../test/render-stable';
import { presence } from '../fixtures/call-log';
import { AgentPresence, isForcedBusy } from './agent-presence';

const checked = () => (screen.getAllByRole('radio') as HTMLInputElement[]).find((r) => r.checked);

describe('AgentPresence', () => {
  it('shows the choice while it saves, and keeps it until the host’s presence catches up', async () => {
    const save = deferred();
    const onChange = vi.fn(() => save.promise);
    const { container, rerender } = renderStable(
      <AgentPresence presence={presence('available')} onChange={onChange} />,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Away' }));
    expect(onChange).toHaveBeenCalledWith('away');
    expect(checked()?.value).toBe('away');
    expect(liveRegion(container).textContent).toBe('Saving your status…');
    await act(async () => save.resolve());
    expect(checked()?.value).toBe('away');
    expect(liveRegion(container).textContent).toBe('Your status is Away.');
    rerender(<AgentPresence presence={presence('busy')} onChange={onChange} />);
    expect(checked()?.value).toBe('busy');
  });

  it('ignores another choice while one is saving', () => {
    const onChange = vi.fn(() => new Promise<void>(() => {}));
    renderStable(<AgentPresence presence={presence('available')} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Away' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Busy' }));
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('locks the choice and says why while routing holds the agent busy', () => {
    const { container } = renderStable(
      <AgentPresence presence={{ status: 'busy', chosen: 'away' }} onChange={() => {}} />,
    );
    const group = container.querySelector('fieldset')!;
    expect(group.disabled).toBe(true);
    expect(group.getAttribute('data-state')).toBe('in-call');
    expect(descriptionOf(group)).toBe(
      'Busy while you are in a call; you go back to Away when it ends.',
    );
    expect(checked()?.value).toBe('busy');
  });
});

describe('isForcedBusy', () => {
  it('is true in a call or when routing overrides the choice, and false for a chosen busy', () => {
    expect(isForcedBusy({ status: 'busy', chosen: 'busy', callId: 'wacid.1' })).toBe(true);
    expect(isForcedBusy({ status: 'busy', chosen: 'available' })).toBe(true);
    expect(isForcedBusy({ status: 'busy', chosen: 'busy' })).toBe(false);
    expect(isForcedBusy({ status: 'away', chosen: 'away' })).toBe(false);
  });
});
