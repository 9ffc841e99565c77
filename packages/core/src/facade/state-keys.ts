/** Where the facade keeps each piece of state in the Store, namespaced by the business number. */
export interface StateKeys {
  /** De-duplication claim of one webhook event. */
  seen(eventKey: string): string;
  /** The facts of one call. */
  call(callId: string): string;
  /** A customer's calls, newest first (a list). */
  calls(customer: string): string;
  /** A customer's activities, newest first (a list). */
  activities(customer: string): string;
  /** A customer's permission facts; the permission engine reads the same key. */
  permission(customer: string): string;
  /** What the clock will change, and when (a list `sweep()` reads). */
  deadlines: string;
  // Routing: who takes calls, and who is rung for each incoming call.
  /** Every agent's chosen presence and last call (one value, read at one moment). */
  agents: string;
  /** Whom an incoming call is offered to, who was tried, and who took it. */
  offer(callId: string): string;
}

export function stateKeys(businessDigits: string): StateKeys {
  const base = `wacall:${businessDigits}`;
  return {
    seen: (eventKey) => `${base}:seen:${eventKey}`,
    call: (callId) => `${base}:call:${callId}`,
    calls: (customer) => `${base}:calls:${customer}`,
    activities: (customer) => `${base}:activities:${customer}`,
    permission: (customer) => `permissions:${businessDigits}:${customer}`,
    deadlines: `${base}:deadlines`,
    agents: `${base}:agents`,
    offer: (callId) => `${base}:offer:${callId}`,
  };
}

/** Deadline items name what the clock will change: a customer's permission, a call, or an offer. */
export const deadlineId = {
  permission: (customer: string) => `p:${customer}`,
  call: (callId: string) => `c:${callId}`,
  /** The offer of an incoming call passes on when nobody answers in time. */
  offer: (callId: string) => `o:${callId}`,
};
