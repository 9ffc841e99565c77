import type { OfferState } from '../agents/offer-state';
import { readOffer } from '../agents/offer-state';
import type { CallEvent } from '../calls/apply-call-event';
import type { CallFacts } from '../calls/call-facts';
import type { Versioned } from '../store/store';
import type { Change } from './change';
import { noChange } from './change';
import type { FacadeContext, RoutingSettings } from './facade-context';
import type { Fleet } from './fleet-transact';
import { closeOffer, offerNext, recordOf, stillRinging, withEvents } from './routing-step';

/** What routing needs to know before an ingest transaction: the owner to try first, if any. */
export interface IngestRouting {
  settings: RoutingSettings;
  assignee?: string;
}

/**
 * Asks `assignee(customer)` for a call that comes in, outside the transaction (it may be slow, and a
 * plan must be pure). A failing assignee is reported and the call routed without one: a helpdesk bug
 * must not keep the phones from ringing.
 */
export async function prepareRouting(
  context: FacadeContext,
  event: CallEvent,
  customer: string | undefined,
): Promise<IngestRouting | undefined> {
  const settings = context.routing;
  if (!settings) return undefined;
  const incoming = event.type === 'call.connect' && event.direction === 'user_initiated';
  if (!incoming || customer === undefined || !settings.assignee) return { settings };
  try {
    const id = await settings.assignee(customer);
    return typeof id === 'string' && id !== '' ? { settings, assignee: id } : { settings };
  } catch (error) {
    context.report(error);
    return { settings };
  }
}

/**
 * Routing's part of ingesting a call event, in the same commit: an incoming call first seen ringing is
 * offered; an offered call that stopped ringing (it ended, or was answered) withdraws its offer. The
 * call's facts come back with routing's agent events added.
 */
export function routeIngested(
  context: FacadeContext,
  routing: IngestRouting,
  offer: Versioned | undefined,
  fleet: Fleet,
  after: CallFacts,
  event: CallEvent,
  now: number,
): { facts: CallFacts; change: Change } {
  const record = recordOf(context, after);
  const state = readOffer(offer);
  if (!state) {
    if (event.type !== 'call.connect' || !record || !stillRinging(record)) return unchanged(after);
    const opened: OfferState = {
      callId: record.callId,
      customer: record.customer,
      offered: [],
      tried: [],
      ...(routing.assignee === undefined ? {} : { assignee: routing.assignee }),
    };
    const step = offerNext(context, routing.settings, opened, fleet, record, event.timestamp, now);
    return { facts: withEvents(after, step.events), change: step.change };
  }
  if (state.closed !== undefined || !record || stillRinging(record)) return unchanged(after);
  const ended = record.endedAt !== undefined || record.outcome !== undefined;
  const step = ended
    ? closeOffer(context, state, 'ended')
    : closeOffer(context, state, 'accepted', record.agent);
  return { facts: after, change: step.change };
}

const unchanged = (facts: CallFacts) => ({ facts, change: noChange() });
