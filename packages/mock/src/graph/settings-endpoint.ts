/** `GET` and `POST /{phone-number-id}/settings`: the number's `calling` object (Meta "Call settings" page). */
import { callLimits } from '@wacall/core/platform';
import { callHoursProblems } from '../world/call-hours';
import type { EndpointResult } from './graph-context';
import type { World } from '../world/world';
import { isObject, type JsonObject } from '../world/json-object';
import { invalid, requireObject } from './request-fields';
import type { BusinessState } from '../world/state';
import { settingsUpdate } from '../webhooks/payloads';

const enums: Record<string, readonly string[]> = {
  status: ['ENABLED', 'DISABLED'],
  call_icon_visibility: ['DEFAULT', 'DISABLE_ALL', 'HIDE_IN_CHAT'],
  callback_permission_status: ['ENABLED', 'DISABLED'],
  srtp_key_exchange_protocol: ['DTLS', 'SDES'],
};

/** Settings changes Meta reports with an `account_settings_update` webhook. */
function reportedFields(calling: JsonObject): string {
  const sip = isObject(calling['sip']) ? calling['sip']['status'] : undefined;
  return JSON.stringify([
    calling['status'],
    calling['call_icon_visibility'],
    calling['callback_permission_status'],
    calling['srtp_key_exchange_protocol'],
    sip,
  ]);
}

function enumProblems(calling: JsonObject, normalised: JsonObject): string[] {
  const problems: string[] = [];
  for (const [key, allowed] of Object.entries(enums)) {
    if (calling[key] === undefined) continue;
    const value = String(calling[key]).toUpperCase();
    if (allowed.includes(value)) normalised[key] = value;
    else problems.push(`calling.${key} must be one of ${allowed.join(', ')}`);
  }
  return problems;
}

function nestedProblems(calling: JsonObject, now: number): string[] {
  const problems: string[] = [];
  if (calling['call_hours'] !== undefined)
    problems.push(...callHoursProblems(calling['call_hours'], now));
  const sip = calling['sip'];
  if (sip !== undefined) {
    const status = isObject(sip) ? String(sip['status'] ?? '').toUpperCase() : '';
    if (status !== 'ENABLED' && status !== 'DISABLED')
      problems.push('calling.sip.status must be ENABLED or DISABLED');
    const delivery = isObject(sip) ? sip['webhook_delivery'] : undefined;
    if (delivery !== undefined && !['ENABLED', 'DISABLED'].includes(String(delivery).toUpperCase()))
      problems.push('calling.sip.webhook_delivery must be ENABLED or DISABLED');
  }
  const audio = calling['audio'];
  if (audio !== undefined) {
    const codecs = isObject(audio) ? audio['additional_codecs'] : undefined;
    if (!Array.isArray(codecs) || !codecs.every((codec) => codec === 'PCMA' || codec === 'PCMU')) {
      problems.push('calling.audio.additional_codecs must list only PCMA and/or PCMU');
    }
  }
  const icons = calling['call_icons'];
  if (icons !== undefined) {
    const countries = isObject(icons) ? icons['restrict_to_user_countries'] : undefined;
    if (
      !Array.isArray(countries) ||
      !countries.every((c) => typeof c === 'string' && /^[A-Z]{2}$/i.test(c))
    ) {
      problems.push(
        'calling.call_icons.restrict_to_user_countries must be an array of ISO country codes',
      );
    }
  }
  problems.push(...voicemailProblems(calling['voicemail']));
  return problems;
}

const voicemailTimeout = callLimits.voicemailTimeoutSeconds;

function voicemailProblems(voicemail: unknown): string[] {
  if (voicemail === undefined) return [];
  if (!isObject(voicemail)) return ['calling.voicemail must be an object'];
  const status = String(voicemail['status'] ?? '').toUpperCase();
  if (status !== 'ENABLED' && status !== 'DISABLED')
    return ['calling.voicemail.status must be ENABLED or DISABLED'];
  if (status === 'DISABLED') return [];
  const problems: string[] = [];
  const triggers = voicemail['triggers'];
  if (
    !Array.isArray(triggers) ||
    triggers.length === 0 ||
    !triggers.every((t) => t === 'REJECT' || t === 'TIMEOUT')
  ) {
    problems.push('calling.voicemail.triggers must list REJECT and/or TIMEOUT');
  }
  const audio =
    isObject(voicemail['audio']) && isObject(voicemail['audio']['default'])
      ? voicemail['audio']['default']
      : {};
  const timeout = audio['timeout_seconds'];
  const needsTimeout = Array.isArray(triggers) && triggers.includes('TIMEOUT');
  if (
    (timeout !== undefined || needsTimeout) &&
    (!Number.isInteger(timeout) ||
      (timeout as number) < voicemailTimeout.min ||
      (timeout as number) > voicemailTimeout.max)
  ) {
    problems.push(
      `calling.voicemail.audio.default.timeout_seconds must be an integer from ${voicemailTimeout.min} to ${voicemailTimeout.max} (required for TIMEOUT)`,
    );
  }
  return problems;
}

export function getSettings(business: BusinessState): EndpointResult {
  return { body: { calling: structuredClone(business.calling) }, updates: [] };
}

/** Validates and applies a settings update; each top-level key replaces the old one wholesale. */
export function updateSettings(
  context: Pick<World, 'clock'>,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  const calling = requireObject(body, 'calling');
  const normalised: JsonObject = structuredClone(calling);
  const problems = [
    ...enumProblems(calling, normalised),
    ...nestedProblems(calling, context.clock.now()),
  ];
  if (problems.length > 0) throw invalid(`Invalid calling settings: ${problems.join('; ')}.`);
  const before = reportedFields(business.calling);
  business.calling = { ...business.calling, ...normalised };
  const changed = reportedFields(business.calling) !== before;
  return {
    body: { success: true },
    updates: changed ? [settingsUpdate(business, context.clock.now())] : [],
  };
}
