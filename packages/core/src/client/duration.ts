const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const SHORT = /^(\d+(?:\.\d+)?)\s*([wdhms])$/i;
const SECONDS_PER_UNIT: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * Reads a limit period as milliseconds: ISO-8601 (`PT24H`, `P7D`, `P1W`) as the guides show it,
 * or the `24h` shorthand of Meta's generated reference. Years and months have no fixed length, so
 * they (and anything else unreadable) give `undefined`.
 */
export function parseDurationMs(period: string): number | undefined {
  const text = period.trim();
  const short = SHORT.exec(text);
  if (short)
    return Number(short[1]) * (SECONDS_PER_UNIT[String(short[2]).toLowerCase()] ?? 0) * 1000;
  const iso = ISO.exec(text);
  if (!iso || text.toUpperCase() === 'P' || /T$/i.test(text)) return undefined;
  const [weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0] = iso
    .slice(1)
    .map((part) => Number(part ?? 0));
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}
