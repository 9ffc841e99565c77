import type { WhatsAppClient } from '@wacall/core';
import type { CloudApiSimulator } from '@wacall/mock';
import type { TicketDirectory } from './ticket-directory';

interface SeedCustomer {
  waId: string;
  name: string;
  /** A text written at start: it opens the 24 h window, so free-form requests are allowed. */
  message?: string;
  /** Granted permanent call permission from the business profile before the demo starts. */
  permanentPermission?: boolean;
}

/** One customer per situation the demo shows: window open, window closed, permission already granted. */
export const seedCustomers: readonly SeedCustomer[] = [
  {
    waId: '5511987650001',
    name: 'Maria Silva',
    message: 'Hi! My order ON-12853 has not arrived yet. Could someone call me?',
  },
  { waId: '5511987650002', name: 'João Pereira' },
  { waId: '5511987650003', name: 'Ana Costa', permanentPermission: true },
];

export const seedTemplates = {
  permissionRequest: 'support_call_permission',
  callInvite: 'support_call_invite',
} as const;

/**
 * Gives the simulated business its approved templates and the customers something to start from. Runs
 * once the webhook route listens: the customers' steps arrive as real signed webhooks.
 */
export async function seedSimulator(
  simulator: CloudApiSimulator,
  client: WhatsAppClient,
  directory: TicketDirectory,
): Promise<void> {
  await client.templates.createCallPermissionRequest({
    name: seedTemplates.permissionRequest,
    language: 'en_US',
    category: 'utility',
    body: 'May our support team call you on WhatsApp about your request?',
  });
  await client.templates.createCallInvite({
    name: seedTemplates.callInvite,
    language: 'en_US',
    category: 'utility',
    body: 'Our support team is ready to talk. Tap the button to call us on WhatsApp.',
    buttonText: 'Call support',
    ttlMinutes: 10080,
  });
  for (const seed of seedCustomers) {
    const customer = simulator.customer(seed.waId, { name: seed.name });
    await directory.ensure(seed.waId, simulator.now(), seed.name);
    if (seed.permanentPermission) await customer.acceptPermission({ permanent: true });
    if (seed.message) await customer.sendMessage(seed.message);
  }
}
