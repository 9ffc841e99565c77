import EventEmitter from 'eventemitter3';
import { recordAgentEvent as mergeAgentEvent } from './calls/record-agent-event';
import { checkWacallOptions } from './facade/check-wacall-options';
import { acceptCall, endCall, rejectCall, startCall } from './facade/call-actions';
import { getCall, getCustomer, listActivities, listCalls } from './facade/customer-reader';
import type { FacadeContext } from './facade/facade-context';
import { changeCall } from './facade/facade-context';
import { ingestEvents } from './facade/ingest';
import { requestPermission, sendCallInvite } from './facade/message-actions';
import { createWacallState } from './facade/wacall-state';
import type { Wacall, WacallEventMap, WacallOptions } from './facade/wacall-types';
import { createPermissionEngine } from './permissions/permission-engine';
import { MemoryStore } from './store/memory-store';

const day = 24 * 60 * 60 * 1000;

/**
 * Wires the client, the permission engine, the call lifecycle and a Store into one object: feed it
 * webhook events, call its agent actions, and listen to what changed.
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
  const context: FacadeContext = {
    client: options.client,
    engine,
    state: createWacallState({
      store,
      businessDigits: engine.businessNumber,
      maxActivities: options.maxActivitiesPerCustomer ?? 1000,
      dedupeTtlMs: options.dedupeTtlMs ?? 7 * day,
      retentionMs: options.retentionMs ?? 90 * day,
    }),
    emitter: new EventEmitter<WacallEventMap>(),
    now,
    activityMessages: options.activityMessages,
  };

  return {
    client: options.client,
    engine,
    store,
    on(event, listener) {
      // eventemitter3's overloads cannot see that `listener` matches `event`; the signature above does.
      context.emitter.on(event, listener as (...args: unknown[]) => void);
      return () => void context.emitter.off(event, listener as (...args: unknown[]) => void);
    },
    ingest: (events) => ingestEvents(context, events),
    startCall: (input) => startCall(context, engine.businessNumber, input),
    acceptCall: (input) => acceptCall(context, input),
    rejectCall: (input) => rejectCall(context, input),
    endCall: (input) => endCall(context, input),
    recordAgentEvent: (event) =>
      changeCall(context, event.callId, (facts) => mergeAgentEvent(facts, event)),
    requestPermission: (input) => requestPermission(context, input),
    sendCallInvite: (input) => sendCallInvite(context, input),
    getCustomer: (customer) => getCustomer(context, customer),
    listActivities: (customer, page) => listActivities(context, customer, page),
    getCall: (callId) => getCall(context, callId),
    listCalls: (customer, page) => listCalls(context, customer, page),
  };
}
