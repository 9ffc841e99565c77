import { describe, expect, it } from 'vitest';
import { days, FIXED_NOW, hours, minutes, seconds } from '../fixtures/clock';
import { getIntlFormats } from './intl-format';

const en = getIntlFormats('en-US', 'UTC');

describe('getIntlFormats', () => {
  it('formats a running clock with and without hours', () => {
    expect(en.clock(5)).toBe('0:05');
    expect(en.clock(754.9)).toBe('12:34');
    expect(en.clock(3723)).toBe('1:02:03');
    expect(en.clock(-3)).toBe('0:00');
  });

  it('names minutes in the largest exact unit', () => {
    expect(en.minutes(45)).toBe('45 minutes');
    expect(en.minutes(60)).toBe('1 hour');
    expect(en.minutes(10080)).toBe('7 days');
    expect(getIntlFormats('de-DE', 'UTC').minutes(1440)).toBe('1 Tag');
  });

  it('says relative times in the largest sensible unit, past and future', () => {
    expect(en.relative(FIXED_NOW - seconds(20), FIXED_NOW)).toBe('now');
    expect(en.relative(FIXED_NOW - minutes(5), FIXED_NOW)).toBe('5 minutes ago');
    expect(en.relative(FIXED_NOW + hours(5), FIXED_NOW)).toBe('in 5 hours');
    // A retry time is never promised early: 22 h 59 min ahead is "in 23 hours", not 22.
    expect(en.relative(FIXED_NOW + hours(23) - minutes(1), FIXED_NOW)).toBe('in 23 hours');
    expect(en.relative(FIXED_NOW - hours(23) + minutes(1), FIXED_NOW)).toBe('22 hours ago');
    expect(en.relative(FIXED_NOW - days(1), FIXED_NOW)).toBe('yesterday');
    expect(en.relative(FIXED_NOW + days(2), FIXED_NOW)).toBe('in 2 days');
    expect(en.relative(FIXED_NOW - days(90), FIXED_NOW)).toBe('3 months ago');
  });

  it('heads days as today, yesterday, then the date (with the year once it differs)', () => {
    expect(en.day(FIXED_NOW - hours(13), FIXED_NOW)).toBe('Today');
    expect(en.day(FIXED_NOW - hours(15), FIXED_NOW)).toBe('Yesterday');
    expect(en.day(FIXED_NOW - days(2), FIXED_NOW)).toBe('Sunday, March 1');
    expect(en.day(FIXED_NOW - days(70), FIXED_NOW)).toBe('Tuesday, December 23, 2025');
  });

  it('keys days in the configured zone', () => {
    const early = Date.UTC(2026, 2, 3, 3, 0);
    expect(en.dayKey(early)).toBe('2026-03-03');
    expect(getIntlFormats('en-US', 'America/New_York').dayKey(early)).toBe('2026-03-02');
  });

  it('reuses formatters per locale and zone', () => {
    expect(getIntlFormats('en-US', 'UTC')).toBe(en);
    expect(getIntlFormats('en-GB', 'UTC')).not.toBe(en);
  });
});
