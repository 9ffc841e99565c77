/**
 * What each Graph / Cloud API error code means for a calling integration, and what to do about it.
 * One table, so a code Meta adds or renames is a one-line change. Sources, checked 2026-12: Meta
 * "Calling troubleshooting" page (138xxx and the 131xxx calling refusals, updated 2026-06-24), Meta
 * "Error codes" page (Graph 1–200, throttling 4, 613, 80007, 130429, 131056) and the "Calling API
 * reference" page (131055 when SIP is on).
 */

/** The broad kind of failure, for branching in code and for grouping in dashboards. */
export type ErrorCategory =
  | 'auth'
  | 'permission'
  | 'rate_limit'
  | 'validation'
  | 'window'
  | 'not_enabled'
  | 'region'
  | 'quality'
  | 'payment'
  | 'recipient'
  | 'call_state'
  | 'media'
  | 'server'
  | 'calling'
  | 'unknown';

/** The catalogue's entry for one error code. */
export interface ErrorInfo {
  code: number;
  /** False when the code is not in the catalogue and the entry is a generic fallback. */
  known: boolean;
  category: ErrorCategory;
  /** Whether the same request, repeated after a short pause, can succeed. */
  retryable: boolean;
  /** What the error means, in one sentence. */
  meaning: string;
  /** What to do about it. */
  fix: string;
}

type Row = [category: ErrorCategory, retryable: boolean, meaning: string, fix: string];

const LATER = 'Retry later; if it persists, report the fbtraceId to Meta.';
const MEDIA =
  "Often the user's network; check that your side completes ICE/DTLS and sends audio at once.";
const SLOW = 'Slow down and retry with backoff.';

