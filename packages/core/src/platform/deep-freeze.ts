/** Freezes a table and every object in it, so no consumer can change a platform fact for the others. */
export function deepFreeze<T extends object>(table: T): Readonly<T> {
  for (const value of Object.values(table)) {
    if (typeof value === 'object' && value !== null) deepFreeze(value as object);
  }
  return Object.freeze(table);
}
