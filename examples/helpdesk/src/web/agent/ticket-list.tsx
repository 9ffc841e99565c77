import { CallStatusBadge } from '@wacall/react';
import type { TicketSummary } from '../../shared/api-types';

export interface TicketListProps {
  tickets: readonly TicketSummary[];
  selected?: string;
  onSelect: (customer: string) => void;
}

/** The agent's inbox: one row per customer, with the Missed call / In call marker of the newest call. */
export function TicketList({ tickets, selected, onSelect }: TicketListProps) {
  return (
    <nav className="tickets" aria-label="Tickets">
      {tickets.length === 0 ? (
        <p className="muted">No conversations yet.</p>
      ) : (
        <ul className="tickets__list">
          {tickets.map((ticket) => (
            <li key={ticket.customer}>
              <button
                type="button"
                className="tickets__item"
                aria-current={ticket.customer === selected ? 'true' : undefined}
                onClick={() => onSelect(ticket.customer)}
              >
                <span className="tickets__name">{ticket.name}</span>
                {ticket.lastCall && <CallStatusBadge call={ticket.lastCall} variant="marker" />}
                <span className="tickets__preview">
                  {ticket.lastMessage?.text ?? `+${ticket.customer}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
