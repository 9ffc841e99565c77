import EventEmitter from 'eventemitter3';
import { summariseError } from './errors/summarise-error';
import { WacallValidationError } from './errors/wacall-validation-error';
import { acceptCall, changeCall, declineCall, endCall, startCall } from './facade/call-actions';
import { countCalls, findCalls } from './facade/call-log';
import { checkWacallOptions } from './facade/check-wacall-options';
import { getCall, getCustomer, listActivities, listCalls } from './facade/customer-reader';
import type { FacadeContext } from './facade/facade-context';
import { listenToFeed } from './facade/feed';
import { ingestEvents } from './facade/ingest';
import { getRecording, getTranscript } from './facade/media-actions';
import { requestPermission, sendCallInvite } from './facade/message-actions';
import { stateKeys } from './facade/state-keys';
import { sweep } from './facade/sweep';
import { routingSettings } from './facade/check-routing-options';
import { listAgents, presenceOnCallEnd, setPresence } from './facade/presence-actions';
import { declineOffer } from './facade/routing-actions';
import type { Wacall, WacallEventMap, WacallOptions } from './facade/wacall-types';
import { decisionMessages } from './permissions/decision-messages';
import { createPermissionEngine } from './permissions/permission-engine';
import { reservationIds } from './permissions/reservation-ids';
import { MemoryStore } from './store/memory-store';

const day = 24 * 60 * 60 * 1000;

/**
 * Wires the client, the permission rules, the call lifecycle and a Store into one object: feed it
 * webhook events, call its agent actions, and listen to what changed — on every instance that shares
 * the store, whichever instance made the change.
 *
 * @example
 * const wacall = createWacall({ client, businessNumber: '+44 20 7946 0000' });
 * wacall.on('call.updated', (call) => pushToAgents(call));
 */
export function createWacall(options: WacallOptions): Wacall {
  checkWacallOptions(options);
  const now = options.now ?? Date.now;
  const store = options.store ?? new MemoryStore({ now });
  const engine = createPermissionEngine({
    businessNumber: options.businessNumber,
    phoneNumberId: options.client.phoneNumberId,
    store,
    now,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.callingEnabled === undefined ? {} : { callingEnabled: options.callingEnabled }),
  });
  const report = options.onError ?? logError;
  const emitter = new EventEmitter<WacallEventMap>();
  // Presence follows the calls agents are in; the feed delivers only once `context` below exists.
  const feed = listenToFeed(store, engine.businessNumber, emitter, (call) =>
    presenceOnCallEnd(context)(call),
  );
  const setting = options.callingEnabled ?? true;
  const context: FacadeContext = {
    client: options.client,
    engine,
    store,
    keys: stateKeys(engine.businessNumber),
    policy: engine.policy,
    businessDigits: engine.businessNumber,
    async decideContext() {
      const enabled = typeof setting === 'function' ? await setting() : setting;
      return {
        policy: engine.policy,
        messages: decisionMessages,
        regionBlocked:
          engine.businessCountry !== undefined &&
          engine.policy.businessInitiatedUnavailableIn.includes(engine.businessCountry),
        callingEnabled: enabled !== false,
      };
    },
    emitter,
    now,
    activityMessages: options.activityMessages,
    limits: {
      maxActivities: options.maxActivitiesPerCustomer ?? 1000,
      dedupeTtlMs: options.dedupeTtlMs ?? 7 * day,
      // Infinity keeps history forever: records and activities are written without an expiry.
      retentionMs: options.retentionMs === Infinity ? undefined : (options.retentionMs ?? 90 * day),
    },
    ready: feed.ready,
    nextId: reservationIds(),
    report,
    ...(options.routing ? { routing: routingSettings(options.routing) } : {}),
  };
  const timer = startSweeping(options.sweepIntervalMs, () => sweep(context), report);
  // Listen at once: an instance that only serves agents' consoles must hear the others' changes.
  feed.ready().catch(report);

  return {
    client: options.client,
    engine,
    store,
    on(event, listener) {
      // A listener that throws must not stop the others, nor the commit that announced the change.
      const safe = (...args: unknown[]) => {
        try {
          (listener as (...values: unknown[]) => void)(...args);
        } catch (error) {
          report(error);
        }
      };
      context.emitter.on(event, safe as never);
      return () => void context.emitter.off(event, safe as never);
    },
    ingest: (events) => ingestEvents(context, events),
    sweep: () => sweep(context),
    async close() {
      if (timer !== undefined) clearInterval(timer);
      await feed.close();
    },
    startCall: (input) => startCall(context, engine.businessNumber, input),
    acceptCall: (input) => acceptCall(context, input),
    declineCall: (input) => declineCall(context, input),
    // Deprecated name of declineCall, kept for code written against it.
    rejectCall: (input) => declineCall(context, input),
    endCall: (input) => endCall(context, input),
    recordAgentEvent: (event) => changeCall(context, event),
    requestPermission: (input) => requestPermission(context, input),
    sendCallInvite: (input) => sendCallInvite(context, input),
    getCustomer: (customer) => getCustomer(context, customer),
    listActivities: (customer, page) => listActivities(context, customer, page),
    getCall: (callId) => getCall(context, callId),
    listCalls: (customer, page) => listCalls(context, customer, page),
    getRecording: (callId) => getRecording(context, callId),
    getTranscript: (callId) => getTranscript(context, callId),
    findCalls: (input) => findCalls(context, input),
    countCalls: (filter) => countCalls(context, filter),
    setPresence: (input) => setPresence(context, input),
    listAgents: () => listAgents(context),
    declineOffer: async (input) => {
      if (!context.routing) throw routingMissing('declineOffer');
      return declineOffer(context, context.routing, input);
    },
  };
}

function startSweeping(
  intervalMs: number | undefined,
  run: () => Promise<unknown>,
  report: (error: unknown) => void,
): ReturnType<typeof setInterval> | undefined {
  if (intervalMs === undefined) return undefined;
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 1000) {
    throw new WacallValidationError('createWacall', [
      {
        path: 'sweepIntervalMs',
        message: `must be a whole number of milliseconds, at least 1000 (got ${String(intervalMs)}).`,
        fix: 'Pass e.g. 30000 to sweep every 30 s, or leave it out and call sweep() from a scheduled job.',
      },
    ]);
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch(report)
      .finally(() => (running = false));
  }, intervalMs);
  // A sweep timer alone must not keep the process alive.
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

function routingMissing(operation: string): WacallValidationError {
  return new WacallValidationError(operation, [
    {
      path: 'routing',
      message:
        'is not configured, so calls are not offered to agents and there is no offer to decline.',
      fix: "Pass createWacall({ routing: { strategy: 'ring_all' } }), or report the outcome with recordAgentEvent({ kind: 'declined', ... }).",
    },
  ]);
}

/** The default `onError`: one line an operator can act on, with nothing secret in it. */
function logError(error: unknown): void {
  console.error(`[wacall] ${summariseError(error)}`);
}
