import type { JsonValue, Store, StoreWrite, WebhookEvent } from '@wacall/core';
import type { ChatMessage } from '../shared/api-types';

/** A ticket as the list and the ticket view show it. */
export interface TicketEntry {
  customer: string;
  /** The customer's profile name, or their number when no webhook named them yet. */
  name: string;
  /** Epoch ms of the newest event filed for the ticket. */
  updatedAt: number;
}

export interface TicketDirectory {
  /** Opens a ticket (moved up to `at` when given); a name, once known, is kept. */
  ensure(customer: string, at?: number, name?: string): Promise<void>;
  /** Files the texts and names webhook events carry; resolves with the customers they touched. */
  noteEvents(events: readonly WebhookEvent[]): Promise<string[]>;
  /** Every open ticket. */
  tickets(): Promise<TicketEntry[]>;
  /** One ticket, or undefined when nobody opened it. */
  ticket(customer: string): Promise<TicketEntry | undefined>;
  /** The customer's texts, oldest first. */
  messages(customer: string): Promise<ChatMessage[]>;
  /**
   * Hears every ticket any instance sharing the store files from now on (through the store's change
   * feed); resolves once listening, with a function that stops it.
   */
  watch(changed: (customer: string) => void): Promise<() => Promise<void>>;
}

export interface TicketDirectoryOptions {
  /** The store the facade uses: every instance sharing it shares the directory. */
  store: Store;
  /** The business number's digits: several numbers may share one store. */
  businessDigits: string;
  /** The clock, epoch ms; `Date.now` by default. */
  now?: () => number;
}

/** The stored part of a ticket; the customer is the key. */
interface StoredTicket {
  [field: string]: JsonValue | undefined;
  name?: string;
  openedAt: number;
  updatedAt: number;
}

/** What one webhook batch (or the seed) adds to a ticket. */
interface TicketChange {
  at?: number;
  name?: string;
  messages: ChatMessage[];
}

// Texts are for the ticket view; the last few are plenty for a demo and bound the storage.
const maxMessagesPerTicket = 50;
const maxTickets = 500;
// Like the facade's default retention: a ticket nobody touched for 90 days goes away with its calls.
const retentionMs = 90 * 24 * 60 * 60 * 1000;
const maxAttempts = 20;

/** The same key @wacall/core files a customer under: digits for phone numbers, else the user id. */
export function ticketKey(customer: string): string {
  const trimmed = customer.trim();
  return /^[+\d\s().-]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}

/**
 * The helpdesk's own list of conversations, next to the call state @wacall keeps, in the same Store:
 * every instance on a shared store (Redis) lists the same tickets, names and texts, and hears what
 * another instance files through the store's change feed. With the default MemoryStore it is simply
 * in memory.
 */
export function createTicketDirectory(options: TicketDirectoryOptions): TicketDirectory {
  const { store, businessDigits } = options;
  const now = options.now ?? Date.now;
  const base = `helpdesk:${businessDigits}`;
  const keys = {
    index: `${base}:tickets`,
    ticket: (customer: string) => `${base}:ticket:${customer}`,
    messages: (customer: string) => `${base}:messages:${customer}`,
  };
  const entryOf = (customer: string, stored: StoredTicket): TicketEntry => ({
    customer,
    name: stored.name ?? `+${customer}`,
    updatedAt: stored.updatedAt,
  });

  /** One atomic commit per ticket, so two instances filing the same customer never lose a name. */
  const file = async (customer: string, change: TicketChange): Promise<void> => {
    const key = ticketKey(customer);
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const current = await store.get<StoredTicket>(keys.ticket(key));
      const before = current?.value;
      const at = change.at ?? (before ? 0 : now());
      const next: StoredTicket = {
        openedAt: before?.openedAt ?? at,
        updatedAt: Math.max(before?.updatedAt ?? 0, at),
        ...((change.name ?? before?.name) ? { name: change.name ?? before?.name } : {}),
      };
      const unchanged =
        before !== undefined &&
        next.name === before.name &&
        next.updatedAt === before.updatedAt &&
        change.messages.length === 0;
      if (unchanged) return;
      const writes: StoreWrite[] = [
        { type: 'set', key: keys.ticket(key), value: next, ttlMs: retentionMs },
        // Listed by when the ticket was opened, so filing it again never reorders the index.
        {
          type: 'listAdd',
          key: keys.index,
          item: { id: key, at: next.openedAt, value: null },
          maxLength: maxTickets,
          ttlMs: retentionMs,
        },
        // The message id is the item id: Meta's redelivery replaces the text instead of adding it twice.
        ...change.messages.map((message): StoreWrite => ({
          type: 'listAdd',
          key: keys.messages(key),
          item: { id: message.id, at: message.at, value: message.text },
          maxLength: maxMessagesPerTicket,
          ttlMs: retentionMs,
        })),
      ];
      const committed = await store.commit({
        expect: [{ key: keys.ticket(key), version: current?.version ?? null }],
        writes,
        publish: [{ ticketDirectory: businessDigits, customer: key }],
      });
      if (committed) return;
      // Another instance filed the same ticket in between: read it again and merge.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 5)),
      );
    }
    throw new Error(`The ticket of ${key} changed ${maxAttempts} times in a row; try again.`);
  };

  return {
    ensure: (customer, at, name) =>
      file(customer, {
        messages: [],
        ...(at === undefined ? {} : { at }),
        ...(name ? { name } : {}),
      }),
    async noteEvents(events) {
      const changes = new Map<string, TicketChange>();
      for (const event of events) {
        const party = partyOf(event);
        if (!party) continue;
        const key = ticketKey(party.customer);
        const change = changes.get(key) ?? { messages: [] };
        change.at = Math.max(change.at ?? 0, event.timestamp);
        if (party.name) change.name = party.name;
        if (event.type === 'message' && event.text !== undefined) {
          change.messages.push({ id: event.messageId, text: event.text, at: event.timestamp });
        }
        changes.set(key, change);
      }
      for (const [customer, change] of changes) await file(customer, change);
      return [...changes.keys()];
    },
    async tickets() {
      const { items } = await store.listPage(keys.index, { limit: maxTickets });
      const customers = items.map((item) => item.id);
      const stored = await store.getMany(customers.map(keys.ticket));
      return customers.flatMap((customer, index) => {
        const ticket = stored[index]?.value as StoredTicket | undefined;
        return ticket ? [entryOf(customer, ticket)] : [];
      });
    },
    async ticket(customer) {
      const key = ticketKey(customer);
      const stored = await store.get<StoredTicket>(keys.ticket(key));
      return stored ? entryOf(key, stored.value) : undefined;
    },
    async messages(customer) {
      const { items } = await store.listPage<string>(keys.messages(ticketKey(customer)), {
        limit: maxMessagesPerTicket,
      });
      return items.map((item) => ({ id: item.id, text: item.value, at: item.at })).reverse();
    },
    watch(changed) {
      return store.subscribe({
        message(message) {
          const customer = ticketChangeOf(message, businessDigits);
          if (customer !== undefined) changed(customer);
        },
        // The facade's own `resync` event covers the same subscription; the page refetches everything.
        resync() {},
      });
    },
  };
}

/** The customer of a ticket change this directory published, or undefined for anything else. */
function ticketChangeOf(message: JsonValue, businessDigits: string): string | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const { ticketDirectory, customer } = message;
  return ticketDirectory === businessDigits && typeof customer === 'string' ? customer : undefined;
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
