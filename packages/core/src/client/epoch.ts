/** Meta sends Unix seconds; a value already in milliseconds (13 digits) is kept as it is. */
export function toEpochMs(value: number): number {
  return value >= 1e12 ? value : value * 1000;
}
