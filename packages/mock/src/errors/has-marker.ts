/** Checks for a `Symbol.for` marker without trusting the prototype chain (works across package copies). */
export function hasMarker(value: unknown, symbol: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    symbol in value &&
    (value as Record<symbol, unknown>)[symbol] === true
  );
}
