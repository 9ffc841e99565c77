import type { WebhookEvent } from '@wacall/core';
import type { CallSdp } from '../shared/api-types';

export interface CallSessions {
  /** Keeps the SDP of every `call.connect` event; returns the call ids that got a new one. */
  noteEvents(events: readonly WebhookEvent[]): string[];
  /** The latest SDP Meta sent for the call: an offer to answer, or the answer to an outgoing call. */
  get(callId: string): CallSdp | undefined;
}

// Calls end and are forgotten by the agent's page within minutes; a bound keeps a long demo small.
const maxCallsKept = 200;

/**
 * The SDP of each call, from the connect webhooks. The facade's call records carry no SDP, yet the
 * agent's browser needs Meta's offer to answer and Meta's answer to finish an outgoing call.
 */
export function createCallSessions(): CallSessions {
  const sessions = new Map<string, CallSdp>();
  return {
    noteEvents(events) {
      const changed: string[] = [];
      for (const event of events) {
        if (event.type !== 'call.connect') continue;
        // A re-delivered webhook moves the call to the end, so the oldest calls are dropped first.
        sessions.delete(event.callId);
        sessions.set(event.callId, { sdpType: event.session.sdpType, sdp: event.session.sdp });
        changed.push(event.callId);
      }
      for (const callId of sessions.keys()) {
        if (sessions.size <= maxCallsKept) break;
        sessions.delete(callId);
      }
      return changed;
    },
    get: (callId) => sessions.get(callId),
  };
}
