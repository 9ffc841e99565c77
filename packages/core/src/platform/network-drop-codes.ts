/**
 * Terminate-webhook error codes that mean the connection failed, and on which side. Source: Meta
 * "Calling troubleshooting" page, calling error codes 138019–138023 (updated 2026-06-24); checked
 * 2026-12. Meta's "client" is the customer's WhatsApp app (the same word as in 138001's supported
 * clients), so "client received no media" means the business side stopped sending: the agent's side.
 */

export type NetworkDropSide = 'agent' | 'customer' | 'unknown';

export interface NetworkDropCode {
  side: NetworkDropSide;
  meaning: string;
}

/** The platform's network-failure codes. Extend or override it by passing your own table. */
export const networkDropCodes: Readonly<Record<number, NetworkDropCode>> = {
  138019: {
    side: 'customer',
    meaning: 'The customer’s WhatsApp client failed to set up the call.',
  },
  138020: {
    side: 'customer',
    meaning: 'The customer’s WhatsApp client could not reach the relay.',
  },
  138021: {
    side: 'agent',
    meaning: 'The customer’s client received no media from the business for too long.',
  },
  138022: { side: 'customer', meaning: 'The customer’s client sent no media for too long.' },
  138023: {
    side: 'unknown',
    meaning:
      'The call was accepted but ended with no media signal; the connection state is unknown.',
  },
};

/** The first network-failure error of a terminate (lowest code), with its side. */
export function findNetworkDrop(
  errors: readonly { code: number }[],
  table: Readonly<Record<number, NetworkDropCode>> = networkDropCodes,
): { code: number; side: NetworkDropSide } | undefined {
  const codes = errors.map((error) => error.code).sort((a, b) => a - b);
  for (const code of codes) {
    const entry = table[code];
    if (entry) return { code, side: entry.side };
  }
  return undefined;
}
