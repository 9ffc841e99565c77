/**
 * Types of agents, routing and the call log: who may be rung for an incoming call, what an agent is
 * offered, and how a helpdesk lists calls across every customer.
 */
import type { Agent, CallRecord, CallStatus, CustomerRef } from '../calls/types';
import type { CallDirection } from '../webhooks/events';

/** What an agent says about themself. An agent in a call is reported `busy` whatever they set. */
export type PresenceStatus = 'available' | 'busy' | 'away';

export interface SetPresenceInput {
  agent: Agent;
  status: PresenceStatus;
}

/** One agent as routing sees them (`listAgents`, the `presence.updated` event). */
export interface AgentPresenceState {
  agent: Agent;
  /** The effective status: `busy` while the agent is in a call, whatever they set. */
  status: PresenceStatus;
  /** The status the agent set themself. */
  chosen: PresenceStatus;
  /** Epoch ms of the last change to `chosen`. */
  since: number;
  /** The call the agent is in, if any. */
  callId?: string;
  /** Epoch ms the agent's last call ended (what `longest_idle` orders by). */
  lastCallEndedAt?: number;
}

/**
 * How an incoming call is offered to agents. `ring_all`: every available agent at once. `longest_idle`:
 * one at a time, the agent idle longest first. `round_robin`: one at a time, in turn across calls.
 */
export type RoutingStrategy = 'ring_all' | 'longest_idle' | 'round_robin';

export interface RoutingOptions {
  strategy: RoutingStrategy;
  /** How long one offer rings before it passes on (whole seconds, 5–120; default 20). */
  ringSeconds?: number;
  /**
   * The agent to try first for this customer (say, the ticket's owner), by agent id; `undefined` for
   * none. An assignee who is away is skipped and recorded as `call.agent_inactive`.
   */
  assignee?: (customer: string) => string | undefined | Promise<string | undefined>;
}

/** An incoming call offered to agents: ring them now (`call.offered`). */
export interface CallOffer {
  callId: string;
  customer: CustomerRef;
  /** The agents to ring now. */
  agents: Agent[];
  /** Epoch ms when this offer passes on if nobody accepts. */
  expiresAt: number;
}

/** Why agents stop being offered a call. */
export type OfferWithdrawnReason = 'accepted' | 'declined' | 'expired' | 'ended';

/** Stop ringing these agents for this call (`call.offer_withdrawn`). */
export interface CallOfferWithdrawn {
  callId: string;
  agents: Agent[];
  reason: OfferWithdrawnReason;
  /** Who took the call, when `reason` is `accepted`. */
  acceptedBy?: Agent;
}

export interface DeclineOfferInput {
  callId: string;
  agent: Agent;
}

/** `incoming` and `outgoing` are the product's words for `user_initiated` and `business_initiated`. */
export type CallLogDirection = CallDirection | 'incoming' | 'outgoing';

/** Which calls `findCalls` and `countCalls` return; every field narrows, all of them together. */
export interface CallLogFilter {
  /** The product's status label; with `direction`, of that direction only. */
  status?: CallStatus;
  direction?: CallLogDirection;
  /** Calls handled (started or answered) by this agent. */
  agentId?: string;
  /** Calls with this customer (wa id digits or BSUID). */
  customer?: string;
  /** Epoch ms: calls created at or after. */
  since?: number;
  /** Epoch ms: calls created before. */
  until?: number;
}

export interface FindCallsInput extends CallLogFilter {
  /** Page size; default 50, at most 200. */
  limit?: number;
  /** The cursor of the previous page (`CallLogPage.next`) for the next, older page. */
  before?: string;
}

export interface CallLogPage {
  /** Newest first. */
  calls: CallRecord[];
  /** Pass as `before` to get the next, older page; absent on the last page. */
  next?: string;
}
