// Test kit for routing: two Wacall instances on one store and one clock, each recording what it hears.
import { connect, terminate } from './test-events';
import type { Activity, Agent } from '../../src/calls/types';
import { MemoryStore } from '../../src/store/memory-store';
import type { Store } from '../../src/store/store';
import type {
  AgentPresenceState,
  CallOffer,
  CallOfferWithdrawn,
  RoutingOptions,
} from '../../src/facade/agent-types';
import { at, harness, OFFER, t0 } from './facade-test-kit';
import type { Wacall } from '../../src/facade/wacall-types';

export const cleo: Agent = { id: 'agent-cleo', name: 'Cleo' };

/** What one instance heard of routing, in order. */
export interface Heard {
  offers: CallOffer[];
  withdrawn: CallOfferWithdrawn[];
  presence: AgentPresenceState[];
  activities: Activity[];
}

export function twoInstances(routing: RoutingOptions | undefined, store?: Store) {
  const clock = { now: t0 };
  const shared = store ?? new MemoryStore({ now: () => clock.now });
  const instances = [0, 1].map(() => {
    const { wacall } = harness({
      store: shared,
      now: () => clock.now,
      ...(routing ? { routing } : {}),
    });
    const heard: Heard = { offers: [], withdrawn: [], presence: [], activities: [] };
    wacall.on('call.offered', (offer) => void heard.offers.push(offer));
    wacall.on('call.offer_withdrawn', (withdrawn) => void heard.withdrawn.push(withdrawn));
    wacall.on('presence.updated', (presence) => void heard.presence.push(presence));
    wacall.on('activity.added', (activity) => void heard.activities.push(activity));
    return { wacall, heard };
  });
  const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
  return {
    clock,
    a: a.wacall,
    b: b.wacall,
    heardA: a.heard,
    heardB: b.heard,
    setTime: (seconds: number) => void (clock.now = at(seconds)),
  };
}

/** Lets feed deliveries and the reads they start finish. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The customer calls at `seconds`; the webhook reaches instance `on`. */
export const ring = (on: Wacall, callId: string, seconds: number) =>
  on.ingest([connect(callId, 'user_initiated', seconds)]);

/** The customer hangs up (or Meta's ring limit ends the call) before anybody answered. */
export const hangUp = (on: Wacall, callId: string, seconds: number) =>
  on.ingest([terminate(callId, 'user_initiated', seconds)]);

export const accept = (on: Wacall, callId: string, agent: Agent) =>
  on.acceptCall({ callId, agent, sdp: OFFER });

/** `kind:agentId` of a call's assignment and connection activities, oldest first. */
export function outcomes(activities: readonly Activity[], callId: string): string[] {
  return activities
    .filter((activity) => activity.callId === callId && activity.kind !== 'call.started_by_agent')
    .sort((x, y) => x.at - y.at)
    .map((activity) => `${activity.kind}${activity.actor ? `:${activity.actor.name}` : ''}`);
}
