import type { TemplateStatusEvent } from '../webhooks/events';
import type { Change } from './change';
import { noChange } from './change';
import type { FacadeContext } from './facade-context';
import type { TemplateUpdatedEvent } from './template-updated-event';

export type { TemplateUpdatedEvent };

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
