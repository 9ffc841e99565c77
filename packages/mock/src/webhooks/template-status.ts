/** The webhook Meta sends when a template's review ends or its status changes. */
import { unixSeconds } from '../world/clock';
import type { StoredTemplate } from '../world/state';
import type { WebhookUpdate } from './payloads';

/** `message_template_status_update` for one template (Meta "Message templates" webhooks). */
export function templateStatusUpdate(
  wabaId: string,
  template: StoredTemplate,
  now: number,
): WebhookUpdate {
  const id = Number(template.id);
  return {
    wabaId,
    field: 'message_template_status_update',
    // The change has no timestamp of its own: the entry's `time` dates it.
    time: Number(unixSeconds(now)),
    value: {
      event: template.status,
      // Meta's samples carry a number; ids past 2^53 would lose digits, so those stay strings.
      message_template_id: Number.isSafeInteger(id) ? id : template.id,
      message_template_name: template.name,
      message_template_language: template.language,
      reason: template.rejectedReason ?? 'NONE',
    },
  };
}
