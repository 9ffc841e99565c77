import { sanitiseCause } from './sanitise-cause';

/**
 * The `toJSON()` of every @wacall error: name, message, the error's own fields and its cause chain
 * as `{ name, message, code?, cause? }`. Errors never store the token, and the chain goes through
 * `sanitiseCause()`, so request objects and headers never reach a log.
 */
export function serialiseError(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...error };
  const json: Record<string, unknown> = { ...fields, name: error.name, message: error.message };
  const cause = sanitiseCause(error.cause);
  if (cause !== undefined) json.cause = cause.toJSON();
  return json;
}
