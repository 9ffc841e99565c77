/** Reading a Graph request body the way the platform does: wrong or missing fields are error 100. */
import { fieldLimits } from '@wacall/core/platform';
import { customerByUserId } from '../world/conversations';
import { isObject, type JsonObject } from '../world/json-object';
import type { World } from '../world/world';
import { SimulatedGraphError } from './simulated-graph-error';

export function invalid(details: string): SimulatedGraphError {
  return SimulatedGraphError.of(100, details);
}

export function requireObject(body: JsonObject, key: string, where = key): JsonObject {
  const value = body[key];
  if (!isObject(value)) throw invalid(`The parameter ${where} is required and must be an object.`);
  return value;
}

export function requireString(body: JsonObject, key: string, where = key): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') {
    throw invalid(`The parameter ${where} is required and must be a non-empty string.`);
  }
  return value;
}

export function optionalString(
  body: JsonObject,
  key: string,
  maxLength: number,
  where = key,
): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`The parameter ${where} must be a string.`);
  if (value.length > maxLength) {
    throw invalid(
      `The parameter ${where} is ${value.length} characters long; at most ${maxLength} are allowed.`,
    );
  }
  return value;
}

/** `messaging_product` must be `whatsapp` on /calls and /messages. */
export function requireWhatsApp(body: JsonObject): void {
  if (body['messaging_product'] !== 'whatsapp') {
    throw invalid('The parameter messaging_product is required and must be "whatsapp".');
  }
}

/**
 * The customer a request is about: `to` (phone digits, `+` and separators tolerated; it wins when
 * both are sent) or `recipient` (a BSUID the simulator knows).
 */
export function recipientWaId(context: Pick<World, 'customers'>, body: JsonObject): string {
  const to = body['to'];
  if (to !== undefined) {
    const digits =
      typeof to === 'string' || typeof to === 'number' ? String(to).replace(/[\s()+-]/g, '') : '';
    if (!/^\d{5,20}$/.test(digits)) {
      throw invalid(
        `The parameter to must be the user's phone number in digits; got ${JSON.stringify(to)}.`,
      );
    }
    return digits;
  }
  const recipient = body['recipient'];
  if (typeof recipient === 'string' && recipient !== '') {
    const customer = customerByUserId(context, recipient);
    if (customer === undefined) {
      throw invalid(
        `The parameter recipient (${recipient}) is not a known business-scoped user id.`,
      );
    }
    return customer.waId;
  }
  throw invalid('The parameter to (or recipient) is required.');
}

/**
 * `recording` / `transcription` opt-ins: status, and purpose + language when ENABLED. Returns the
 * announcement language when the opt-in is ENABLED.
 */
export function checkMediaOptIn(
  body: JsonObject,
  key: 'recording' | 'transcription',
): { language: string } | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) throw invalid(`The parameter ${key} must be an object.`);
  const status = String(value['status'] ?? '').toUpperCase();
  if (status !== 'ENABLED' && status !== 'DISABLED') {
    throw invalid(`The parameter ${key}.status must be ENABLED or DISABLED.`);
  }
  if (status === 'DISABLED') return undefined;
  const purpose = value['purpose'];
  const maxPurpose = fieldLimits.capturePurpose.maxLength;
  if (typeof purpose !== 'string' || purpose === '' || purpose.length > maxPurpose) {
    throw invalid(
      `The parameter ${key}.purpose is required when ${key} is ENABLED (1–${maxPurpose} characters).`,
    );
  }
  if (typeof value['announcement_language'] !== 'string' || value['announcement_language'] === '') {
    throw invalid(
      `The parameter ${key}.announcement_language is required when ${key} is ENABLED, e.g. "en_US".`,
    );
  }
  const language = value['announcement_language'];
  if (!announcementLanguages.has(language)) {
    throw invalid(
      `The parameter ${key}.announcement_language "${language}" is not supported; use one of ${[...announcementLanguages].join(', ')}.`,
    );
  }
  return { language };
}

// The languages Meta announces recording and transcription in (Meta "Call recording" page, 2026-05-31).
const announcementLanguages = new Set([
  'en',
  'en_US',
  'en_AU',
  'en_CA',
  'en_GB',
  'en_IN',
  'en_NZ',
  'nl',
  'fr',
  'de',
  'hi',
  'it',
  'kn',
  'pt',
  'es',
  'es_ES',
  'te',
  'vi',
]);
