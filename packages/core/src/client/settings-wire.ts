import * as z from 'zod/mini';
import { toEpochMs } from './epoch';
import type { CallingRestriction, CallingSettings } from './settings-types';

/** The body of `GET /{phone-number-id}/settings`; other, non-calling keys are ignored. */
export const SettingsResponse = z.looseObject({
  calling: z.optional(z.record(z.string(), z.unknown())),
});

// Values of these keys are enums: sent uppercase, read case-insensitively.
const ENUM_KEYS = new Set([
  'status',
  'call_icon_visibility',
  'callback_permission_status',
  'srtp_key_exchange_protocol',
  'webhook_delivery',
  'day_of_week',
  'triggers',
  'additional_codecs',
  'type',
]);
// User-chosen keys that must not be re-cased.
const VERBATIM = new Set(['request_uri_user_params', 'requestUriUserParams']);

type Entry = (key: string, value: unknown) => [string, unknown] | undefined;

/** Rebuilds plain JSON bottom-up, letting `entry` rename, rewrite or drop each key. */
function transform(value: unknown, entry: Entry): unknown {
  if (Array.isArray(value)) return value.map((item) => transform(item, entry));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const pair = entry(key, VERBATIM.has(key) ? child : transform(child, entry));
    if (pair) out[pair[0]] = pair[1];
  }
  return out;
}

const recase = (value: unknown, to: (text: string) => string): unknown =>
  Array.isArray(value)
    ? value.map((item) => recase(item, to))
    : typeof value === 'string'
      ? to(value)
      : value;
// "DISABLE ALL" (a typo in Meta's docs) reads as disable_all.
const lower = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '_');
const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
const snake = (key: string) => key.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);

function readValue(key: string, value: unknown): unknown {
  if (ENUM_KEYS.has(key)) return recase(value, lower);
  if (typeof value === 'number' && (key === 'announcement_media_id' || key === 'app_id')) {
    return String(value);
  }
  if (typeof value !== 'string') return value;
  // Meta's docs also show "04:00" and, once, holidays as DD-MM-YYYY; the API's own forms win.
  if (key.endsWith('_time')) return value.replace(':', '');
  if (key === 'date') return value.replace(/^(\d{2})-(\d{2})-(\d{4})$/, '$3-$2-$1');
  return value;
}

/** Reads Meta's `calling` object case-insensitively; unknown keys are kept, camelCased. */
export function fromWire(wire: Record<string, unknown>): CallingSettings {
  const { restrictions, ...rest } = wire;
  const settings = transform(rest, (key, value) => [
    camel(key),
    readValue(key, value),
  ]) as CallingSettings;
  const list = (restrictions as { restrictions_list?: unknown } | undefined)?.restrictions_list;
  if (Array.isArray(list)) settings.restrictions = list.map(toRestriction);
  return settings;
}

function toRestriction(item: unknown): CallingRestriction {
  const { type, reason, expiration } = (item ?? {}) as Record<string, unknown>;
  const restriction: CallingRestriction = { type: String(type ?? 'unknown').toLowerCase() };
  if (typeof reason === 'string') restriction.reason = reason;
  if (expiration !== undefined && !Number.isNaN(Number(expiration))) {
    restriction.expiresAt = toEpochMs(Number(expiration));
  }
  return restriction;
}

/** Writes `CallingSettings` in Meta's shape: snake_case keys, uppercase enums. */
export function toWire(settings: CallingSettings): Record<string, unknown> {
  const { restrictions: _readOnly, ...rest } = settings;
  return transform(rest, (key, value) => {
    const wireKey = snake(key);
    if (wireKey === 'sip_user_password' || wireKey === 'app_id') return undefined;
    if (ENUM_KEYS.has(wireKey) || wireKey === 'restrict_to_user_countries') {
      return [wireKey, recase(value, (text) => text.toUpperCase())];
    }
    return [wireKey, wireKey === 'announcement_media_id' ? mediaId(value) : value];
  }) as Record<string, unknown>;
}

// Meta's sample sends the media id as a JSON number; ids beyond 2^53 stay strings to keep every digit.
function mediaId(id: unknown): unknown {
  return Number.isSafeInteger(Number(id)) && String(Number(id)) === id ? Number(id) : id;
}
