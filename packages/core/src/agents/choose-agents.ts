import type { Agent } from '../calls/types';
import type { AgentPresenceState, RoutingStrategy } from '../facade/agent-types';
import type { BookEntry } from './agent-book';
import { byAgentId } from './agent-book';

/** One agent routing may ring: what is stored of them, and their presence now. */
export interface Candidate {
  entry: BookEntry;
  presence: AgentPresenceState;
}

/** Whom to ring next for a call, and what routing learnt on the way. */
export interface NextAgents {
  /** Ring these now; empty when nobody is left. */
  agents: Agent[];
  /** The assignee, skipped because they are away (`call.agent_inactive`). */
  inactive: Agent[];
  /** Why nobody is rung: every agent left is in a call, or nobody left can take calls at all. */
  nobody?: 'all_busy' | 'unassigned';
  /** Ids of every agent offered or skipped so far, this step included. */
  tried: string[];
}

/**
 * Picks whom to ring for a call, given who was tried already: the assignee first (alone), then every
 * available agent (`ring_all`) or one of them (`longest_idle`, `round_robin`). Pure, so every instance
 * makes the same choice from the same Store values.
 */
export function chooseAgents(
  strategy: RoutingStrategy,
  pool: readonly Candidate[],
  tried: readonly string[],
  assignee?: string,
): NextAgents {
  const done = new Set(tried);
  const left = byAgentId(pool.map((c) => ({ ...c, agent: c.entry.agent }))).filter(
    (c) => !done.has(c.agent.id),
  );
  const inactive: Agent[] = [];
  const own = assignee === undefined ? undefined : left.find((c) => c.agent.id === assignee);
  if (own) {
    done.add(own.agent.id);
    if (own.presence.status === 'available')
      return { agents: [own.agent], inactive, tried: [...done] };
    if (own.presence.status === 'away') inactive.push(own.agent);
  }
  const available = left.filter((c) => !done.has(c.agent.id) && c.presence.status === 'available');
  if (available.length === 0) {
    const busy = left.some((c) => c.presence.status === 'busy');
    return { agents: [], inactive, nobody: busy ? 'all_busy' : 'unassigned', tried: [...done] };
  }
  const chosen = strategy === 'ring_all' ? available : [first(strategy, available)];
  for (const c of chosen) done.add(c.agent.id);
  return { agents: chosen.map((c) => c.agent), inactive, tried: [...done] };
}

type Ranked = Candidate & { agent: Agent };

/** The one agent to ring: idle longest, or offered least recently; ties go to the smaller id. */
function first(strategy: RoutingStrategy, available: readonly Ranked[]): Ranked {
  const rank = (c: Ranked): number =>
    strategy === 'round_robin'
      ? (c.entry.lastOfferedAt ?? -1)
      : Math.max(c.presence.lastCallEndedAt ?? -1, c.presence.since);
  // `available` is sorted by id, and a stable sort keeps that order among equal ranks.
  return [...available].sort((a, b) => rank(a) - rank(b))[0] as Ranked;
}
