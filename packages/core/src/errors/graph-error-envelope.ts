import { WhatsAppApiError } from './whatsapp-api-error';

/** What the transport knows about a failed response, besides its body. */
export interface FailedResponse {
  httpStatus: number;
  /** The raw body text; may be empty, HTML from a proxy, or Graph's JSON envelope. */
  bodyText: string;
  /** `x-fb-trace-id`, used when the body has no `fbtrace_id`. */
  traceHeader?: string;
  retryAfterMs?: number;
  operation: string;
  /** Removes secrets from text that came back from the server. */
  redact: (text: string) => string;
}

/**
 * Reads Graph's `{ error: { message, type, code, error_subcode, error_data, fbtrace_id } }`
 * defensively: any field may be missing or mistyped, and the body may not be JSON at all.
 */
export function parseGraphError(failed: FailedResponse): WhatsAppApiError {
  const envelope = asRecord(parseJson(failed.bodyText));
  const error = asRecord(envelope?.error);
  const errorData = asRecord(
    typeof error?.error_data === 'string' ? parseJson(error.error_data) : error?.error_data,
  );
  const text = (value: unknown) =>
    typeof value === 'string' && value !== '' ? failed.redact(value) : undefined;
  return new WhatsAppApiError({
    httpStatus: failed.httpStatus,
    code: toInteger(error?.code),
    subcode: toInteger(error?.error_subcode),
    type: text(error?.type),
    apiMessage: text(error?.message),
    details: text(errorData?.details),
    fbtraceId: text(error?.fbtrace_id) ?? text(failed.traceHeader),
    isTransient: error?.is_transient === true,
    userTitle: text(error?.error_user_title),
    userMessage: text(error?.error_user_msg),
    retryAfterMs: failed.retryAfterMs,
    operation: failed.operation,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
