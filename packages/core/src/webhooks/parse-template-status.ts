import { check, type ChangeContext } from './change-context';
import type { TemplateStatusEvent } from './events';
import { lower } from './normalize';
import { templateStatusSchema } from './schemas';

/**
 * A change on field `message_template_status_update`: the outcome of Meta's review of a template
 * (approved, rejected with a reason) or a later change (paused, disabled). It names no phone number.
 */
export function parseTemplateStatus(
  value: unknown,
  path: string,
  base: { wabaId: string; fallbackTimestamp: number },
  ctx: Pick<ChangeContext, 'out'>,
): void {
  const item = check(templateStatusSchema, value, path, ctx.out);
  if (!item) return;
  const event: TemplateStatusEvent = {
    type: 'template.status',
    wabaId: base.wabaId,
    // The change carries no time of its own; the entry's `time` is when the review happened.
    timestamp: base.fallbackTimestamp,
    raw: value,
    templateId: String(item.message_template_id),
    name: item.message_template_name,
    language: item.message_template_language,
    status: lower(item.event),
  };
  const reason = reasonOf(item.reason, item.other_info?.description);
  if (reason !== undefined) event.reason = reason;
  ctx.out.events.push(event);
}

// Meta writes `NONE` (or nothing) when there is no reason; a pause explains itself in `other_info`.
function reasonOf(reason: string | null | undefined, description: string | undefined) {
  const given = reason?.trim();
  if (given && given.toUpperCase() !== 'NONE') return given;
  return description?.trim() || undefined;
}
