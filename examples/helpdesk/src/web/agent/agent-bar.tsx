import { useCallback, useEffect, useState } from 'react';
import type {
  Agent,
  AgentPresenceState as Presence,
  CallOffer,
  PresenceStatus,
} from '@wacall/core';
import { AgentPresence, IncomingCallOffer, type WacallEvents } from '@wacall/react';
import { api } from '../api';
import type { AgentAudio } from './use-agent-audio';

export interface AgentBarProps {
  agent: Agent;
  events: WacallEvents;
  audio: AgentAudio;
  /** Opens the ticket of the customer whose call the agent answered. */
  onOpenTicket: (customer: string) => void;
}

interface Ring {
  offer: CallOffer;
  /** When this page first heard the call ring, so a call passed on shows its wait from then. */
  since: number;
}

const names = (agents: readonly Agent[]) => agents.map((agent) => agent.id);

/**
 * The agent's own status (`AgentPresence`) and the calls routing rings them for (`IncomingCallOffer`),
 * both fed by the facade's event stream. Answer runs the ticket's accept with the microphone; Decline
 * passes the call on (`declineOffer`).
 */
export function AgentBar({ agent, events, audio, onOpenTicket }: AgentBarProps) {
  const [presence, setPresence] = useState<Presence>();
  const [rings, setRings] = useState<Ring[]>([]);
  const [error, setError] = useState<string>();
  const { subscribe, status } = events;

  const loadPresence = useCallback(() => {
    api.agents().then(
      (agents) => setPresence(agents.find((each) => each.agent.id === agent.id)),
      (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : 'Loading the status failed.'),
    );
  }, [agent.id]);

  // Each time the stream (re)opens, as presence may have changed meanwhile.
  useEffect(() => {
    if (status === 'open') loadPresence();
  }, [status, loadPresence]);

  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'presence.updated' && event.data.agent.id === agent.id) {
          setPresence(event.data);
        } else if (event.type === 'call.offered' && names(event.data.agents).includes(agent.id)) {
          const offer = event.data;
          setRings((shown) => [
            ...shown.filter((ring) => ring.offer.callId !== offer.callId),
            { offer, since: Date.now() },
          ]);
        } else if (
          event.type === 'call.offer_withdrawn' &&
          names(event.data.agents).includes(agent.id)
        ) {
          const { callId } = event.data;
          setRings((shown) => shown.filter((ring) => ring.offer.callId !== callId));
        }
      }),
    [subscribe, agent.id],
  );

  const drop = (callId: string) =>
    setRings((shown) => shown.filter((ring) => ring.offer.callId !== callId));
  const choose = async (next: PresenceStatus) => setPresence(await api.setPresence(next));

  return (
    <section className="agent-bar" aria-label={`${agent.name}'s calls`}>
      {presence ? (
        <AgentPresence presence={presence} onChange={choose} />
      ) : (
        <p className="muted">{error ?? 'Loading your status…'}</p>
      )}
      {rings.map(({ offer, since }) => (
        <IncomingCallOffer
          key={offer.callId}
          offer={offer}
          ringingAt={since}
          headingLevel={3}
          onAccept={async (ringing) => {
            const customer = ringing.customer.waId ?? ringing.customer.userId ?? '';
            onOpenTicket(customer);
            await audio.accept(ringing);
            drop(ringing.callId);
          }}
          onDecline={async (ringing) => {
            await api.declineOffer(ringing.callId);
            drop(ringing.callId);
          }}
        />
      ))}
    </section>
  );
}
