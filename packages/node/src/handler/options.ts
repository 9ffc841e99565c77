import { summariseError, type WebhookEvent, type WebhookIssue } from '@wacall/core';
import { WebhookConfigError } from '../errors/webhook-config-error';
import { normaliseSecrets } from '../signature/verify';

/** Meta's documented maximum webhook payload. */
export const DEFAULT_MAX_BODY_BYTES = 3 * 1024 * 1024;

/** What `onEvents` gets besides the events. */
export interface WebhookContext {
  /** Items of the body that failed their schema and were skipped (the rest are in `events`). */
  issues: WebhookIssue[];
}

export interface WebhookHandlerOptions {
  /** Your app secret, or several during a rotation. Signatures are checked against the raw body. */
  appSecret: string | readonly string[];
  /** The verify token you typed in the webhook settings; answers Meta's subscription GET. */
  verifyToken: string;
  /**
   * Receives the events of each verified delivery. Resolve (to anything, e.g. what `wacall.ingest` returns) to answer 200; throw (or reject) to answer
   * 500 so Meta redelivers. Keep it fast (Meta waits about 20 s) and de-duplicate with `eventKey()`.
   */
  onEvents: (events: WebhookEvent[], context: WebhookContext) => void | Promise<unknown>;
  /** Bodies above this many bytes are refused with 413. Default 3 MB (Meta's maximum). */
  maxBodyBytes?: number;
  /**
   * Called when a delivery fails after its signature checked out, e.g. `onEvents` threw (the answer is
   * 500). Default: one `console.error` line from `summariseError()` (name, code, message, fbtraceId,
   * causes; credentials masked), never the error object with whatever requests or headers it holds.
   */
  onError?: (error: unknown) => void;
}

/** @internal The options, checked once at setup. */
export interface ResolvedOptions {
  secrets: readonly string[];
  verifyToken: string;
  onEvents: WebhookHandlerOptions['onEvents'];
  maxBodyBytes: number;
  onError: (error: unknown) => void;
}

// A summary, not the object: console.error would print every property of a foreign error, and an
// HTTP client's error can hold the request with its authorization header.
function logError(error: unknown): void {
  console.error(
    `[@wacall/node] a webhook delivery failed; answered 500 so Meta redelivers it: ${summariseError(error)}`,
  );
}

export function resolveOptions(options: WebhookHandlerOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new WebhookConfigError('options', 'expected { appSecret, verifyToken, onEvents }.');
  }
  const {
    verifyToken,
    onEvents,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    onError = logError,
  } = options;
  const secrets = normaliseSecrets(options.appSecret);
  if (typeof verifyToken !== 'string' || verifyToken.length === 0) {
    throw new WebhookConfigError(
      'verifyToken',
      'expected the non-empty string you entered as "Verify token" in the webhook settings of your Meta app.',
    );
  }
  if (typeof onEvents !== 'function') {
    throw new WebhookConfigError(
      'onEvents',
      'expected a function that receives the parsed events.',
    );
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new WebhookConfigError(
      'maxBodyBytes',
      'expected a positive whole number of bytes (default 3 MB).',
    );
  }
  if (typeof onError !== 'function') {
    throw new WebhookConfigError(
      'onError',
      'expected a function, or leave it out to log with console.error.',
    );
  }
  return { secrets, verifyToken, onEvents, maxBodyBytes, onError };
}
