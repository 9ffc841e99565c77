import type { WebhookError, WebhookIssue } from './events';
import { describeIssues, issue, present, toNumber } from './normalize';
import { errorSchema } from './schemas';

/** Reads an `errors[]` list; a malformed error is reported and left out, the item it sits in is kept. */
export function parseErrors(
  list: unknown[] | undefined,
  path: string,
  issues: WebhookIssue[],
): WebhookError[] {
  if (!list) return [];
  const errors: WebhookError[] = [];
  list.forEach((raw, i) => {
    const result = errorSchema.safeParse(raw);
    if (!result.success) {
      issues.push(issue(`${path}[${i}]`, describeIssues(result.error.issues), raw));
      return;
    }
    const e = result.data;
    errors.push({
      code: toNumber(e.code),
      title: present(e.title),
      message: present(e.message),
      details: present(e.error_data?.details),
      href: present(e.href),
    });
  });
  return errors;
}

/**
 * Merges errors reported twice (real traffic repeats a terminate's error in `calls[].errors` and
 * `value.errors`, with different fields present): same code and no conflicting details = one error.
 */
export function mergeErrors(errors: WebhookError[]): WebhookError[] {
  const merged: WebhookError[] = [];
  for (const error of errors) {
    const twin = merged.find(
      (m) =>
        m.code === error.code &&
        (m.details === undefined || error.details === undefined || m.details === error.details),
    );
    if (!twin) {
      merged.push({ ...error });
      continue;
    }
    twin.title ??= error.title;
    twin.message ??= error.message;
    twin.details ??= error.details;
    twin.href ??= error.href;
  }
  return merged;
}
