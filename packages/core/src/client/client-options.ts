/** Options of `createClient()`, its retry policy and its observation hooks. */

/**
 * The Graph API version used when `apiVersion` is not given. Meta serves each version about two
 * years; pin another with `createClient({ apiVersion: 'v26.0' })`.
 */
export const DEFAULT_API_VERSION = 'v25.0';
/** Where the Graph API lives; point `baseUrl` elsewhere to talk to a simulator. */
export const DEFAULT_BASE_URL = 'https://graph.facebook.com';
/** Per-attempt timeout used when `timeoutMs` is not given. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * How reads and other repeat-safe requests are retried. `calls.connect`, `calls.preAccept`,
 * `calls.accept`, message sends and template creation are never retried, whatever this says.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Delay before the first retry, doubled on each next one. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap on the backoff delay. Default 8 000 ms. */
  maxDelayMs?: number;
  /** Randomise each delay between half and all of it, so clients do not retry in step. Default true. */
  jitter?: boolean;
  /** A `Retry-After` longer than this fails the request instead of waiting. Default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** How to wait; replace it in tests to make retries instant. Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Options every client method takes as its last argument. */
export interface RequestOptions {
  /** Aborts the request (and any retry wait). The promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What a hook sees of a request. The `authorization` header is always redacted. */
export interface RequestEvent {
  /** The client method, e.g. `calls.connect`. */
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The JSON body sent, if any. */
  body?: unknown;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
}

/** What a hook sees of a response (any status). */
export interface ResponseEvent {
  operation: string;
  method: string;
  url: string;
  status: number;
  durationMs: number;
  attempt: number;
  /** Meta's request id, from the `x-fb-trace-id` header. */
  fbtraceId?: string;
}

/** A retry about to happen. */
export interface RetryEvent {
  operation: string;
  method: string;
  url: string;
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  /** The failure, serialised (no token). */
  error: Record<string, unknown>;
}

/** A request that failed for good (after any retries). */
export interface ErrorEvent {
  operation: string;
  method: string;
  url: string;
  attempts: number;
  error: Record<string, unknown>;
}

/** Observers for logging and metrics. A hook that throws never fails the request. */
export interface ClientHooks {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: ResponseEvent) => void;
  onRetry?: (event: RetryEvent) => void;
  onError?: (event: ErrorEvent) => void;
}

/** Options of `createClient()`. */
export interface ClientOptions {
  /** A system-user or business-integration token. It never appears in errors or hook output. */
  accessToken: string;
  /** The numeric Graph id of the business phone number (not the display number). */
  phoneNumberId: string;
  /** The WhatsApp Business Account id; needed by `templates.*` and `analytics.calls`. */
  wabaId?: string;
  /** Graph API version, e.g. `v26.0`. Default {@link DEFAULT_API_VERSION}. */
  apiVersion?: string;
  /** Default {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (proxies, tests, edge runtimes). */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in ms. Default 20 000. */
  timeoutMs?: number;
  /** Retry policy for repeat-safe requests, or `false` to never retry. */
  retry?: RetryPolicy | false;
  hooks?: ClientHooks;
}
