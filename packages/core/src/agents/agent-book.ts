import type { CallRecord, Agent } from '../calls/types';
import type { AgentPresenceState, PresenceStatus } from '../facade/agent-types';
import type { Versioned } from '../store/store';

/** One agent as kept in the Store: what they chose, and the last call they took (busy while it lasts). */
export interface BookEntry {
  agent: Agent;
  chosen: PresenceStatus;
  /** Epoch ms of the last change to `chosen`. */
  since: number;
  /** The last call the agent accepted or placed; they are busy until it ends. */
  callId?: string;
  /** Epoch ms of the last offer made to the agent (what `round_robin` orders by). */
  lastOfferedAt?: number;
}

/** Every agent who has set a presence, by agent id: one Store value, so routing reads it at one moment. */
export type AgentBook = Record<string, BookEntry>;

export function readBook(value: Versioned | undefined): AgentBook {
  const book = value?.value;
  return typeof book === 'object' && book !== null && !Array.isArray(book)
    ? (book as unknown as AgentBook)
    : {};
}

/** The calls whose state decides who is busy, sorted so two reads of one book name the same keys. */
export function bookCallIds(book: AgentBook): string[] {
  const ids = Object.values(book).flatMap((entry) => (entry.callId ? [entry.callId] : []));
  return [...new Set(ids)].sort();
}

/** Whether a call still holds its agent: known, and neither ended nor closed. */
export function callHoldsAgent(record: CallRecord | undefined): boolean {
  return record !== undefined && record.endedAt === undefined && record.outcome === undefined;
}

/**
 * An agent's presence as routing sees it: `busy` while their last call lasts, whatever they chose.
 * `call` is the record of `entry.callId` (undefined when there is none, or it is gone).
 */
export function presenceOf(entry: BookEntry, call: CallRecord | undefined): AgentPresenceState {
  const inCall = entry.callId !== undefined && callHoldsAgent(call);
  const presence: AgentPresenceState = {
    agent: entry.agent,
    status: inCall ? 'busy' : entry.chosen,
    chosen: entry.chosen,
    since: entry.since,
  };
  if (inCall && entry.callId) presence.callId = entry.callId;
  const endedAt = call?.endedAt;
  if (!inCall && endedAt !== undefined) presence.lastCallEndedAt = endedAt;
  return presence;
}

/** Agents in a stable order (by id), so every instance lists and routes them the same way. */
export function byAgentId<T extends { agent: Agent }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) =>
    a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0,
  );
}

/** Whether `value` names an agent: `{ id, name }`, both non-empty strings. */
export function isAgent(value: unknown): value is Agent {
  const agent = value as Partial<Agent> | undefined;
  return (
    typeof agent?.id === 'string' &&
    agent.id !== '' &&
    typeof agent.name === 'string' &&
    agent.name !== ''
  );
}
