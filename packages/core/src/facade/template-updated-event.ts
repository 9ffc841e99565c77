import type { TemplateStatusEvent } from '../webhooks/events';

/** A template's review status changed; what `'template.updated'` carries. */
export interface TemplateUpdatedEvent {
  templateId: string;
  name: string;
  language: string;
  /** Lowercased, e.g. `approved`, `rejected`, `paused`. */
  status: TemplateStatusEvent['status'];
  /** Why it was rejected or paused, as Meta wrote it. */
  reason?: string;
  /** When Meta says it happened, epoch ms. */
  at: number;
}
