import type { RetryPolicy } from './client-options';

/** A retry policy with every default filled in. */
export type ResolvedRetryPolicy = Required<RetryPolicy>;

/** Fills in the defaults, or returns `undefined` when retries are off. */
export function resolveRetryPolicy(
  policy: RetryPolicy | false | undefined,
): ResolvedRetryPolicy | undefined {
  if (policy === false) return undefined;
  return {
    limit: policy?.limit ?? 2,
    baseDelayMs: policy?.baseDelayMs ?? 500,
    maxDelayMs: policy?.maxDelayMs ?? 8_000,
    jitter: policy?.jitter ?? true,
    maxRetryAfterMs: policy?.maxRetryAfterMs ?? 60_000,
    sleep: policy?.sleep ?? sleep,
  };
}

/** Exponential backoff for the retry after attempt `attempt` (1-based). */
export function backoffDelay(policy: ResolvedRetryPolicy, attempt: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Half fixed, half random: spreads clients out without ever retrying instantly.
  return policy.jitter ? Math.round(exponential * (0.5 + Math.random() * 0.5)) : exponential;
}

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
