import type {
  CallLogDirection,
  CallLogFilter,
  CallStatus,
  IncomingCallStatus,
  OutgoingCallStatus,
} from '@wacall/core';

/** The direction chips: every call, or one direction in the product's words. */
export type CallLogDirectionChip = 'all' | 'incoming' | 'outgoing';

/** The status chips: every status, or one of the product's labels. */
export type CallLogStatusChip = 'all' | CallStatus;

/**
 * One filter chip of `CallLog`. `filter` is what pressing it selects (the other fields of the current
 * filter kept), so its count is `wacall.countCalls(filter)`.
 */
export type CallLogChip =
  | { group: 'direction'; value: CallLogDirectionChip; filter: CallLogFilter; pressed: boolean }
  | { group: 'status'; value: CallLogStatusChip; filter: CallLogFilter; pressed: boolean };

/** How many calls each chip would show; a chip without a number shows none. */
export interface CallLogCounts {
  direction?: Partial<Record<CallLogDirectionChip, number>>;
  status?: Partial<Record<CallLogStatusChip, number>>;
}

// The product's labels per direction, in its order (spec: "call statuses shown as labels and usable as filters").
const incoming: readonly IncomingCallStatus[] = [
  'ringing',
  'ongoing',
  'completed',
  'missed',
  'declined',
  'disconnected',
];
const outgoing: readonly OutgoingCallStatus[] = [
  'calling',
  'ringing',
  'ongoing',
  'completed',
  'unanswered',
  'declined',
  'disconnected',
];
const either: readonly CallStatus[] = [
  'calling',
  'ringing',
  'ongoing',
  'completed',
  'missed',
  'unanswered',
  'declined',
  'disconnected',
];

/** The statuses a direction chip offers. */
export function chipStatuses(direction: CallLogDirectionChip): readonly CallStatus[] {
  return direction === 'incoming' ? incoming : direction === 'outgoing' ? outgoing : either;
}

/** A filter's direction as a chip, whichever spelling it uses (`incoming` or `user_initiated`). */
export function chipDirection(direction: CallLogDirection | undefined): CallLogDirectionChip {
  if (direction === 'incoming' || direction === 'user_initiated') return 'incoming';
  if (direction === 'outgoing' || direction === 'business_initiated') return 'outgoing';
  return 'all';
}

// Leaves absent keys out rather than `undefined`, so a filter serialises to the query the host expects.
function narrowed(
  filter: CallLogFilter,
  direction: CallLogDirection | undefined,
  status: CallStatus | undefined,
): CallLogFilter {
  const next: CallLogFilter = { ...filter };
  delete next.direction;
  delete next.status;
  if (direction) next.direction = direction;
  if (status) next.status = status;
  return next;
}

/**
 * The chips `CallLog` shows for a filter, direction chips first: what each selects and whether it is
 * pressed. Use it to count them (`wacall.countCalls(chip.filter)`) for the `counts` prop.
 */
export function callLogChips(filter: CallLogFilter = {}): CallLogChip[] {
  const direction = chipDirection(filter.direction);
  const { status } = filter;
  const chips: CallLogChip[] = (['all', 'incoming', 'outgoing'] as const).map((value) => {
    // A status the other direction does not have (missed, unanswered, calling) is dropped with the switch.
    const keep = status && chipStatuses(value).includes(status) ? status : undefined;
    const spelled = value === direction ? filter.direction : value === 'all' ? undefined : value;
    return {
      group: 'direction',
      value,
      pressed: value === direction,
      filter: narrowed(filter, spelled, keep),
    };
  });
  chips.push({
    group: 'status',
    value: 'all',
    pressed: status === undefined,
    filter: narrowed(filter, filter.direction, undefined),
  });
  for (const value of chipStatuses(direction)) {
    chips.push({
      group: 'status',
      value,
      pressed: value === status,
      filter: narrowed(filter, filter.direction, value),
    });
  }
  return chips;
}

/** What pressing a chip selects: a pressed chip other than "All" lets go, back to its group's "All". */
export function chipTarget(chips: readonly CallLogChip[], chip: CallLogChip): CallLogFilter {
  if (!chip.pressed || chip.value === 'all') return chip.filter;
  return chips.find((other) => other.group === chip.group && other.value === 'all')!.filter;
}
