import { summariseError, type Agent } from '@wacall/core';
import { EventStreamConfigError } from '../errors/event-stream-config-error';
import type { NodeRequestLike } from '../handler/node-adapter';

/**
 * What one agent may receive. `customers`: whose changes (calls, activities, permission) reach them —
 * `'all'`, a list of customer keys (wa id digits or BSUIDs), or a test per customer key. Offers rung to
 * this agent always reach them, whoever the customer is: routing chose them.
 */
export interface EventStreamAccess {
  agent: Agent;
  customers: 'all' | readonly string[] | ((customer: string) => boolean);
}

/**
 * Decides who is asking. Resolve the agent's access; `null`/`undefined` answers 401 (not signed in),
 * `false` answers 403 (signed in, may not watch). A throw answers 500 and goes to `onError`.
 * Every flavour passes a Web `Request` (cookies, headers, URL); `.node` and `.express()` also pass
 * the original request, for what a session middleware put on it.
 */
export type EventStreamAuthorize = (
  request: Request,
  nodeRequest?: NodeRequestLike,
) =>
  | EventStreamAccess
  | null
  | undefined
  | false
  | Promise<EventStreamAccess | null | undefined | false>;

export interface EventStreamOptions {
  authorize: EventStreamAuthorize;
  /** A comment line this often (ms) keeps proxies from closing a quiet stream. Default 15 000. */
  heartbeatMs?: number;
  /** How many recent events are kept so a reconnecting browser can resume (`Last-Event-ID`). Default 1 000. */
  replay?: number;
  /** How soon (ms) the browser should reconnect after the stream drops. Default 2 000. */
  retryMs?: number;
  /**
   * Bytes that may wait for one slow browser. Beyond this the stream is closed; the browser reconnects
   * and resumes from what it received (or resyncs). Default 1 MiB.
   */
  maxQueuedBytes?: number;
  /** Receives failures nobody awaits (an `authorize` that threw). Default: one `console.error` line. */
  onError?: (error: unknown) => void;
}

/** @internal */
export interface ResolvedStreamOptions {
  authorize: EventStreamAuthorize;
  heartbeatMs: number;
  replay: number;
  retryMs: number;
  maxQueuedBytes: number;
  onError: (error: unknown) => void;
}

function logError(error: unknown): void {
  console.error(`[@wacall/node] an event stream request failed: ${summariseError(error)}`);
}

function wholeNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new EventStreamConfigError(
      name,
      `expected a whole number from ${min} to ${max} (got ${String(value)}).`,
    );
  }
  return value;
}

/** @internal The options, checked once at setup. */
export function resolveStreamOptions(options: EventStreamOptions): ResolvedStreamOptions {
  if (typeof options !== 'object' || options === null) {
    throw new EventStreamConfigError('options', 'expected { authorize }.');
  }
  if (typeof options.authorize !== 'function') {
    throw new EventStreamConfigError(
      'authorize',
      'pass a function that resolves { agent, customers } for the request (or null to answer 401), so no browser receives events it may not see.',
    );
  }
  return {
    authorize: options.authorize,
    heartbeatMs: wholeNumber('heartbeatMs', options.heartbeatMs ?? 15_000, 1_000, 3_600_000),
    replay: wholeNumber('replay', options.replay ?? 1_000, 0, 100_000),
    retryMs: wholeNumber('retryMs', options.retryMs ?? 2_000, 0, 600_000),
    maxQueuedBytes: wholeNumber(
      'maxQueuedBytes',
      options.maxQueuedBytes ?? 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
    onError: typeof options.onError === 'function' ? options.onError : logError,
  };
}
