import ky, { isTimeoutError, type KyInstance } from 'ky';
import { createRedactor, type Redact } from '../errors/create-redactor';
import { parseGraphError } from '../errors/graph-error-envelope';
import { WacallNetworkError } from '../errors/wacall-network-error';
import { WacallResponseError } from '../errors/wacall-response-error';
import { WacallTimeoutError } from '../errors/wacall-timeout-error';
import { WhatsAppApiError } from '../errors/whatsapp-api-error';
import { sanitiseCause } from '../errors/sanitise-cause';
import type { ClientHooks, RequestOptions } from './client-options';
import { createHookEmitter, type HookEmitter } from './hook-emitter';
import { backoffDelay, parseRetryAfter, type ResolvedRetryPolicy } from './retry';

/** One Graph request, as a resource describes it. */
export interface ApiCall {
  /** The client method, e.g. `calls.connect`; used in errors and hooks. */
  operation: string;
  method: 'GET' | 'POST';
  /** Relative to `{baseUrl}/{apiVersion}/`, e.g. `106540352242922/calls`. */
  path: string;
  /**
   * An absolute URL to call instead of `path` (a media file's download address). The token goes
   * along, so only https URLs, or URLs on `baseUrl`'s own origin (a simulator), are ever called.
   */
  url?: string;
  /** Read the success body as bytes (`ApiResult.body` is then an `ArrayBuffer`) instead of JSON. */
  binary?: boolean;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Whether sending it twice is harmless. Only repeatable calls are ever retried. */
  repeatable: boolean;
}

/** A successful (2xx) answer with its JSON body. */
export interface ApiResult {
  status: number;
  body: unknown;
  /** Already redacted: a header can echo anything, the token included. */
  fbtraceId?: string;
  /** The `content-type` header, for binary bodies. */
  contentType?: string;
  /** Scrubs the token from text read out of this answer, e.g. a record key in a problem path. */
  redact: Redact;
}

/** Sends an `ApiCall` with auth, timeout, retries and hooks; throws typed errors. */
export type Transport = (call: ApiCall, options?: RequestOptions) => Promise<ApiResult>;

export interface TransportConfig {
  accessToken: string;
  apiVersion: string;
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  retry?: ResolvedRetryPolicy;
  hooks?: ClientHooks;
}

type Failure = WhatsAppApiError | WacallNetworkError | WacallTimeoutError;
type Outcome = { result: ApiResult } | { error: Failure | WacallResponseError; url: string };

/** Builds the one place where the client talks HTTP. */
export function createTransport(config: TransportConfig): Transport {
  const secret = config.accessToken;
  const redact = createRedactor(secret);
  const emit = createHookEmitter(config.hooks, redact);
  const http = ky.create({
    prefixUrl: `${config.baseUrl}/${config.apiVersion}`,
    timeout: config.timeoutMs,
    retry: 0,
    throwHttpErrors: false,
    fetch: config.fetch,
    headers: { authorization: `Bearer ${secret}`, accept: 'application/json' },
  });

  return async (call, options = {}) => {
    const { signal } = options;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      const outcome = await attemptOnce(http, config, call, attempt, emit, redact, signal);
      if ('result' in outcome) return outcome.result;
      const { error, url } = outcome;
      const event = { operation: call.operation, method: call.method, url, error };
      const delayMs =
        error instanceof WacallResponseError
          ? undefined
          : retryDelay(config.retry, call, error, attempt);
      if (delayMs === undefined) {
        emit.error({ ...event, attempts: attempt });
        throw error;
      }
      emit.retry({ ...event, attempt, delayMs });
      await (config.retry as ResolvedRetryPolicy).sleep(delayMs, signal);
    }
  };
}

async function attemptOnce(
  http: KyInstance,
  config: TransportConfig,
  call: ApiCall,
  attempt: number,
  emit: HookEmitter,
  redact: Redact,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  const started = Date.now();
  const base = { operation: call.operation, method: call.method, attempt };
  let url = call.url ? redact(call.url) : `${config.baseUrl}/${config.apiVersion}/${call.path}`;
  if (call.url !== undefined && !isSafeAbsoluteUrl(call.url, config.baseUrl)) {
    const problems = [
      `url: ${url} is neither https nor on ${config.baseUrl}; the token stays home`,
    ];
    return { error: new WacallResponseError(call.operation, 200, problems), url };
  }
  let response: Response;
  let bodyText: string;
  let bytes: ArrayBuffer | undefined;
  try {
    const client = call.url === undefined ? http : http.extend({ prefixUrl: '' });
    response = await client(call.url ?? call.path, {
      method: call.method,
      json: call.body,
      searchParams: call.query,
      signal,
      hooks: {
        beforeRequest: [
          (request) => {
            url = redact(request.url);
            emit.request({ ...base, request, body: call.body });
          },
        ],
      },
    });
    if (call.binary && response.ok) {
      bytes = await response.arrayBuffer();
      bodyText = '';
    } else {
      bodyText = await response.text();
    }
  } catch (cause) {
    // The caller's abort is theirs to handle: hand back the signal's own reason, unwrapped.
    if (signal?.aborted) throw signal.reason;
    const error = isTimeoutError(cause)
      ? new WacallTimeoutError(call.operation, config.timeoutMs, attempt, {
          cause: sanitiseCause(cause, redact),
        })
      : networkError(call.operation, attempt, cause, redact);
    return { error, url };
  }
  const traceHeader = response.headers.get('x-fb-trace-id');
  const fbtraceId = traceHeader === null ? undefined : redact(traceHeader);
  const { status } = response;
  emit.response({ ...base, url, status, durationMs: Date.now() - started, fbtraceId });
  if (!response.ok) {
    const error = parseGraphError({
      httpStatus: status,
      bodyText,
      traceHeader: fbtraceId,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      operation: call.operation,
      redact,
    });
    return { error, url };
  }
  if (bytes !== undefined) {
    const contentType = response.headers.get('content-type') ?? undefined;
    return { result: { status, body: bytes, fbtraceId, contentType, redact } };
  }
  try {
    return { result: { status, body: JSON.parse(bodyText), fbtraceId, redact } };
  } catch {
    const problems = ['the body is not JSON'];
    return { error: new WacallResponseError(call.operation, status, problems, fbtraceId), url };
  }
}

function retryDelay(
  policy: ResolvedRetryPolicy | undefined,
  call: ApiCall,
  error: Failure,
  attempt: number,
): number | undefined {
  if (!policy || !call.repeatable || attempt > policy.limit || !error.retryable) return undefined;
  if (error instanceof WhatsAppApiError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs > policy.maxRetryAfterMs ? undefined : error.retryAfterMs;
  }
  return backoffDelay(policy, attempt);
}

/** Where a bearer token may travel: https anywhere, or plain http only to the configured base URL. */
function isSafeAbsoluteUrl(url: string, baseUrl: string): boolean {
  try {
    const target = new URL(url);
    return target.protocol === 'https:' || target.origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

// The runtime's error is kept only as a sanitised copy: a custom fetch's error (ky's HTTPError, for
// one) can carry the Request, and with it the authorization header.
function networkError(
  operation: string,
  attempt: number,
  cause: unknown,
  redact: Redact,
): WacallNetworkError {
  const chain = sanitiseCause(cause ?? 'the fetch failed without a reason', redact);
  const code = chain?.code ?? (chain?.cause as { code?: unknown } | undefined)?.code;
  const detail = `${chain?.message ?? ''}${typeof code === 'string' ? `: ${code}` : ''}`;
  return new WacallNetworkError(operation, attempt, detail, { cause: chain });
}
