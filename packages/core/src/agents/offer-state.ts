import type { Agent, CustomerRef } from '../calls/types';
import type { OfferWithdrawnReason } from '../facade/agent-types';
import type { Versioned } from '../store/store';

/** How routing stands for one incoming call: who rings now, who was tried, who took it. */
export interface OfferState {
  callId: string;
  customer: CustomerRef;
  /** The ticket owner `assignee(customer)` named when the call came in, if any. */
  assignee?: string;
  /** The agents ringing now. */
  offered: Agent[];
  /** Epoch ms when the agents ringing now stop and the call passes on. */
  expiresAt?: number;
  /** Ids of every agent offered or skipped; nobody is rung twice for one call. */
  tried: string[];
  /** The agent whose accept won; every later accept by someone else is refused. */
  takenBy?: Agent;
  /** Why nobody rings any more: taken, ended, or nobody left to ring. */
  closed?: Exclude<OfferWithdrawnReason, 'declined' | 'expired'> | 'nobody';
}

export function readOffer(value: Versioned | undefined): OfferState | undefined {
  return value?.value as OfferState | undefined;
}
