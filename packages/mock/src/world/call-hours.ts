/** Call hours (Meta "Call settings" page): validating a schedule and telling whether a user may call in now. */
import { fieldLimits } from '@wacall/core/platform';
import { isObject, type JsonObject } from './json-object';

export const weekdays = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;

const hhmm = /^([01]\d|2[0-3])[0-5]\d$/;

function validTimeZone(zone: unknown): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validDate(date: unknown): boolean {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

function checkWeekly(hours: unknown, problems: string[]): void {
  if (!Array.isArray(hours) || hours.length === 0) {
    problems.push('call_hours.weekly_operating_hours must be a non-empty array');
    return;
  }
  const byDay = new Map<string, [string, string][]>();
  hours.forEach((slot: unknown, index) => {
    const where = `call_hours.weekly_operating_hours[${index}]`;
    const day = isObject(slot) ? String(slot['day_of_week'] ?? '').toUpperCase() : '';
    const open = isObject(slot) ? slot['open_time'] : undefined;
    const close = isObject(slot) ? slot['close_time'] : undefined;
    if (!(weekdays as readonly string[]).includes(day)) {
      problems.push(`${where}.day_of_week must be MONDAY…SUNDAY`);
      return;
    }
    if (
      typeof open !== 'string' ||
      !hhmm.test(open) ||
      typeof close !== 'string' ||
      !hhmm.test(close)
    ) {
      problems.push(`${where} needs open_time and close_time as 24-hour "HHMM" strings`);
      return;
    }
    if (open >= close) problems.push(`${where}.open_time must be before close_time`);
    byDay.set(day, [...(byDay.get(day) ?? []), [open, close]]);
  });
  for (const [day, slots] of byDay) {
    if (slots.length > 2)
      problems.push(`call_hours allows at most 2 windows per day; ${day} has ${slots.length}`);
    const sorted = [...slots].sort((a, b) => a[0].localeCompare(b[0]));
    for (let i = 1; i < sorted.length; i += 1) {
      if ((sorted[i]?.[0] ?? '') < (sorted[i - 1]?.[1] ?? ''))
        problems.push(`call_hours windows overlap on ${day}`);
    }
  }
}

function checkHolidays(holidays: unknown, today: string, problems: string[]): void {
  if (holidays === undefined) return;
  const maxHolidays = fieldLimits.holidays.maxItems;
  if (!Array.isArray(holidays) || holidays.length > maxHolidays) {
    problems.push(`call_hours.holiday_schedule must be an array of at most ${maxHolidays} entries`);
    return;
  }
  holidays.forEach((holiday: unknown, index) => {
    const where = `call_hours.holiday_schedule[${index}]`;
    const entry: JsonObject = isObject(holiday) ? holiday : {};
    if (!validDate(entry['date'])) problems.push(`${where}.date must be a YYYY-MM-DD date`);
    else if (String(entry['date']) < today) problems.push(`${where}.date is in the past`);
    const start = entry['start_time'];
    const end = entry['end_time'];
    if (
      typeof start !== 'string' ||
      !hhmm.test(start) ||
      typeof end !== 'string' ||
      !hhmm.test(end)
    ) {
      problems.push(`${where} needs start_time and end_time as "HHMM" strings`);
    } else if (start >= end) {
      problems.push(`${where}.start_time must be before end_time`);
    }
  });
}

/** Every problem with a `call_hours` object; `now` decides which holidays are in the past. */
export function callHoursProblems(callHours: unknown, now: number): string[] {
  if (!isObject(callHours)) return ['call_hours must be an object'];
  const problems: string[] = [];
  const status = String(callHours['status'] ?? '').toUpperCase();
  if (status !== 'ENABLED' && status !== 'DISABLED')
    problems.push('call_hours.status must be ENABLED or DISABLED');
  if (status !== 'ENABLED') return problems;
  if (!validTimeZone(callHours['timezone_id']))
    problems.push('call_hours.timezone_id must be an IANA time zone, e.g. "America/Manaus"');
  checkWeekly(callHours['weekly_operating_hours'], problems);
  checkHolidays(callHours['holiday_schedule'], new Date(now).toISOString().slice(0, 10), problems);
  return problems;
}

/** Whether a user may call in at `now` under these call hours (absent or DISABLED = always). */
export function withinCallHours(callHours: unknown, now: number): boolean {
  if (!isObject(callHours) || String(callHours['status']).toUpperCase() !== 'ENABLED') return true;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: String(callHours['timezone_id']),
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(now))
      .map((part) => [part.type, part.value]),
  );
  const time = `${parts['hour']}${parts['minute']}`;
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const day = String(parts['weekday']).toUpperCase();
  const holidays = Array.isArray(callHours['holiday_schedule'])
    ? callHours['holiday_schedule']
    : [];
  const onHoliday = holidays.some(
    (h: unknown) =>
      isObject(h) &&
      h['date'] === date &&
      String(h['start_time']) <= time &&
      time <= String(h['end_time']),
  );
  if (onHoliday) return false;
  const weekly = Array.isArray(callHours['weekly_operating_hours'])
    ? callHours['weekly_operating_hours']
    : [];
  return weekly.some(
    (slot: unknown) =>
      isObject(slot) &&
      String(slot['day_of_week']).toUpperCase() === day &&
      String(slot['open_time']) <= time &&
      time < String(slot['close_time']),
  );
}
