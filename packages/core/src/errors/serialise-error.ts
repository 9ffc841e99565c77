/**
 * The `toJSON()` of every @wacall error: name, message and the error's own fields. Errors never
 * store the token, so nothing here can leak it.
 */
export function serialiseError(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...error };
  return { ...fields, name: error.name, message: error.message };
}
