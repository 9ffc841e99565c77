/**
 * Meta's review of message templates: every new template is `PENDING`, then `APPROVED` or `REJECTED`
 * (with a reason), announced by a signed `message_template_status_update` webhook.
 */
import type { StoredTemplate } from './state';

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
