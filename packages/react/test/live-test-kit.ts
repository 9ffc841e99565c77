// Shared by the hooks' browser tests: the real stream server (test/sse-server.ts) and records to send.
import { inject } from 'vitest';
import type { Activity, CallRecord, CustomerView } from '@wacall/core';
import type { WacallEventSubscription, WacallStreamEvent } from '../src/live/stream-event';

export const sseUrl = () => inject('sseUrl');

/** The stream URL for one agent; every test uses its own agent, so tests never hear each other. */
export const eventsUrl = (agent: string) => `${sseUrl()}/events?agent=${agent}`;

/** Makes the server emit a facade event (text/plain: no CORS preflight). */
export async function emit(type: WacallStreamEvent['type'], data?: unknown): Promise<void> {
  await fetch(`${sseUrl()}/emit`, { method: 'POST', body: JSON.stringify({ type, data }) });
}

/** Cuts the agent's open streams, as a flaky network would. */
export async function dropStreams(agent: string): Promise<void> {
  await fetch(`${sseUrl()}/drop?agent=${agent}`);
}

export async function openStreams(agent: string): Promise<number> {
  return Number(await (await fetch(`${sseUrl()}/connections?agent=${agent}`)).text());
}

/** A subscription the test drives by hand (for hooks whose stream is not the point). */
export function handStream(): WacallEventSubscription & {
  send: (event: WacallStreamEvent) => void;
} {
  const listeners = new Set<(event: WacallStreamEvent) => void>();
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    send: (event) => {
      for (const listener of [...listeners]) listener(event);
    },
  };
}

let seq = 0;
/** A unique customer number per call, so tests never collide on the shared server. */
export const newCustomer = () => `49151${String(Date.now() % 1e6).padStart(6, '0')}${++seq}`;

export function callRecord(customer: string, overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    callId: `wacid.${customer}.${++seq}`,
    customer: { waId: customer },
    businessNumber: '5511955550100',
    createdAt: 1_767_600_000_000 + seq * 1000,
    direction: 'user_initiated',
    status: 'ringing',
    errors: [],
    ...overrides,
  } as CallRecord;
}

export function activity(customer: string, at: number, text = `activity at ${at}`): Activity {
  return { id: `act-${customer}-${at}`, at, customer, kind: 'call.unassigned', params: {}, text };
}

export function customerView(customer: string): CustomerView {
  const allowed = { allowed: true } as unknown as CustomerView['decisions']['startCall'];
  return {
    customer,
    permission: { permission: 'none', permanent: false } as unknown as CustomerView['permission'],
    decisions: { startCall: allowed, sendPermissionRequest: allowed, sendCallInvite: allowed },
  };
}
