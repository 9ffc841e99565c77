import type { WebhookEvent } from '../webhooks/events';
import { PermissionEngineError } from './permission-engine-error';

const phoneLike = /^[+\d\s().-]+$/;

/**
 * The key a customer's state is filed under: a phone number reduced to its digits (`+1 408-555-1234`
 * and `14085551234` are the same customer), or a business-scoped user id (BSUID) as given.
 */
export function customerKey(customer: unknown): string {
  if (typeof customer !== 'string' || customer.trim() === '') {
    throw new PermissionEngineError(
      'invalid_input',
      `customer must be the customer's WhatsApp number (e.g. "14085551234") or business-scoped user id (got ${JSON.stringify(customer) ?? String(customer)}).`,
    );
  }
  const trimmed = customer.trim();
  if (!phoneLike.test(trimmed)) return trimmed;
  const digits = trimmed.replace(/\D/g, '');
  if (digits === '') {
    throw new PermissionEngineError(
      'invalid_input',
      `customer "${customer}" has no digits; pass a WhatsApp number or a business-scoped user id.`,
    );
  }
  return digits;
}

/**
 * Which customer an event is about: the sender of a message or permission reply, the caller of a
 * user-initiated call, the callee of a business-initiated one. The wa id is preferred over the BSUID
 * when both are present; `undefined` for events about no customer.
 */
export function eventCustomer(event: WebhookEvent): string | undefined {
  let candidates: (string | undefined)[];
  switch (event.type) {
    case 'permission.reply':
    case 'message':
      candidates = [event.from, event.contact?.waId, event.fromUserId, event.contact?.userId];
      break;
    case 'call.connect':
    case 'call.terminate':
      candidates =
        event.direction === 'user_initiated'
          ? [event.from, event.contact?.waId, event.fromUserId, event.contact?.userId]
          : [event.to, event.contact?.waId, event.toUserId, event.contact?.userId];
      break;
    case 'call.status':
      candidates = [event.recipientId, event.recipientUserId];
      break;
    default:
      return undefined;
  }
  const found = candidates.find((candidate) => candidate !== undefined && candidate.trim() !== '');
  return found === undefined ? undefined : customerKey(found);
}
