import { applyCallEvent, isCallEvent } from '../calls/apply-call-event';
import { eventKey } from '../webhooks/event-key';
import type { WebhookEvent } from '../webhooks/events';
import type { FacadeContext } from './facade-context';
import { changeCall, notePermission } from './facade-context';
import { emitTemplateUpdated } from './template-updated';
import type { IngestResult } from './wacall-types';

/**
 * Applies webhook events once each. An event is marked seen only after every effect of it is stored,
 * so a failure part-way (the store went down) rejects, Meta redelivers, and the redelivery finishes
 * the job; effects themselves are idempotent, so nothing is counted twice.
 */
export async function ingestEvents(
  context: FacadeContext,
  events: readonly WebhookEvent[],
): Promise<IngestResult> {
  const result: IngestResult = { applied: 0, duplicates: 0, ignored: 0 };
  for (const event of events) {
    if (event.phoneNumberId !== undefined && event.phoneNumberId !== context.client.phoneNumberId) {
      result.ignored++;
      continue;
    }
    const key = eventKey(event);
    if (await context.state.seen(key)) {
      result.duplicates++;
      continue;
    }
    await applyOne(context, event);
    await context.state.markSeen(key);
    result.applied++;
  }
  return result;
}

async function applyOne(context: FacadeContext, event: WebhookEvent): Promise<void> {
  const update = await context.engine.apply(event);
  if (isCallEvent(event)) {
    await changeCall(context, event.callId, (facts) => applyCallEvent(facts, event));
  }
  if (update) await notePermission(context, update.customer, event.timestamp);
  if (event.type === 'template.status') emitTemplateUpdated(context, event);
}
