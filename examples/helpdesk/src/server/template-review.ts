import type { TemplateReviewOption } from '@wacall/mock';
import { seedTemplates } from './seed';

/** How long the simulated review of a new template takes, so the page can show it pending. */
export const templateReviewDelayMs = 2_000;

const seeded: ReadonlySet<string> = new Set(Object.values(seedTemplates));

// Meta rejects utility templates that sell; the simulated reviewer does too, so the demo can show why.
const salesWords = /\b(discount|offer|sale|promo(tion)?|coupon)\b|%/i;

/** The simulator's reviewer in the demo: approves after a short delay, rejects sales talk as utility. */
export const demoTemplateReview: TemplateReviewOption = {
  // The seeded templates exist before the first agent arrives, so theirs passes at once.
  delayMs: (template) => (seeded.has(template.name) ? 0 : templateReviewDelayMs),
  outcome: (template) => {
    const body = template.components.find(
      (component) => String(component['type']).toLowerCase() === 'body',
    );
    const text = typeof body?.['text'] === 'string' ? body['text'] : '';
    return template.category === 'UTILITY' && salesWords.test(text)
      ? { outcome: 'rejected', reason: 'INCORRECT_CATEGORY' }
      : 'approved';
  },
};
