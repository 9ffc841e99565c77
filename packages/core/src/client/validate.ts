import { WacallValidationError, type ValidationIssue } from '../errors/wacall-validation-error';

/** Collects every problem in one input, so the caller sees them all at once. */
export interface Issues {
  add(path: string, message: string, fix: string): void;
  /** Throws a `WacallValidationError` if anything was added. */
  throwIfAny(): void;
}

/** Starts collecting issues for the input of `operation`. */
export function issuesFor(operation: string): Issues {
  const list: ValidationIssue[] = [];
  return {
    add: (path, message, fix) => list.push({ path, message, fix }),
    throwIfAny: () => {
      if (list.length > 0) throw new WacallValidationError(operation, list);
    },
  };
}

const PHONE = /^\d{7,15}$/;
const BSUID = /^[A-Z]{2}\.[A-Za-z0-9.]{1,120}$/;

/** Checks a string field; returns whether it is usable. */
export function checkText(
  issues: Issues,
  path: string,
  value: unknown,
  rule: { max: number; optional?: boolean; what?: string },
): value is string {
  if (value === undefined && rule.optional) return false;
  if (typeof value !== 'string' || value.trim() === '') {
    const what = rule.what ?? 'text';
    issues.add(path, `must be non-empty ${what}.`, `Pass a string of 1–${rule.max} characters.`);
    return false;
  }
  if ([...value].length > rule.max) {
    issues.add(
      path,
      `is ${[...value].length} characters long; the limit is ${rule.max}.`,
      `Shorten it to ${rule.max} characters or fewer.`,
    );
    return false;
  }
  return true;
}

/** Checks an integer within `[min, max]`. */
export function checkInteger(
  issues: Issues,
  path: string,
  value: unknown,
  range: { min: number; max: number; optional?: boolean; unit?: string },
): void {
  if (value === undefined && range.optional) return;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    const unit = range.unit ? ` ${range.unit}` : '';
    issues.add(
      path,
      `must be a whole number from ${range.min} to ${range.max}${unit}.`,
      `Pass an integer between ${range.min} and ${range.max}.`,
    );
  }
}

/** Checks a user's phone number as the API wants it: international digits, no `+`. */
export function checkPhone(issues: Issues, path: string, value: unknown): void {
  if (typeof value === 'string' && PHONE.test(value)) return;
  const hint =
    typeof value === 'string' && /^\+?[\d\s().-]+$/.test(value)
      ? 'Remove the +, spaces, dashes and brackets'
      : 'Pass the number in international format';
  issues.add(
    path,
    'must be a phone number of 7–15 digits (country code first, no +).',
    `${hint}, e.g. 14085551234.`,
  );
}

/** Checks a string against `pattern`; returns whether it matched. */
export function checkPattern(
  issues: Issues,
  path: string,
  value: unknown,
  pattern: RegExp,
  message: string,
  fix: string,
  optional = false,
): boolean {
  if (optional && value === undefined) return false;
  if (typeof value === 'string' && pattern.test(value)) return true;
  issues.add(path, message, fix);
  return false;
}

/** Checks a business-scoped user id (BSUID) such as `US.13491208655302741918`. */
export function checkBsuid(issues: Issues, path: string, value: unknown): void {
  checkPattern(
    issues,
    path,
    value,
    BSUID,
    'must be a business-scoped user id such as US.13491208655302741918.',
    'Pass the user_id (or parent_user_id) from a webhook contact, unchanged.',
  );
}

/** Checks a language code such as `en`, `en_US` or `pt_BR`. */
export function checkLanguage(
  issues: Issues,
  path: string,
  value: unknown,
  optional = false,
): void {
  checkPattern(
    issues,
    path,
    value,
    /^[a-z]{2,3}(_[A-Za-z]{2,4})?$/,
    'must be a language code.',
    "Write e.g. 'en_US', 'en' or 'pt_BR'.",
    optional,
  );
}

/**
 * Checks the "who" of a call or permission lookup: a phone number, a BSUID, or both (the number
 * wins on Meta's side when both are sent).
 */
export function checkUserTarget(
  issues: Issues,
  phonePath: string,
  phone: unknown,
  recipient: unknown,
): void {
  if (phone === undefined && recipient === undefined) {
    issues.add(
      `${phonePath} | recipient`,
      'is missing: say who the user is.',
      `Pass ${phonePath} (phone digits) or recipient (a business-scoped user id).`,
    );
    return;
  }
  if (phone !== undefined) checkPhone(issues, phonePath, phone);
  if (recipient !== undefined) checkBsuid(issues, 'recipient', recipient);
}

/** Checks a WhatsApp call id (`wacid.…`). */
export function checkCallId(issues: Issues, value: unknown): void {
  checkPattern(
    issues,
    'callId',
    value,
    /^wacid\.\S+$/,
    'must be a WhatsApp call id starting with "wacid.".',
    'Pass the callId from the connect webhook (incoming) or from calls.connect() (outgoing).',
  );
}

/** Checks an SDP blob: plain RFC 8866 text with CRLF line ends, as a peer connection produces it. */
export function checkSdp(issues: Issues, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.add('sdp', 'must be a non-empty SDP string.', 'Pass RTCSessionDescription.sdp.');
  } else if (!value.startsWith('v=0')) {
    const fix = value.trimStart().startsWith('{')
      ? 'Pass the SDP text itself, not JSON.stringify({ type, sdp }).'
      : 'Pass RTCSessionDescription.sdp unchanged (it starts with "v=0").';
    issues.add('sdp', 'must start with "v=0".', fix);
  } else if (/(^|[^\r])\n/.test(value)) {
    issues.add(
      'sdp',
      'has bare \\n line ends; SDP lines end with \\r\\n.',
      'Pass the SDP exactly as the peer connection produced it, without re-joining its lines.',
    );
  }
}

/** Checks a value against a fixed set, case-insensitively. */
export function checkOneOf(
  issues: Issues,
  path: string,
  value: unknown,
  allowed: readonly string[],
  optional = false,
): void {
  if (value === undefined && optional) return;
  if (typeof value === 'string' && allowed.includes(value.toLowerCase())) return;
  issues.add(path, `must be one of ${allowed.join(', ')}.`, `Pass one of: ${allowed.join(', ')}.`);
}
