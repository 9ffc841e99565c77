import { useMemo } from 'react';
import type { CallLogFilter } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import { statusLabel } from '../call-status-badge/status-meta';
import {
  callLogChips,
  chipDirection,
  chipTarget,
  type CallLogChip,
  type CallLogCounts,
} from './call-log-chips';

export interface CallLogFiltersProps {
  filter: CallLogFilter;
  counts?: CallLogCounts;
  onFilterChange: (filter: CallLogFilter) => void;
  messages: WacallMessages;
  locale: string;
}

/** Two rows of toggle chips, direction then status, each with its count when the host knows it. */
export function CallLogFilters({
  filter,
  counts,
  onFilterChange,
  messages,
  locale,
}: CallLogFiltersProps) {
  const text = messages.callLog;
  const chips = useMemo(() => callLogChips(filter), [filter]);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  const label = (chip: CallLogChip): string => {
    if (chip.value === 'all') return text.all;
    if (chip.group === 'direction') return text[chip.value];
    // Under "All" directions a shared status reads in incoming words; the table's badge names its direction.
    const direction =
      chipDirection(chip.filter.direction) === 'outgoing' ? 'business_initiated' : 'user_initiated';
    return statusLabel(messages, chip.value, direction);
  };
  const count = (chip: CallLogChip): number | undefined =>
    chip.group === 'direction' ? counts?.direction?.[chip.value] : counts?.status?.[chip.value];

  const group = (name: CallLogChip['group'], title: string) => (
    <div className="wacall-call-log__chips" role="group" aria-label={title}>
      <span className="wacall-call-log__chips-label" aria-hidden="true">
        {title}
      </span>
      {chips
        .filter((chip) => chip.group === name)
        .map((chip) => {
          const n = count(chip);
          const formatted = n === undefined ? undefined : number.format(n);
          return (
            <button
              key={chip.value}
              type="button"
              className="wacall-chip"
              data-group={chip.group}
              data-value={chip.value}
              aria-pressed={chip.pressed}
              // The name holds the visible label and number as shown, so voice control finds the chip by them.
              aria-label={
                n === undefined
                  ? undefined
                  : text.chipLabel({ label: label(chip), count: n, formatted: formatted! })
              }
              onClick={() => onFilterChange(chipTarget(chips, chip))}
            >
              <span>{label(chip)}</span>
              {formatted !== undefined && (
                <>
                  {' '}
                  <span className="wacall-chip__count">{formatted}</span>
                </>
              )}
            </button>
          );
        })}
    </div>
  );

  return (
    <div className="wacall-call-log__filters">
      {group('direction', text.directionFilter)}
      {group('status', text.statusFilter)}
    </div>
  );
}
