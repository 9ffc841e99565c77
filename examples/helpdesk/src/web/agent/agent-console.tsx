import { useEffect } from 'react';
import { api } from '../api';
import { useResource } from '../live-data';
import { TicketList } from './ticket-list';
import { TicketView } from './ticket-view';
import type { AgentAudio } from './use-agent-audio';

export interface AgentConsoleProps {
  version: number;
  selected?: string;
  onSelect: (customer: string) => void;
  /** The agent's microphone, above the console so an offer answered on any page keeps it. */
  audio: AgentAudio;
}

const loadTickets = () => api.tickets();

/** The helpdesk side: the ticket list and the selected ticket, both refreshed by live events. */
export function AgentConsole({ version, selected, onSelect, audio }: AgentConsoleProps) {
  const tickets = useResource('all', loadTickets, version);
  const ticket = useResource(selected, api.ticket, version);
  const first = tickets.data?.[0]?.customer;

  useEffect(() => {
    if (selected === undefined && first !== undefined) onSelect(first);
  }, [selected, first, onSelect]);

  return (
    <section className="pane pane--agent" aria-labelledby="agent-heading">
      <h2 id="agent-heading" className="pane__title">
        Agent console
      </h2>
      {tickets.error && (
        <p role="alert" className="error">
          {tickets.error}
        </p>
      )}
      <div className="console">
        <TicketList tickets={tickets.data ?? []} selected={selected} onSelect={onSelect} />
        {ticket.data ? (
          <TicketView ticket={ticket.data} audio={audio} onChanged={ticket.reload} />
        ) : (
          <p className="muted console__empty">
            {ticket.error ?? (selected ? 'Loading the ticket…' : 'Pick a ticket.')}
          </p>
        )}
      </div>
    </section>
  );
}
