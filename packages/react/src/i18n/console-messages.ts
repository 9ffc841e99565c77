import type { CallOutcome, PresenceStatus } from '@wacall/core';

/** `CallLog`: the helpdesk's calls across every customer, with filter chips and paging. */
export interface CallLogMessages {
  /** The table's caption and the list's name. */
  label: string;
  directionFilter: string;
  statusFilter: string;
  /** The chip that clears its group ("All" directions, "All" statuses). */
  all: string;
  /** Short direction words for the chips and the direction column. */
  incoming: string;
  outgoing: string;
  /**
   * A chip's name when it shows a count, e.g. "Missed 12 calls": keep the label and the number as
   * they show (`formatted`), so voice control finds the chip by what it says.
   */
  chipLabel: (p: { label: string; count: number; formatted: string }) => string;
  columns: {
    direction: string;
    status: string;
    customer: string;
    agent: string;
    started: string;
    duration: string;
    outcome: string;
  };
  /** The final word on a finished call (the product's Completed, Missed, Rejected, Dropped). */
  outcome: Record<CallOutcome, string>;
  /** Read in place of an empty cell. */
  noAgent: string;
  noDuration: string;
  noOutcome: string;
  empty: string;
  noMatch: string;
  clearFilters: string;
  loading: string;
  failed: (p: { error?: string }) => string;
  retry: string;
  loadMore: string;
  loadingMore: string;
  loadMoreFailed: string;
  /** Live-region lines: a fresh list, older calls added below, new calls arriving on top. */
  shown: (p: { count: number }) => string;
  loadedMore: (p: { added: number; count: number }) => string;
  newCalls: (p: { count: number }) => string;
}

/** `IncomingCallOffer`: the ring an offered agent sees. */
export interface IncomingOfferMessages {
  title: string;
  /** Said (assertively) when the offer appears. */
  announce: (p: { customer: string }) => string;
  /** How long the customer has been waiting, e.g. "Waiting 0:12". */
  waiting: (p: { time: string }) => string;
  /** Until the offer passes on, e.g. "Rings for 0:08 more". */
  timeLeft: (p: { time: string }) => string;
  /** Said once when little time is left. */
  expiringSoon: (p: { seconds: number }) => string;
  expired: string;
  accept: string;
  accepting: string;
  accepted: string;
  acceptFailed: string;
  decline: string;
  declining: string;
  declined: string;
  declineFailed: string;
}

/** `AgentPresence`: the agent's own status for call routing. */
export interface PresenceMessages {
  label: string;
  status: Record<PresenceStatus, string>;
  /** One line under each choice on what it means for routing. */
  hint: Record<PresenceStatus, string>;
  /** Why the choice is locked while the agent is in a call; `chosen` is the status they come back to. */
  inCall: (p: { chosen: string }) => string;
  saving: string;
  saved: (p: { status: string }) => string;
  failed: (p: { error?: string }) => string;
}

/** The agent-console tables of `WacallMessages`. */
export interface ConsoleMessages {
  callLog: CallLogMessages;
  incomingOffer: IncomingOfferMessages;
  presence: PresenceMessages;
}

const plural = new Intl.PluralRules('en-US');
const calls = (count: number) => (plural.select(count) === 'one' ? 'call' : 'calls');

/** English defaults of the agent-console tables. */
export const englishConsoleMessages: ConsoleMessages = {
  callLog: {
    label: 'Calls',
    directionFilter: 'Direction',
    statusFilter: 'Status',
    all: 'All',
    incoming: 'Incoming',
    outgoing: 'Outgoing',
    chipLabel: ({ label, count, formatted }) => `${label} ${formatted} ${calls(count)}`,
    columns: {
      direction: 'Direction',
      status: 'Status',
      customer: 'Customer',
      agent: 'Agent',
      started: 'Started',
      duration: 'Duration',
      outcome: 'Outcome',
    },
    outcome: {
      completed: 'Completed',
      missed: 'Missed',
      rejected: 'Rejected',
      dropped: 'Dropped',
      unknown: 'End not seen',
    },
    noAgent: 'No agent',
    noDuration: 'No duration',
    noOutcome: 'Not ended yet',
    empty: 'No calls yet.',
    noMatch: 'No calls match these filters.',
    clearFilters: 'Show all calls',
    loading: 'Loading calls…',
    failed: ({ error }) =>
      error ? `The calls could not be loaded: ${error}` : 'The calls could not be loaded.',
    retry: 'Try again',
    loadMore: 'Load more calls',
    loadingMore: 'Loading more calls…',
    loadMoreFailed: 'More calls could not be loaded. Try again.',
    shown: ({ count }) => (count === 0 ? 'No calls shown.' : `${count} ${calls(count)} shown.`),
    loadedMore: ({ added, count }) => `${added} more ${calls(added)} loaded, ${count} shown.`,
    newCalls: ({ count }) => (count === 1 ? '1 new call.' : `${count} new calls.`),
  },
  incomingOffer: {
    title: 'Incoming call',
    announce: ({ customer }) => `Incoming call from ${customer}.`,
    waiting: ({ time }) => `Waiting ${time}`,
    timeLeft: ({ time }) => `Rings for ${time} more`,
    expiringSoon: ({ seconds }) =>
      `${seconds} ${plural.select(seconds) === 'one' ? 'second' : 'seconds'} left to answer.`,
    expired: 'Time is up: the call is passing to another agent.',
    accept: 'Answer',
    accepting: 'Answering…',
    accepted: 'Call answered',
    acceptFailed: 'The call could not be answered.',
    decline: 'Decline',
    declining: 'Declining…',
    declined: 'Call declined: it passes to another agent.',
    declineFailed: 'The call could not be declined.',
  },
  presence: {
    label: 'Your status',
    status: { available: 'Available', busy: 'Busy', away: 'Away' },
    hint: {
      available: 'Incoming calls ring for you.',
      busy: 'No new calls ring for you.',
      away: 'No calls ring for you; you show as inactive.',
    },
    inCall: ({ chosen }) => `Busy while you are in a call; you go back to ${chosen} when it ends.`,
    saving: 'Saving your status…',
    saved: ({ status }) => `Your status is ${status}.`,
    failed: ({ error }) =>
      error
        ? `Your status could not be changed: ${error}`
        : 'Your status could not be changed. Try again.',
  },
};
