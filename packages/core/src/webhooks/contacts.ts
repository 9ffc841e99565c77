import type { WebhookContact, WebhookIssue } from './events';
import { describeIssues, issue, present } from './normalize';
import { contactSchema } from './schemas';

/** Reads `value.contacts[]`; a malformed contact is reported and left out, never fatal to the items. */
export function parseContacts(
  list: unknown[] | undefined,
  path: string,
  issues: WebhookIssue[],
): WebhookContact[] {
  if (!list) return [];
  const contacts: WebhookContact[] = [];
  list.forEach((raw, i) => {
    const result = contactSchema.safeParse(raw);
    if (!result.success) {
      issues.push(issue(`${path}[${i}]`, describeIssues(result.error.issues), raw));
      return;
    }
    const c = result.data;
    contacts.push({
      waId: present(c.wa_id),
      userId: present(c.user_id),
      parentUserId: present(c.parent_user_id),
      name: present(c.profile?.name),
      username: present(c.profile?.username),
      countryCode: present(c.profile?.country_code),
    });
  });
  return contacts;
}

/**
 * The contact that describes the user of an item: matched by BSUID or phone number, or the only
 * contact of the change (Meta sends one per change in practice).
 */
export function findContact(
  contacts: WebhookContact[],
  phone: string | undefined,
  userId: string | undefined,
): WebhookContact | undefined {
  const match = contacts.find(
    (c) =>
      (userId !== undefined && c.userId === userId) || (phone !== undefined && c.waId === phone),
  );
  return match ?? (contacts.length === 1 ? contacts[0] : undefined);
}
