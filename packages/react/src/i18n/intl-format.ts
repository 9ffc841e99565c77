/** Dates, relative times and durations through `Intl`, with formatters built once per locale and zone. */

export interface IntlFormats {
  locale: string;
  /** A full date and time, e.g. "Mar 3, 2026, 2:05 PM". */
  exact(ms: number): string;
  /** "5 minutes ago", "in 3 hours", "yesterday". */
  relative(ms: number, now: number): string;
  /** A group heading: "Today", "Yesterday" or a long date. */
  day(ms: number, now: number): string;
  /** The calendar day in the configured zone, e.g. "2026-03-03"; equal keys mean the same day. */
  dayKey(ms: number): string;
  /** A running clock: "0:05", "12:34", "1:02:03". */
  clock(seconds: number): string;
  /** A whole number of minutes as the largest exact unit: "1 hour", "7 days". */
  minutes(total: number): string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const cache = new Map<string, IntlFormats>();

/** Returns the (cached) formatters for a locale and time zone; `undefined` means the browser's own. */
export function getIntlFormats(locale?: string, timeZone?: string): IntlFormats {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formats = cache.get(key);
  if (!formats) {
    formats = createIntlFormats(locale, timeZone);
    cache.set(key, formats);
  }
  return formats;
}

function createIntlFormats(locale?: string, timeZone?: string): IntlFormats {
  const exact = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const resolved = exact.resolvedOptions().locale;
  const rtf = new Intl.RelativeTimeFormat(resolved, { numeric: 'auto' });
  const longDay = new Intl.DateTimeFormat(resolved, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone,
  });
  const longDayWithYear = new Intl.DateTimeFormat(resolved, { dateStyle: 'full', timeZone });
  // en-CA with two-digit parts keeps the key sortable whatever the display locale is.
  const keyFormat = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  });
  const twoDigits = new Intl.NumberFormat(resolved, {
    minimumIntegerDigits: 2,
    useGrouping: false,
  });
  const plain = new Intl.NumberFormat(resolved, { useGrouping: false });
  const units = new Map<string, Intl.NumberFormat>();
  const unit = (name: 'minute' | 'hour' | 'day') => {
    let format = units.get(name);
    if (!format) {
      format = new Intl.NumberFormat(resolved, { style: 'unit', unit: name, unitDisplay: 'long' });
      units.set(name, format);
    }
    return format;
  };

  // Timelines ask for the same few timestamps on every render; formatting a date costs more than a lookup.
  const dayKeys = new Map<number, string>();
  const dayKey = (ms: number) => {
    let key = dayKeys.get(ms);
    if (key === undefined) {
      if (dayKeys.size >= 2000) dayKeys.clear();
      key = keyFormat.format(ms);
      dayKeys.set(ms, key);
    }
    return key;
  };
  const daysBetween = (ms: number, now: number) =>
    Math.round((Date.parse(dayKey(now)) - Date.parse(dayKey(ms))) / DAY);
  const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase(resolved) + text.slice(1);

  return {
    locale: resolved,
    exact: (ms) => exact.format(ms),
    relative(ms, now) {
      const diff = ms - now;
      const abs = Math.abs(diff);
      // A time ahead is usually when something becomes possible: round it up, never promise it early.
      const whole = diff > 0 ? Math.ceil : Math.trunc;
      if (abs < MINUTE) return rtf.format(0, 'second');
      if (abs < HOUR) return rtf.format(whole(diff / MINUTE), 'minute');
      if (abs < DAY) return rtf.format(whole(diff / HOUR), 'hour');
      const days = -daysBetween(ms, now);
      if (Math.abs(days) < 30) return rtf.format(days, 'day');
      if (Math.abs(days) < 365) return rtf.format(Math.trunc(days / 30), 'month');
      return rtf.format(Math.trunc(days / 365), 'year');
    },
    day(ms, now) {
      const days = daysBetween(ms, now);
      if (days === 0 || days === 1) return capitalise(rtf.format(-days, 'day'));
      const sameYear = dayKey(ms).slice(0, 4) === dayKey(now).slice(0, 4);
      return (sameYear ? longDay : longDayWithYear).format(ms);
    },
    dayKey,
    clock(seconds) {
      const total = Math.max(0, Math.floor(seconds));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      return h > 0
        ? `${plain.format(h)}:${twoDigits.format(m)}:${twoDigits.format(s)}`
        : `${plain.format(m)}:${twoDigits.format(s)}`;
    },
    minutes(total) {
      if (total % 1440 === 0) return unit('day').format(total / 1440);
      if (total % 60 === 0) return unit('hour').format(total / 60);
      return unit('minute').format(total);
    },
  };
}
