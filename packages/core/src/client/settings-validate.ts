import { callLimits } from '../platform/call-limits';
import { fieldLimits } from '../platform/field-limits';
import type { CallHoursSettings, CallingSettings, VoicemailSettings } from './settings-types';
import { checkInteger, checkOneOf, checkPattern, type Issues } from './validate';

const TOGGLE = ['enabled', 'disabled'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const HHMM = /^([01]\d|2[0-3])[0-5]\d$/;
const MAX_WINDOWS_PER_DAY = 2;
const DAY_MS = 86_400_000;

const isEnabled = (value: unknown) => String(value).toLowerCase() === 'enabled';

/** Checks a `settings.update()` input against the rules Meta enforces. */
export function checkCallingSettings(issues: Issues, settings: CallingSettings, now: number): void {
  checkOneOf(issues, 'status', settings.status, TOGGLE, true);
  checkPattern(
    issues,
    'callIconVisibility',
    settings.callIconVisibility,
    /^[a-z_]+$/i,
    'must be a visibility value.',
    "Pass 'default' or 'disable_all'.",
    true,
  );
  settings.callIcons?.restrictToUserCountries?.forEach((country, i) =>
    checkPattern(
      issues,
      `callIcons.restrictToUserCountries[${i}]`,
      country,
      /^[A-Za-z]{2}$/,
      'must be a two-letter ISO country code.',
      "Pass codes such as 'US' or 'BR'; use [] for no restriction.",
    ),
  );
  if (settings.callHours !== undefined) checkCallHours(issues, settings.callHours, now);
  checkOneOf(issues, 'callbackPermissionStatus', settings.callbackPermissionStatus, TOGGLE, true);
  if (settings.sip !== undefined) {
    checkOneOf(issues, 'sip.status', settings.sip.status, TOGGLE);
    checkOneOf(issues, 'sip.webhookDelivery', settings.sip.webhookDelivery, TOGGLE, true);
    const servers = settings.sip.servers;
    if (Array.isArray(servers) && servers.length > 1) {
      issues.add(
        'sip.servers',
        `has ${servers.length} servers; a phone number works with one SIP server only (a BYE from any of them ends the call).`,
        'Pass the one server this app uses, or [] to delete it.',
      );
    }
    servers?.forEach((server, i) => {
      checkPattern(
        issues,
        `sip.servers[${i}].hostname`,
        server?.hostname,
        /^[A-Za-z0-9.-]+$/,
        'must be a bare host name.',
        'Pass e.g. sip.example.com, without a scheme, port or path.',
      );
      checkInteger(issues, `sip.servers[${i}].port`, server?.port, {
        min: 1,
        max: 65535,
        optional: true,
      });
    });
  }
  checkOneOf(
    issues,
    'srtpKeyExchangeProtocol',
    settings.srtpKeyExchangeProtocol,
    ['dtls', 'sdes'],
    true,
  );
  settings.audio?.additionalCodecs?.forEach((codec, i) =>
    checkOneOf(issues, `audio.additionalCodecs[${i}]`, codec, ['pcma', 'pcmu']),
  );
  if (settings.voicemail !== undefined) checkVoicemail(issues, settings.voicemail);
}

function checkCallHours(issues: Issues, hours: CallHoursSettings, now: number): void {
  checkOneOf(issues, 'callHours.status', hours.status, TOGGLE);
  const enabled = isEnabled(hours.status);
  checkTimeZone(issues, hours.timezoneId, enabled);
  const windows = hours.weeklyOperatingHours;
  if (enabled && (!Array.isArray(windows) || windows.length === 0)) {
    issues.add(
      'callHours.weeklyOperatingHours',
      'must list at least one opening window when call hours are enabled.',
      "Add windows such as { dayOfWeek: 'monday', openTime: '0900', closeTime: '1700' }.",
    );
  }
  const byDay = new Map<string, { start: number; end: number; index: number }[]>();
  windows?.forEach((window, i) => {
    const path = `callHours.weeklyOperatingHours[${i}]`;
    checkOneOf(issues, `${path}.dayOfWeek`, window?.dayOfWeek, DAYS);
    const span = checkSpan(
      issues,
      path,
      window?.openTime,
      window?.closeTime,
      'openTime',
      'closeTime',
    );
    if (span && typeof window.dayOfWeek === 'string') {
      const day = window.dayOfWeek.toLowerCase();
      byDay.set(day, [...(byDay.get(day) ?? []), { ...span, index: i }]);
    }
  });
  for (const [day, spans] of byDay) checkDay(issues, day, spans);

  const holidays = hours.holidaySchedule ?? [];
  if (holidays.length > fieldLimits.holidays.maxItems) {
    issues.add(
      'callHours.holidaySchedule',
      `has ${holidays.length} entries; the limit is ${fieldLimits.holidays.maxItems}.`,
      `Keep the next ${fieldLimits.holidays.maxItems} holidays and add later ones once these have passed.`,
    );
  }
  holidays.forEach((holiday, i) => {
    const path = `callHours.holidaySchedule[${i}]`;
    checkHolidayDate(issues, `${path}.date`, holiday?.date, now);
    checkSpan(issues, path, holiday?.startTime, holiday?.endTime, 'startTime', 'endTime');
  });
}

function checkTimeZone(issues: Issues, zone: unknown, required: boolean): void {
  if (zone === undefined && !required) return;
  const fix =
    "Pass an IANA time zone such as 'America/Manaus' (settings.get() may show it redacted).";
  if (typeof zone !== 'string' || zone === '' || zone.includes('REDACTED')) {
    issues.add('callHours.timezoneId', 'must be an IANA time zone.', fix);
    return;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    issues.add('callHours.timezoneId', `is not a time zone this runtime knows.`, fix);
  }
}

/** Checks two HHMM times, start before end; returns them as minutes when both are valid. */
function checkSpan(
  issues: Issues,
  path: string,
  start: unknown,
  end: unknown,
  startKey: string,
  endKey: string,
): { start: number; end: number } | undefined {
  const minutes = (key: string, value: unknown) => {
    if (typeof value === 'string' && HHMM.test(value)) {
      return Number(value.slice(0, 2)) * 60 + Number(value.slice(2));
    }
    issues.add(
      `${path}.${key}`,
      'must be a 24-hour time written HHMM, from 0000 to 2359.',
      "Write e.g. '0930' for 9:30 am or '1745' for 5:45 pm (no colon).",
    );
    return undefined;
  };
  const from = minutes(startKey, start);
  const to = minutes(endKey, end);
  if (from === undefined || to === undefined) return undefined;
  if (from >= to) {
    issues.add(
      `${path}.${endKey}`,
      `must be later than ${startKey}.`,
      'Swap the times, or split a window that crosses midnight in two days.',
    );
    return undefined;
  }
  return { start: from, end: to };
}

function checkDay(
  issues: Issues,
  day: string,
  spans: { start: number; end: number; index: number }[],
): void {
  const path = (index: number) => `callHours.weeklyOperatingHours[${index}]`;
  if (spans.length > MAX_WINDOWS_PER_DAY) {
    issues.add(
      path((spans[MAX_WINDOWS_PER_DAY] as { index: number }).index),
      `makes ${spans.length} windows on ${day}; at most ${MAX_WINDOWS_PER_DAY} are allowed per day.`,
      'Merge windows so the day has one or two.',
    );
  }
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as { end: number; index: number };
    const current = sorted[i] as { start: number; index: number };
    if (current.start < previous.end) {
      issues.add(
        path(current.index),
        `overlaps window ${previous.index} on ${day}.`,
        'Make the windows of a day not overlap (or merge them into one).',
      );
    }
  }
}

