import type { TemplateStatusEvent } from '../webhooks/events';
import type { FacadeContext } from './facade-context';

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

/**
 * Announces a template review outcome. Nothing is stored: the template listing is the record, and
 * the event only tells open screens to show the new status. Another account's templates are skipped.
 */
export function emitTemplateUpdated(context: FacadeContext, event: TemplateStatusEvent): void {
  const { wabaId } = context.client;
  if (wabaId !== undefined && wabaId !== event.wabaId) return;
  const update: TemplateUpdatedEvent = {
    templateId: event.templateId,
    name: event.name,
    language: event.language,
    status: event.status,
    at: event.timestamp,
  };
  if (event.reason !== undefined) update.reason = event.reason;
  context.emitter.emit('template.updated', update);
}
