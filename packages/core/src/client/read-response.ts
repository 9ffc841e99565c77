import type * as z from 'zod/mini';
import { WacallResponseError } from '../errors/wacall-response-error';
import type { ApiResult } from './transport';

/** Checks a success body against the documented shape; a mismatch is a `WacallResponseError`. */
export function readResponse<T extends z.ZodMiniType>(
  schema: T,
  result: ApiResult,
  operation: string,
): z.infer<T> {
  const parsed = schema.safeParse(result.body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    const expected = 'expected' in issue ? `expected ${String(issue.expected)}` : issue.code;
    return result.redact(`${path}: ${expected}`);
  });
  throw new WacallResponseError(operation, result.status, problems, result.fbtraceId);
}
