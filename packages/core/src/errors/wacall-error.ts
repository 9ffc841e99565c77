// Markers are registered with `Symbol.for`, so every copy of every @wacall package in one program
// (two versions in a bundle, a CJS and an ESM copy) shares them, where `instanceof` would not.
const markerPrefix = 'wacall.error.';

function errorMarker(errorName: string): symbol {
  return Symbol.for(`${markerPrefix}${errorName}`);
}

// The static side every error class has: its name, which is also its marker.
interface WacallErrorClass {
  readonly errorName: string;
}

/**
 * The base of every error @wacall throws. Use `isInstance` or the `is*` guards rather than
 * `instanceof`: they work when two copies of a package end up in one program.
 *
 * A subclass declares `static override readonly errorName = 'MyError'`; the base sets `name` from
 * it and marks each instance with `Symbol.for('wacall.error.<name>')` for itself and every class
 * above it, so `MyError.isInstance(value)` works with no code of its own (a one-line `declare`
 * narrows its type).
 */
export class WacallError extends Error {
  /** The class's name: the error's `name` and the key of its cross-copy marker. */
  static readonly errorName: string = 'WacallError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = (new.target as WacallErrorClass).errorName;
    // One marker per class of the chain: a StoreError is also a WacallError in every copy.
    for (let type: unknown = new.target; type !== Error; type = Object.getPrototypeOf(type)) {
      if (Object.prototype.hasOwnProperty.call(type, 'errorName')) {
        (this as unknown as Record<symbol, boolean>)[
          errorMarker((type as WacallErrorClass).errorName)
        ] = true;
      }
    }
  }

  /**
   * Whether `value` is an error of this class (or a subclass) from any copy of @wacall. The guard is
   * bound to its class, so it can be passed around: `errors.filter(StoreError.isInstance)`.
   */
  static get isInstance(): (value: unknown) => value is WacallError {
    const marker = errorMarker(this.errorName);
    return (value): value is WacallError => hasMarker(value, marker);
  }
}

// Reads the marker without trusting the prototype chain, which differs between copies.
function hasMarker(value: unknown, symbol: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    symbol in value &&
    (value as Record<symbol, unknown>)[symbol] === true
  );
}
