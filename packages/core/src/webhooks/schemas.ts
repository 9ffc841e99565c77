// The shapes of Meta's webhook payloads, as loose as the real traffic requires and no looser.
// Only the fields the event union exposes are checked; every unknown key is ignored (and kept in `raw`).
import * as z from 'zod/mini';

const text = z.string('expected a string');
const optionalText = z.optional(text);
const nonEmptyText = z
  .string('expected a non-empty string')
  .check(z.minLength(1, 'must not be empty'));
const unknownList = z.optional(z.array(z.unknown(), 'expected an array'));

/**
 * Times and counts arrive as numbers in some payloads and as numeric strings in others. One check
 * rather than a union: a union records a failed branch for every string, on every item.
 */
const NUMERIC_TEXT = /^\d+(\.\d+)?$/;
export const numeric = z.custom<number | string>(
  (value) =>
    (typeof value === 'number' || (typeof value === 'string' && NUMERIC_TEXT.test(value))) &&
    inRange(Number(value)),
  'expected a number or a numeric string from 0 to 2^53 - 1',
);

/** Times, durations and codes are never negative, and beyond 2^53 they stop being exact (or finite). */
function inRange(n: number): boolean {
  return n >= 0 && n <= Number.MAX_SAFE_INTEGER;
}
export type Numeric = z.infer<typeof numeric>;

// Below this a time is Unix seconds (as Meta sends it), from it already epoch milliseconds.
export const SECONDS_CEILING = 1e11;
// No webhook speaks of a time after 2200: a later value is corrupted, or seconds read as milliseconds
// (e.g. `9000000000000` s). The bound also keeps every time far inside the JS Date range.
export const LATEST_TIME_MS = Date.UTC(2200, 0, 1);
const WHOLE_TEXT = /^\d+$/;

/**
 * A point in time: whole Unix seconds or epoch milliseconds, as a number or numeric string, no later
 * than 2200. Fractions (`"100000000000.5"`) are refused: the Store keeps whole milliseconds only.
 */
export const epochTime = z.custom<number | string>(
  (value) =>
    ((typeof value === 'number' && Number.isInteger(value)) ||
      (typeof value === 'string' && WHOLE_TEXT.test(value))) &&
    isPlausibleTime(Number(value)),
  'expected whole Unix seconds (or milliseconds), as a number or numeric string, from 1970 to 2200',
);

function isPlausibleTime(n: number): boolean {
  if (n < 0) return false;
  return (n < SECONDS_CEILING ? n * 1000 : n) <= LATEST_TIME_MS;
}

export const contactSchema = z.object({
  wa_id: optionalText,
  user_id: optionalText,
  parent_user_id: optionalText,
  profile: z.optional(
    z.object({ name: optionalText, username: optionalText, country_code: optionalText }),
  ),
});

export const errorSchema = z.object({
  code: numeric,
  title: optionalText,
  message: optionalText,
  href: optionalText,
  error_data: z.optional(z.object({ details: optionalText })),
});

/** The user ids Meta may put on any call item; parent ids come under two spellings. */
const partyIds = {
  from_user_id: optionalText,
  to_user_id: optionalText,
  from_parent_user_id: optionalText,
  parent_from_user_id: optionalText,
  to_parent_user_id: optionalText,
  parent_to_user_id: optionalText,
};

const callBase = z.object({
  id: nonEmptyText,
  event: nonEmptyText,
  timestamp: epochTime,
  direction: optionalText,
  from: optionalText,
  to: optionalText,
  ...partyIds,
  biz_opaque_callback_data: optionalText,
  cta_payload: optionalText,
  deeplink_payload: optionalText,
  errors: unknownList,
});
export type CallItemBase = z.infer<typeof callBase>;
/** Any `calls[]` item: what `call_created` carries (a connect without `session`). */
export const callBaseSchema = callBase;

/** Only the `event` discriminant, read before the full schema is chosen. */
export const callEventSchema = z.object({ event: nonEmptyText });

export const connectSchema = z.extend(callBase, {
  session: z.optional(z.object({ sdp_type: optionalText, sdp: text })),
  // Older samples carry the answer as a JSON-encoded RTCSessionDescription here instead of `session`.
  connection: z.optional(z.object({ webrtc: z.optional(z.object({ sdp: optionalText })) })),
});
export type ConnectItem = z.infer<typeof connectSchema>;

export const terminateSchema = z.extend(callBase, {
  status: nonEmptyText,
  start_time: z.optional(epochTime),
  end_time: z.optional(epochTime),
  duration: z.optional(numeric),
});

const mediaSchema = z.object({ id: nonEmptyText, sha256: text, mime_type: text, url: text });
const mediaContainer = z.object({
  type: optionalText,
  audio: z.optional(mediaSchema),
  document: z.optional(mediaSchema),
});
export type MediaContainer = z.infer<typeof mediaContainer>;

export const recordingSchema = z.extend(callBase, { call_recording: mediaContainer });
export const transcriptSchema = z.extend(callBase, { call_transcript: mediaContainer });

export const callStatusSchema = z.object({
  id: nonEmptyText,
  timestamp: epochTime,
  status: nonEmptyText,
  type: optionalText,
  recipient_id: optionalText,
  recipient_user_id: optionalText,
  recipient_parent_user_id: optionalText,
  parent_recipient_user_id: optionalText,
  biz_opaque_callback_data: optionalText,
});

export const messageStatusSchema = z.object({
  id: nonEmptyText,
  timestamp: epochTime,
  status: nonEmptyText,
  recipient_id: optionalText,
  recipient_user_id: optionalText,
  errors: unknownList,
});

export const messageSchema = z.object({
  id: nonEmptyText,
  timestamp: epochTime,
  // Meta's samples of the automatic callback grant omit it; the item is then told by `interactive.type`.
  type: z.optional(nonEmptyText),
  from: optionalText,
  from_user_id: optionalText,
  context: z.optional(z.object({ id: optionalText, from: optionalText })),
  text: z.optional(z.object({ body: optionalText })),
  interactive: z.optional(z.object({ type: optionalText })),
});
export type MessageItem = z.infer<typeof messageSchema>;

export const permissionReplySchema = z.object({
  interactive: z.object({
    call_permission_reply: z.object({
      response: nonEmptyText,
      is_permanent: z.optional(z.union([z.boolean(), z.enum(['true', 'false'])])),
      expiration_timestamp: z.optional(epochTime),
      response_source: optionalText,
    }),
  }),
});

export const accountUpdateSchema = z.object({
  event: nonEmptyText,
  phone_number: optionalText,
  timestamp: z.optional(epochTime),
  violation_info: z.optional(z.object({ violation_type: optionalText })),
  restriction_info: z.optional(
    z.array(z.object({ restriction_type: nonEmptyText, expiration: z.optional(epochTime) })),
  ),
});

// Meta's samples give the template id as a number, listings as a string: accept both.
export const templateStatusSchema = z.object({
  event: nonEmptyText,
  message_template_id: z.union([nonEmptyText, numeric]),
  message_template_name: nonEmptyText,
  message_template_language: nonEmptyText,
  reason: z.optional(z.nullable(text)),
  other_info: z.optional(z.object({ title: optionalText, description: optionalText })),
});
