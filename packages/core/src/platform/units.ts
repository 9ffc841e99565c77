// Durations the tables are written in, so a fact reads as "7 * DAY" rather than a bare number.
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
