/** Checks for a `Symbol.for` marker without trusting the prototype chain (copies of a package differ). */
export function hasMarker(value: unknown, symbol: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    symbol in value &&
    (value as Record<symbol, unknown>)[symbol] === true
  );
}
