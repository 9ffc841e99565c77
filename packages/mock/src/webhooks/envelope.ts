/**
 * Wraps updates into Meta's envelope, batches them, serialises them the way Meta does and signs the
 * exact bytes. Pure functions: the dispatcher decides when and where the bodies go.
 */
import { createHmac } from 'node:crypto';
import type { WebhookUpdate } from './payloads';

export interface WebhookEnvelope {
  object: 'whatsapp_business_account';
  entry: {
    id: string;
    time?: number;
    changes: { value: Record<string, unknown>; field: string }[];
  }[];
}

const itemKeys = ['calls', 'statuses', 'messages'] as const;

function phoneNumberIdOf(value: Record<string, unknown>): unknown {
  const metadata = value['metadata'];
  return typeof metadata === 'object' && metadata !== null
    ? (metadata as Record<string, unknown>)['phone_number_id']
    : undefined;
}

/** Whether two changes can share one `value` (Meta batches items of one number into arrays). */
function canMerge(into: { value: Record<string, unknown>; field: string }, next: WebhookUpdate) {
  return (
    into.field === next.field &&
    (next.field === 'calls' || next.field === 'messages') &&
    phoneNumberIdOf(into.value) === phoneNumberIdOf(next.value) &&
    // Value-level errors belong to one call; merging would attach them to its neighbours too.
    !('errors' in into.value) &&
    !('errors' in next.value)
  );
}

function mergeValue(into: Record<string, unknown>, next: Record<string, unknown>): void {
  for (const key of itemKeys) {
    const items = next[key];
    if (!Array.isArray(items)) continue;
    const existing = into[key];
    into[key] = Array.isArray(existing) ? [...existing, ...items] : [...items];
  }
  const contacts = next['contacts'];
  if (Array.isArray(contacts)) {
    const existing = Array.isArray(into['contacts']) ? (into['contacts'] as unknown[]) : [];
    const known = new Set(existing.map((contact) => JSON.stringify(contact)));
    into['contacts'] = [
      ...existing,
      ...contacts.filter((contact) => !known.has(JSON.stringify(contact))),
    ];
  }
}

/** One envelope per update (`batch: false`), or every update in one envelope, items merged. */
export function buildEnvelopes(
  updates: readonly WebhookUpdate[],
  batch: boolean,
): WebhookEnvelope[] {
  if (!batch) {
    return updates.map((one) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: one.wabaId,
          ...(one.time === undefined ? {} : { time: one.time }),
          changes: [{ value: structuredClone(one.value), field: one.field }],
        },
      ],
    }));
  }
  const envelope: WebhookEnvelope = { object: 'whatsapp_business_account', entry: [] };
  for (const one of updates) {
    let entry = envelope.entry.find((candidate) => candidate.id === one.wabaId);
    if (entry === undefined) {
      entry = { id: one.wabaId, changes: [] };
      envelope.entry.push(entry);
    }
    if (one.time !== undefined) entry.time = Math.max(entry.time ?? 0, one.time);
    const target = entry.changes.find((change) => canMerge(change, one));
    if (target === undefined) {
      entry.changes.push({ value: structuredClone(one.value), field: one.field });
    } else {
      mergeValue(target.value, structuredClone(one.value));
    }
  }
  return envelope.entry.length === 0 ? [] : [envelope];
}

/**
 * JSON as Meta's senders write it: `/` escaped as `\/` and non-ASCII as `\uXXXX`. A receiver that
 * re-serialises the parsed body instead of hashing the raw bytes fails the signature check, as it
 * would in production.
 */
export function serialiseLikeMeta(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/\//g, '\\/')
    .replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/** The `X-Hub-Signature-256` header value for `body`: HMAC-SHA256 keyed with the app secret. */
export function signBody(body: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body, 'utf8').digest('hex')}`;
}
