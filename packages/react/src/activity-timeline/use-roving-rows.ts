import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { Activity } from '@wacall/core';

const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);
const ROW_SELECTOR = '[data-roving]';

/**
 * One tab stop for the whole list: the last focused row (or the first) is tabbable, and arrow keys,
 * Home and End move between rows, so "Show older" is one Tab away rather than fifty.
 */
export function useRovingRows(visible: readonly Activity[]) {
  const listRef = useRef<HTMLOListElement>(null);
  const [activeId, setActiveId] = useState<string>();
  const focusId =
    activeId !== undefined && visible.some((a) => a.id === activeId) ? activeId : visible[0]?.id;
  const onFocusItem = useCallback((id: string) => setActiveId(id), []);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (!NAV_KEYS.has(event.key)) return;
    const rows = rowsIn(listRef.current);
    const index = rows.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const last = rows.length - 1;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? last
          : Math.min(last, Math.max(0, index + step));
    rows[next]?.focus();
  };

  /** Focuses row `index` (clamped) unless something else on the page already has focus. */
  const focusRowIfIdle = useCallback((index: number) => {
    const rows = rowsIn(listRef.current);
    const target = rows[Math.min(index, rows.length - 1)];
    const active = document.activeElement;
    if (target && (!active || active === document.body)) target.focus();
  }, []);

  return { listRef, focusId, onFocusItem, onKeyDown, focusRowIfIdle };
}

function rowsIn(list: HTMLElement | null): HTMLElement[] {
  return Array.from(list?.querySelectorAll<HTMLElement>(ROW_SELECTOR) ?? []);
}
