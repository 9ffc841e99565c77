import type { WebhookEvent } from '@wacall/core';
import type { ChatMessage } from '../shared/api-types';

/** What the helpdesk itself keeps per customer: a display name and the texts they wrote. */
interface Ticket {
  name?: string;
  messages: ChatMessage[];
  updatedAt: number;
}

export interface TicketDirectory {
  /** Opens a ticket (moved up to `at` when given); a name, once known, is kept. */
  ensure(customer: string, at?: number, name?: string): void;
  /** Files the texts and names webhook events carry; returns the customers they touched. */
  noteEvents(events: readonly WebhookEvent[]): string[];
  customers(): string[];
  name(customer: string): string;
  messages(customer: string): ChatMessage[];
  updatedAt(customer: string): number;
}

// Texts are for the ticket view; the last few are plenty for a demo and bound the memory.
const maxMessagesPerTicket = 50;

/** The same key @wacall/core files a customer under: digits for phone numbers, else the user id. */
export function ticketKey(customer: string): string {
  const trimmed = customer.trim();
  return /^[+\d\s().-]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}

/** The helpdesk's own list of conversations, next to the call state @wacall keeps. */
export function createTicketDirectory(): TicketDirectory {
  const tickets = new Map<string, Ticket>();
  const ticketOf = (customer: string, at: number | undefined): Ticket => {
    const key = ticketKey(customer);
    let ticket = tickets.get(key);
    if (!ticket) {
      ticket = { messages: [], updatedAt: at ?? Date.now() };
      tickets.set(key, ticket);
    }
    if (at !== undefined) ticket.updatedAt = Math.max(ticket.updatedAt, at);
    return ticket;
  };

  return {
    ensure(customer, at, name) {
      const ticket = ticketOf(customer, at);
      if (name) ticket.name = name;
    },
    noteEvents(events) {
      const touched = new Set<string>();
      for (const event of events) {
        const party = partyOf(event);
        if (!party) continue;
        const { customer, name } = party;
        const ticket = ticketOf(customer, event.timestamp);
        if (name) ticket.name = name;
        if (event.type === 'message' && event.text !== undefined) {
          addMessage(ticket, { id: event.messageId, text: event.text, at: event.timestamp });
        }
        touched.add(ticketKey(customer));
      }
      return [...touched];
    },
    customers: () => [...tickets.keys()],
    name: (customer) => tickets.get(ticketKey(customer))?.name ?? `+${ticketKey(customer)}`,
    messages: (customer) => [...(tickets.get(ticketKey(customer))?.messages ?? [])],
    updatedAt: (customer) => tickets.get(ticketKey(customer))?.updatedAt ?? 0,
  };
}

/** Meta redelivers webhooks: a message already filed is not filed twice. */
function addMessage(ticket: Ticket, message: ChatMessage): void {
  if (ticket.messages.some((known) => known.id === message.id)) return;
  ticket.messages.push(message);
  ticket.messages.sort((a, b) => a.at - b.at);
  if (ticket.messages.length > maxMessagesPerTicket) ticket.messages.shift();
}

/** The customer an inbound event is about, and their profile name, if it names one. */
function partyOf(event: WebhookEvent): { customer: string; name?: string } | undefined {
  let customer: string | undefined;
  switch (event.type) {
    case 'message':
    case 'permission.reply':
      customer = event.from ?? event.fromUserId;
      break;
    case 'call.connect':
    case 'call.terminate':
      customer =
        event.direction === 'user_initiated'
          ? (event.from ?? event.fromUserId)
          : (event.to ?? event.toUserId);
      break;
    default:
      return undefined;
  }
  return customer ? { customer, name: event.contact?.name } : undefined;
}
