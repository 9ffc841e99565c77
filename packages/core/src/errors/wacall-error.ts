const marker = Symbol.for('@wacall/error');

/**
 * The base of every error @wacall throws. Use the `is*` guards rather than `instanceof`: they work
 * when two copies of the package end up in one bundle.
 */
export class WacallError extends Error {
  /** @internal The marker the guards look for; the same symbol in every copy of the package. */
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WacallError';
  }

  /** Whether `value` is an error thrown by any copy of @wacall. */
  static isInstance(value: unknown): value is WacallError {
    return hasMarker(value, marker);
  }
}

/** @internal Checks for a `Symbol.for` marker without trusting the prototype chain. */
export function hasMarker(value: unknown, symbol: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    symbol in value &&
    (value as Record<symbol, unknown>)[symbol] === true
  );
}
