import type { TemplateStatusEvent } from '../webhooks/events';
import type { Change } from './change';
import { noChange } from './change';
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
 * The announcement of a template review outcome, published on the change feed with the event's
 * de-duplication claim, so every instance tells its open screens once. Nothing else is stored: the
 * template listing is the record. Another account's templates give nothing.
 */
export function templateUpdated(context: FacadeContext, event: TemplateStatusEvent): Change {
  const { wabaId } = context.client;
  if (wabaId !== undefined && wabaId !== event.wabaId) return noChange();
  const update: TemplateUpdatedEvent = {
    templateId: event.templateId,
    name: event.name,
    language: event.language,
    status: event.status,
    at: event.timestamp,
  };
  if (event.reason !== undefined) update.reason = event.reason;
  return { writes: [], publish: [{ b: context.businessDigits, type: 'template.updated', update }] };
}
