import { applyCallEvent, isCallEvent } from '../calls/apply-call-event';
import type { CallEvent } from '../calls/apply-call-event';
import { mergeCallFacts } from '../calls/call-facts';
import type { CallFacts } from '../calls/call-facts';
import { recordAgentEvent } from '../calls/record-agent-event';
import { applyEvent } from '../permissions/apply-event';
import { readCorrelation } from '../permissions/correlation';
import { eventCustomer } from '../permissions/customer-key';
import type { StoredPermissionState } from '../permissions/stored-state';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { eventKey } from '../webhooks/event-key';
import type { WebhookEvent } from '../webhooks/events';
import { callChange, readCall } from './call-change';
import type { Change } from './change';
import { joinChanges, noChange } from './change';
import type { FacadeContext } from './facade-context';
import { permissionChange, readPermission } from './permission-change';
import { templateUpdated } from './template-updated';
import type { Fleet } from './fleet-transact';
import { transactFleet } from './fleet-transact';
import type { IngestRouting } from './route-ingested';
import { prepareRouting, routeIngested } from './route-ingested';
import type { Plan } from './transact';
import { transact } from './transact';
import type { Versioned } from '../store/store';
import type { IngestResult } from './wacall-types';

/**
 * Applies webhook events once each, each in ONE atomic commit: the de-duplication claim, the call's
 * facts, the customer's permission facts, the activities they stand for and the change-feed messages.
 * A failure leaves nothing behind, so Meta's redelivery applies the event cleanly; an event already
 * claimed (by this instance or another) counts as a duplicate.
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
    if (!Number.isSafeInteger(event.timestamp) || event.timestamp < 0) {
      // parseWebhook never yields such a time; a hand-built event must not jam its call forever.
      context.report(
        new WacallValidationError('ingest', [
          {
            path: `events[${result.applied + result.duplicates + result.ignored}].timestamp`,
            message: `must be whole epoch milliseconds (got ${String(event.timestamp)}); the event was skipped.`,
            fix: 'Pass events from parseWebhook(), which refuses impossible times at the edge.',
          },
        ]),
      );
      result.ignored++;
      continue;
    }
    const outcome = await ingestOne(context, event);
    if (outcome === 'applied') result.applied++;
    else result.duplicates++;
  }
  return result;
}

type IngestOutcome = 'applied' | 'duplicate';

/** What an ingest transaction reads for routing, besides the event's own keys. */
interface Routed {
  routing: IngestRouting;
  fleet: Fleet;
  offer: Versioned | undefined;
}

async function ingestOne(
  context: FacadeContext,
  event: WebhookEvent,
): Promise<'applied' | 'duplicate'> {
  const seenKey = context.keys.seen(eventKey(event));
  const customer = customerOf(event);
  const callEvent = isCallEvent(event) ? event : undefined;
  const { token, data } = readCorrelation(
    callEvent && 'bizOpaqueCallbackData' in callEvent ? callEvent.bizOpaqueCallbackData : undefined,
  );
  const routing = callEvent ? await prepareRouting(context, callEvent, customer) : undefined;
  const keys = [
    seenKey,
    ...(callEvent ? [context.keys.call(callEvent.callId)] : []),
    ...(customer !== undefined ? [context.keys.permission(customer)] : []),
    // With routing, the call's offer goes last (read in the same commit as the call).
    ...(routing && callEvent ? [context.keys.offer(callEvent.callId)] : []),
  ];
  type Planner = (values: (Versioned | undefined)[], routed?: Routed) => Plan<IngestOutcome>;
  const run = (plan: Planner) =>
    routing && callEvent
      ? transactFleet(context, keys, callEvent.callId, (values, fleet) =>
          plan(values.slice(0, -1), { routing, fleet, offer: values[values.length - 1] }),
        )
      : transact(context, keys, (values) => plan(values));
  return run((values, routed) => {
    if (values[0] !== undefined) return { ...noChange(), result: 'duplicate' as const };
    const now = context.now();
    const parts: Change[] = [
      {
        writes: [{ type: 'set', key: seenKey, value: 1, ttlMs: context.limits.dedupeTtlMs }],
        publish: [],
      },
    ];
    let started: CallFacts | undefined;
    if (customer !== undefined) {
      const before = readPermission(context, customer, values[values.length - 1]);
      const after = applyEvent(before, event, context.policy, token);
      if (after && JSON.stringify(after) !== JSON.stringify(before)) {
        parts.push(permissionChange(context, customer, before, after, now));
      }
      if (callEvent) started = startedByAgent(before, token, callEvent.callId, customer);
    }
    if (callEvent) {
      const before = readCall(values[1]);
      let after = applyCallEvent(before, withoutToken(callEvent, data));
      if (started) after = mergeCallFacts(after, started);
      const { routing: settings, fleet, offer } = routed ?? {};
      const offered =
        settings && fleet
          ? routeIngested(context, settings, offer, fleet, after, callEvent, now)
          : undefined;
      parts.push(callChange(context, before, offered?.facts ?? after).change);
      if (offered) parts.push(offered.change);
    }
    if (event.type === 'template.status') parts.push(templateUpdated(context, event));
    return { ...joinChanges(...parts), result: 'applied' as const };
  });
}

/** The event as the helpdesk sent its data: the correlation token taken out of the echoed field. */
function withoutToken(event: CallEvent, data: string | undefined): CallEvent {
  if (!('bizOpaqueCallbackData' in event) || event.bizOpaqueCallbackData === undefined)
    return event;
  const { bizOpaqueCallbackData: _echoed, ...rest } = event;
  return data === undefined ? rest : { ...rest, bizOpaqueCallbackData: data };
}

/** The customer the event concerns, if any; a malformed id concerns nobody rather than failing. */
function customerOf(event: WebhookEvent): string | undefined {
  try {
    return eventCustomer(event);
  } catch {
    return undefined;
  }
}

/**
 * The agent's `started` fact for a call placed by this helpdesk, recognised by the token its webhooks
 * echo. A call whose `connect` answer was lost is credited to its agent this way; for the others it
 * repeats what `startCall` recorded (same agent, same time), which changes nothing.
 */
function startedByAgent(
  state: StoredPermissionState,
  token: string | undefined,
  callId: string,
  customer: string,
): CallFacts | undefined {
  const placed = token === undefined ? undefined : state.active.find((c) => c.id === token);
  if (!placed?.agent) return undefined;
  return recordAgentEvent(undefined, {
    kind: 'started',
    callId,
    at: placed.since,
    agent: placed.agent,
    customer: /^\d+$/.test(customer) ? { waId: customer } : { userId: customer },
  });
}
