/**
 * Meta's review of message templates: every new template is `PENDING`, then `APPROVED` or `REJECTED`
 * (with a reason), announced by a signed `message_template_status_update` webhook.
 */
import { unixSeconds } from './clock';
import type { StoredTemplate } from './template-store';
import type { WebhookUpdate } from '../webhooks/payloads';

/** What a review decides. */
export type TemplateReviewOutcome = 'approved' | 'rejected';

/** A review decision with its reason; a plain outcome means "approved", or "rejected" for `INVALID_FORMAT`. */
export type TemplateReviewResult =
  TemplateReviewOutcome | { outcome: TemplateReviewOutcome; reason?: string };

/**
 * How new templates are reviewed.
 * - `{ delayMs, outcome }` (the default, `{ delayMs: 0, outcome: 'approved' }`): automatically,
 *   `delayMs` after creation in simulated time. `outcome` may be a function of the template, e.g. to
 *   reject some names.
 * - `'manual'`: templates stay `PENDING` until `simulator.templates.review()` decides.
 */
export type TemplateReviewOption =
  | 'manual'
  | {
      /** Simulated ms from creation to the decision; a function can give each template its own. */
      delayMs?: number | ((template: StoredTemplate) => number);
      outcome?: TemplateReviewResult | ((template: StoredTemplate) => TemplateReviewResult);
    };

/** Meta's reason when a rejection names none. */
export const defaultRejectionReason = 'INVALID_FORMAT';

/** The decision for `template` under an automatic option, normalised. */
export function automaticDecision(
  option: Exclude<TemplateReviewOption, 'manual'>,
  template: StoredTemplate,
): { outcome: TemplateReviewOutcome; reason?: string } {
  const chosen = typeof option.outcome === 'function' ? option.outcome(template) : option.outcome;
  return normaliseResult(chosen ?? 'approved');
}

export function normaliseResult(result: TemplateReviewResult): {
  outcome: TemplateReviewOutcome;
  reason?: string;
} {
  const { outcome, reason } = typeof result === 'string' ? { outcome: result } : result;
  if (outcome === 'approved') return { outcome };
  return { outcome, reason: reason ?? defaultRejectionReason };
}

/** The webhook Meta sends when a template's status changes (spec §3.10). */
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
