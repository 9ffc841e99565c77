// The layers around the items (envelope, entry, change, value) are checked by hand: they are the same
// for every delivery, and plain checks cost a fraction of a schema run on this hot path.
import type { WebhookIssue } from './events';
import { issue } from './normalize';
import { epochTime, type Numeric } from './schemas';

type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Graph id: a non-empty string, or a number in hand-written payloads. */
function graphId(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function optionalList(value: unknown): value is unknown[] | undefined {
  return value === undefined || Array.isArray(value);
}

export interface Entry {
  wabaId: string;
  time: Numeric | undefined;
  changes: unknown[];
}

/** Records an issue at `path` and gives `undefined`, so a reader can `return fail(...)`. */
function failer(path: string, raw: unknown, issues: WebhookIssue[]) {
  return (problem: string): undefined => {
    issues.push(issue(path, problem, raw));
    return undefined;
  };
}

export function readEntry(raw: unknown, path: string, issues: WebhookIssue[]): Entry | undefined {
  const fail = failer(path, raw, issues);
  if (!isFields(raw)) return fail('expected an object');
  const wabaId = graphId(raw.id);
  if (wabaId === undefined) return fail('id: expected a non-empty string id');
  if (!Array.isArray(raw.changes)) return fail('changes: expected an array');
  const { time } = raw;
  if (time !== undefined && !epochTime.safeParse(time).success) {
    return fail('time: expected whole Unix seconds (or milliseconds) from 1970 to 2200');
  }
  return { wabaId, time: time as Numeric | undefined, changes: raw.changes };
}

export function readChange(
  raw: unknown,
  path: string,
  issues: WebhookIssue[],
): { field: string; value: unknown } | undefined {
  const fail = failer(path, raw, issues);
  if (!isFields(raw)) return fail('expected an object');
  if (typeof raw.field !== 'string' || raw.field === '') {
    return fail('field: expected a non-empty string');
  }
  return { field: raw.field, value: raw.value };
}

/** The `value` of a change on the `calls` and `messages` fields. */
export interface MessagingValue {
  phoneNumberId: string;
  displayPhoneNumber: string | undefined;
  contacts?: unknown[];
  calls?: unknown[];
  statuses?: unknown[];
  messages?: unknown[];
  errors?: unknown[];
}

const LISTS = ['contacts', 'calls', 'statuses', 'messages', 'errors'] as const;

export function readMessagingValue(
  raw: unknown,
  path: string,
  issues: WebhookIssue[],
): MessagingValue | undefined {
  const fail = failer(path, raw, issues);
  if (!isFields(raw)) return fail('expected an object');
  const metadata = raw.metadata;
  const phoneNumberId = isFields(metadata) ? graphId(metadata.phone_number_id) : undefined;
  if (!isFields(metadata) || phoneNumberId === undefined) {
    return fail('metadata: expected an object with phone_number_id');
  }
  const display = metadata.display_phone_number;
  if (display !== undefined && typeof display !== 'string') {
    return fail('metadata.display_phone_number: expected a string');
  }
  const wrongList = LISTS.find((key) => !optionalList(raw[key]));
  if (wrongList) return fail(`${wrongList}: expected an array`);
  return {
    phoneNumberId,
    displayPhoneNumber: display === '' ? undefined : display,
    ...(raw as Pick<MessagingValue, (typeof LISTS)[number]>),
  };
}
