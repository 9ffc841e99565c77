import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { deferred, liveRegion } from '../../test/render';
import { renderStable } from '../../test/render-stable';
import { callLog } from '../fixtures/call-log';
import { CallLog } from './call-log';

describe('CallLog', () => {
  it('announces a refetch as loading, then the fresh list', () => {
    const { container, rerender } = renderStable(<CallLog calls={callLog(5)} />);
    expect(liveRegion(container).textContent).toBe('');
    rerender(<CallLog calls={callLog(5)} loading />);
    expect(liveRegion(container).textContent).toBe('Loading calls…');
    expect(container.querySelector('.wacall-call-log')?.getAttribute('aria-busy')).toBe('true');
    rerender(<CallLog calls={callLog(1, 3)} />);
    expect(liveRegion(container).textContent).toBe('1 call shown.');
  });

  it('tells older calls added below from new calls on top', () => {
    const { container, rerender } = renderStable(<CallLog calls={callLog(3)} />);
    rerender(<CallLog calls={callLog(5)} />);
    expect(liveRegion(container).textContent).toBe('2 more calls loaded, 5 shown.');
    rerender(<CallLog calls={[...callLog(1, 0, Date.UTC(2026, 2, 4)), ...callLog(5)]} />);
    expect(liveRegion(container).textContent).toBe('1 new call.');
  });

  it('keeps the calls when a refresh fails, with the reason and a retry', () => {
    const onRetry = vi.fn();
    renderStable(<CallLog calls={callLog(2)} error="The network is down." onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain(
      'The calls could not be loaded: The network is down.',
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows no chips without onFilterChange, and no load-more button without hasMore', () => {
    renderStable(<CallLog calls={callLog(2)} onLoadMore={() => {}} />);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load more calls' })).toBeNull();
  });

  it('follows a host’s own loadingMore flag', () => {
    const onLoadMore = vi.fn();
    renderStable(<CallLog calls={callLog(2)} hasMore onLoadMore={onLoadMore} loadingMore />);
    const more = screen.getByRole('button', { name: 'Loading more calls…' });
    fireEvent.click(more);
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('reads an outcome a newer core adds by its raw name', () => {
    const [call] = callLog(1, 2);
    renderStable(<CallLog calls={[{ ...call!, outcome: 'transferred' as never }]} />);
    expect(screen.getByText('transferred')).toBeTruthy();
  });

  it('runs one load at a time', async () => {
    const load = deferred();
    const onLoadMore = vi.fn(() => load.promise);
    renderStable(<CallLog calls={callLog(2)} hasMore onLoadMore={onLoadMore} />);
    const more = screen.getByRole('button', { name: 'Load more calls' });
    fireEvent.click(more);
    fireEvent.click(more);
    expect(onLoadMore).toHaveBeenCalledOnce();
    await act(async () => load.resolve());
    expect(more.textContent).toBe('Load more calls');
  });
});
