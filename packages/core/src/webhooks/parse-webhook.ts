import type { ChangeContext } from './change-context';
import { parseContacts } from './contacts';
import type { ParsedWebhook, UnknownEvent } from './events';
import { lower, toEpochMs } from './normalize';
import { parseAccountUpdate } from './parse-account-update';
import { parseTemplateStatus } from './parse-template-status';
import { parseCallItem, parseCallStatus } from './parse-call-items';
import { parseMessageItem, parseMessageStatus } from './parse-message-items';
import { readEnvelope } from './read-envelope';
import { readChange, readEntry, readMessagingValue } from './containers';
import { epochTime } from './schemas';
import { parseErrors } from './webhook-errors';

/**
 * Parses a WhatsApp Business Account webhook body into typed events. Walks every entry, change and
 * item. Throws `WebhookPayloadError` only when the body is not such a webhook at all; an item that
 * fails its schema is skipped and reported in `issues`, the others are still returned.
 */
export function parseWebhook(body: string | Uint8Array | object): ParsedWebhook {
  const envelope = readEnvelope(body);
  const out: ParsedWebhook = { events: [], issues: [] };
  const now = Date.now();
  envelope.entry.forEach((raw, i) => {
    const path = `entry[${i}]`;
    const entry = readEntry(raw, path, out.issues);
    if (!entry) return;
    const { wabaId } = entry;
    const fallbackTimestamp = entry.time === undefined ? now : toEpochMs(entry.time);
    entry.changes.forEach((change, j) =>
      parseChange(change, `${path}.changes[${j}]`, wabaId, fallbackTimestamp, out),
    );
  });
  return out;
}

function parseChange(
  raw: unknown,
  path: string,
  wabaId: string,
  fallbackTimestamp: number,
  out: ParsedWebhook,
): void {
  const change = readChange(raw, path, out.issues);
  if (!change) return;
  const field = lower(change.field);
  const valuePath = `${path}.value`;
  if (field === 'account_update') {
    parseAccountUpdate(change.value, valuePath, { wabaId, fallbackTimestamp }, { out });
    return;
  }
  if (field === 'message_template_status_update') {
    parseTemplateStatus(change.value, valuePath, { wabaId, fallbackTimestamp }, { out });
    return;
  }
  if (field !== 'calls' && field !== 'messages') {
    out.events.push(unknownChange(field, change.value, wabaId, fallbackTimestamp, raw));
    return;
  }
  const value = readMessagingValue(change.value, valuePath, out.issues);
  if (!value) return;
  const ctx: ChangeContext = {
    wabaId,
    phoneNumberId: value.phoneNumberId,
    displayPhoneNumber: value.displayPhoneNumber,
    path: valuePath,
    contacts: parseContacts(value.contacts, `${valuePath}.contacts`, out.issues),
    valueErrors: parseErrors(value.errors, `${valuePath}.errors`, out.issues),
    valueErrorsUsed: false,
    fallbackTimestamp,
    out,
  };
  const onCalls = field === 'calls';
  value.calls?.forEach((item, k) => parseCallItem(item, `${valuePath}.calls[${k}]`, ctx));
  value.messages?.forEach((item, k) => parseMessageItem(item, `${valuePath}.messages[${k}]`, ctx));
  value.statuses?.forEach((item, k) =>
    (onCalls ? parseCallStatus : parseMessageStatus)(item, `${valuePath}.statuses[${k}]`, ctx),
  );
  // Nothing vanishes: a change with no items we read, or errors no terminate took, is kept whole.
  const hasItems = value.calls || value.messages || value.statuses;
  if (!hasItems || (ctx.valueErrors.length > 0 && !ctx.valueErrorsUsed)) {
    const event = unknownChange(field, change.value, wabaId, fallbackTimestamp, raw);
    out.events.push({ ...event, displayPhoneNumber: ctx.displayPhoneNumber });
  }
}

/** A change on a field this version does not model, e.g. `account_settings_update`. */
function unknownChange(
  field: string,
  value: unknown,
  wabaId: string,
  fallbackTimestamp: number,
  raw: unknown,
): UnknownEvent {
  const fields =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const stamp = epochTime.safeParse(fields.timestamp);
  const metadata = fields.metadata as { phone_number_id?: unknown } | undefined;
  const phoneNumberId = metadata?.phone_number_id;
  return {
    type: 'unknown',
    wabaId,
    phoneNumberId: typeof phoneNumberId === 'string' && phoneNumberId ? phoneNumberId : undefined,
    timestamp: stamp.success ? toEpochMs(stamp.data) : fallbackTimestamp,
    raw,
    field,
    value,
  };
}
