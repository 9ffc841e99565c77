import { getErrorInfo, type ErrorCategory } from '../platform/error-catalogue';
import { serialiseError } from './serialise-error';
import { WacallError, hasMarker } from './wacall-error';

const marker = Symbol.for('@wacall/whatsapp-api-error');

/** What the client read from a failed Graph response. */
export interface WhatsAppApiErrorInit {
  httpStatus: number;
  /** Graph `error.code`; absent when the body was not a Graph error envelope. */
  code?: number;
  subcode?: number;
  type?: string;
  /** Meta's own message, e.g. `(#138006) ...`. */
  apiMessage?: string;
  /** `error.error_data.details`: Meta's specifics, e.g. when a limit resets. */
  details?: string;
  fbtraceId?: string;
  /** Graph's `is_transient` hint. */
  isTransient?: boolean;
  /** `error_user_title` / `error_user_msg`, meant for end users. */
  userTitle?: string;
  userMessage?: string;
  /** Parsed `Retry-After`, in ms. */
  retryAfterMs?: number;
  /** The client method that failed, e.g. `calls.connect`. */
  operation?: string;
}

/**
 * The Cloud API refused a request. Branch on `code` (or `category`), never on the message text:
 * Meta rewords messages freely. `meaning` and `fix` come from the error catalogue.
 */
export class WhatsAppApiError extends WacallError {
  /** @internal */
  readonly [marker] = true;
  readonly httpStatus: number;
  readonly code?: number;
  readonly subcode?: number;
  readonly type?: string;
  readonly apiMessage?: string;
  readonly details?: string;
  /** Meta's request id: quote it when you report a problem to Meta. */
  readonly fbtraceId?: string;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly retryAfterMs?: number;
  readonly operation?: string;
  /** Whether repeating the same request after a pause can succeed. */
  readonly retryable: boolean;
  readonly category: ErrorCategory;
  readonly meaning: string;
  readonly fix: string;

  constructor(init: WhatsAppApiErrorInit) {
    const { category, retryable, meaning, fix } = describe(init);
    const label = init.code === undefined ? `HTTP ${init.httpStatus}` : `error ${init.code}`;
    const where = init.operation ? ` on ${init.operation}` : '';
    const said = init.apiMessage ? ` Meta said: "${init.apiMessage}".` : '';
    super(`WhatsApp API ${label}${where}: ${meaning}${said} Fix: ${fix}`);
    this.name = 'WhatsAppApiError';
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type;
    this.apiMessage = init.apiMessage;
    this.details = init.details;
    this.fbtraceId = init.fbtraceId;
    this.userTitle = init.userTitle;
    this.userMessage = init.userMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.operation = init.operation;
    this.category = category;
    this.retryable = retryable;
    this.meaning = meaning;
    this.fix = fix;
  }

  /** Whether `value` is a `WhatsAppApiError` from any copy of @wacall. */
  static override isInstance(value: unknown): value is WhatsAppApiError {
    return hasMarker(value, marker);
  }

  /** A plain object for logs; it never contains the access token. */
  toJSON(): Record<string, unknown> {
    return serialiseError(this);
  }
}

/** Whether `value` is a `WhatsAppApiError` from any copy of @wacall. */
export function isWhatsAppApiError(value: unknown): value is WhatsAppApiError {
  return WhatsAppApiError.isInstance(value);
}

// Known codes follow the catalogue; unknown ones fall back to what the HTTP status implies.
function describe(init: WhatsAppApiErrorInit) {
  const { httpStatus } = init;
  const transient = httpStatus === 429 || httpStatus >= 500 || init.isTransient === true;
  if (init.code !== undefined) {
    const info = getErrorInfo(init.code);
    if (info.known || info.category === 'calling') {
      return {
        ...info,
        retryable: info.retryable || httpStatus >= 500 || init.isTransient === true,
      };
    }
    return { ...info, category: categoryFromStatus(httpStatus), retryable: transient };
  }
  const info = getErrorInfo(0);
  return {
    ...info,
    category: categoryFromStatus(httpStatus),
    retryable: transient,
    meaning: `Meta answered HTTP ${httpStatus} without a Graph error body.`,
    fix: transient
      ? 'Retry later with backoff.'
      : 'Check the base URL, API version and phone number ID the client was created with.',
  };
}

function categoryFromStatus(status: number): ErrorCategory {
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'server';
  if (status === 401 || status === 403) return 'auth';
  return 'unknown';
}
