import { DAY, HOUR, SECOND } from './units';

/** At most `max` uses in any window of `windowMs` (a rolling window, not a calendar day). */
export interface RollingLimit {
  max: number;
  windowMs: number;
}

/**
 * A limit's window as the ISO-8601 duration `GET call_permissions` reports in `time_period`: Meta
 * writes a day as `PT24H` and a week as `P7D` (Meta "User call permissions" page; checked 2026-12).
 */
export function rollingLimitPeriod(limit: Pick<RollingLimit, 'windowMs'>): string {
  const { windowMs } = limit;
  if (windowMs > DAY && windowMs % DAY === 0) return `P${windowMs / DAY}D`;
  if (windowMs % HOUR === 0) return `PT${windowMs / HOUR}H`;
  return `PT${windowMs / SECOND}S`;
}
