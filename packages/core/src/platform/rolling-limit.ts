/** At most `max` uses in any window of `windowMs` (a rolling window, not a calendar day). */
export interface RollingLimit {
  max: number;
  windowMs: number;
  /**
   * The window as an ISO-8601 duration, the way `GET call_permissions` reports it in `time_period`
   * (`PT24H`, `P7D`). Informational: the window is `windowMs`.
   */
  period?: string;
}