const catalogue: Record<number, Row> = {
  1: ['server', true, 'Unknown Graph API error.', LATER],
  2: ['server', true, 'The Graph API is temporarily down.', LATER],
  4: ['rate_limit', true, 'App-level Graph rate limit hit.', SLOW],
  10: [
    'auth',
    false,
    "The token's app lacks a permission.",
    'Grant whatsapp_business_messaging and whatsapp_business_management, then issue a new token.',
  ],
  100: [
    'validation',
    false,
    'Invalid parameter; for calls often the SDP (see details).',
    'Read details; pass the SDP as the peer connection made it.',
  ],
  190: [
    'auth',
    false,
    'The access token is invalid or expired.',
    'Create the client with a new access token.',
  ],
  200: [
    'auth',
    false,
    'The token may not act on this phone number or WABA.',
    'Use a token of the business that owns the phone number ID and WABA ID.',
  ],
  613: [
    'rate_limit',
    true,
    'Too many call-permission lookups.',
    'Cache permissions; rely on permission webhooks.',
  ],
  80007: ['rate_limit', true, 'WhatsApp Business Account rate limit hit.', SLOW],
  130429: ['rate_limit', true, 'Cloud API throughput for the number reached.', SLOW],
  131000: ['server', true, "Something went wrong on Meta's side.", LATER],
  131009: [
    'region',
    false,
    "Call-invite messages are not supported in the sender's country.",
    'Send a call permission request or a wa.me/call link instead.',
  ],
  131016: ['server', true, 'The service is temporarily unavailable.', LATER],
  131026: [
    'recipient',
    false,
    "Undeliverable: the user's WhatsApp is too old or absent.",
    'Ask the user to update WhatsApp.',
  ],
  131030: [
    'recipient',
    false,
    "The user is not on the test number's allowed list.",
    'Add the number in the App Dashboard, or use a production number.',
  ],
  131044: [
    'payment',
    false,
    'No valid payment method on the account.',
    'Add a payment method to the WhatsApp Business Account.',
  ],
  131047: [
    'window',
    false,
    'The 24 h window is closed: free-form messages are refused.',
    'Send the template version instead.',
  ],
  131048: [
    'quality',
    false,
    'Spam rate limit: too many messages blocked or reported.',
    'Message fewer, interested users; check the quality rating.',
  ],
  131055: [
    'not_enabled',
    false,
    'SIP is enabled, so Graph call control is refused.',
    "Control calls over SIP, or set sip.status to 'disabled'.",
  ],
  131056: [
    'rate_limit',
    true,
    'Too many messages to this user in a short time.',
    'Wait before messaging this user again.',
  ],
  132000: [
    'validation',
    false,
    "Parameter count does not match the template's placeholders.",
    'Pass one bodyParameters entry per {{n}}.',
  ],
  132001: [
    'validation',
    false,
    'Template missing in this language, or not approved.',
    'Check the name and language with templates.list().',
  ],
  138000: [
    'not_enabled',
    false,
    'Calling is not enabled on this number.',
    "Call settings.update({ status: 'enabled' }).",
  ],
  138001: [
    'recipient',
    false,
    'The user cannot receive WhatsApp calls.',
    'Ask them to update WhatsApp on Android or iOS; do not retry.',
  ],
  138002: ['rate_limit', true, '1,000 concurrent calls reached.', 'Wait for calls to end.'],
  138003: [
    'call_state',
    false,
    'A call with this user is already in progress.',
    'End that call first.',
  ],
  138004: ['server', true, 'Connection error while setting up the call.', LATER],
  138005: [
    'rate_limit',
    false,
    'Call-initiation limit of the number reached (per 24 h).',
    'Spread calls over the day.',
  ],
  138006: [
    'permission',
    false,
    'No call permission from this user.',
    'Send a call permission request; call once it is accepted.',
  ],
  138007: [
    'media',
    true,
    'Connect timed out: the SDP answer was not applied or sent in time.',
    'Apply or send the answer promptly, then try again.',
  ],
  138009: [
    'rate_limit',
    false,
    'Permission-request limit for this user reached.',
    'Wait for the reset given in details (a connected call resets it too).',
  ],
  138012: [
    'rate_limit',
    false,
    'Daily connected-call limit for this user reached.',
    'Wait until the time given in details.',
  ],
  138013: [
    'region',
    false,
    "Business-initiated calls are unavailable in the business number's country.",
    'Use call invites or wa.me/call links instead.',
  ],
  138014: [
    'quality',
    false,
    'Calling is paused for low call quality.',
    'Wait for the pause to end; improve pick-up rates.',
  ],
  138015: [
    'not_enabled',
    false,
    'Calling needs a messaging limit of at least 2,000.',
    'Raise the messaging limit first.',
  ],
  138017: [
    'permission',
    false,
    'The user already granted permanent permission.',
    'Call the user directly.',
  ],
  138018: [
    'not_enabled',
    false,
    "No app subscribed to the 'calls' webhook field, and no SIP.",
    "Subscribe an app to 'calls' or configure SIP.",
  ],
  138019: ['media', false, "The user's client failed to set up the call.", MEDIA],
  138020: ['media', false, "The user's client could not reach the relay.", MEDIA],
  138021: [
    'media',
    false,
    "The user's client received no media for too long.",
    'Send audio (or RTCP) as soon as the call connects.',
  ],
  138022: ['media', false, "The user's client sent no media for too long.", MEDIA],
  138023: ['media', false, 'Accepted, then ended with no media; state unknown.', MEDIA],
};

/** Every code the catalogue describes, for tests and documentation. */
export const catalogedErrorCodes: readonly number[] = Object.keys(catalogue).map(Number);

/**
 * Describes a Graph / Cloud API error code: category, whether a retry can help, meaning and fix.
 * Unknown 138xxx codes come back as a generic calling error; other unknown codes as `unknown`.
 */
export function getErrorInfo(code: number): ErrorInfo {
  const row = catalogue[code];
  if (row) {
    const [category, retryable, meaning, fix] = row;
    return { code, known: true, category, retryable, meaning, fix };
  }
  if (code >= 138000 && code < 139000) {
    return {
      code,
      known: false,
      category: 'calling',
      retryable: false,
      meaning: 'A calling error Meta has not documented.',
      fix: 'Read the message and details. ' + LATER,
    };
  }
  return {
    code,
    known: false,
    category: 'unknown',
    retryable: false,
    meaning: 'An error code this SDK does not know.',
    fix: "Read the message and details; see Meta's error-code reference.",
  };
}