function checkHolidayDate(issues: Issues, path: string, date: unknown, now: number): void {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(time).toISOString().slice(0, 10) !== date) {
    issues.add(path, 'must be a real date written YYYY-MM-DD.', "Write e.g. '2026-12-25'.");
  } else if (time < now - 2 * DAY_MS) {
    // Two days of slack: the business's time zone may still be on the previous date.
    issues.add(
      path,
      'is in the past; Meta refuses past holidays.',
      'Remove holidays that have passed.',
    );
  }
}

function checkVoicemail(issues: Issues, voicemail: VoicemailSettings): void {
  checkOneOf(issues, 'voicemail.status', voicemail.status, TOGGLE);
  const triggers = voicemail.triggers ?? [];
  if (isEnabled(voicemail.status) && triggers.length === 0) {
    issues.add(
      'voicemail.triggers',
      'must name at least one trigger when voicemail is enabled.',
      "Pass ['reject'], ['timeout'] or both.",
    );
  }
  triggers.forEach((trigger, i) =>
    checkOneOf(issues, `voicemail.triggers[${i}]`, trigger, ['reject', 'timeout']),
  );
  const audio = voicemail.audio?.default;
  const needsTimeout = triggers.some((trigger) => String(trigger).toLowerCase() === 'timeout');
  checkInteger(issues, 'voicemail.audio.default.timeoutSeconds', audio?.timeoutSeconds, {
    min: callLimits.voicemailTimeoutSeconds.min,
    max: callLimits.voicemailTimeoutSeconds.max,
    optional: !needsTimeout,
    unit: 'seconds (required for the timeout trigger)',
  });
  checkPattern(
    issues,
    'voicemail.audio.default.announcementMediaId',
    audio?.announcementMediaId,
    /^\d+$/,
    'must be a media id (digits).',
    'Upload the announcement with use_case=call_voicemail_announcement and pass the id it returns.',
    true,
  );
}
