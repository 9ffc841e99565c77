import type * as z from 'zod/mini';
import type { ParsedWebhook, WebhookContact, WebhookError } from './events';
import { describeIssues, issue } from './normalize';

/** What every item of one `changes[]` entry shares, and where its events and issues go. */
export interface ChangeContext {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string | undefined;
  /** Path of the change's `value`, e.g. `entry[0].changes[1].value`. */
  path: string;
  contacts: WebhookContact[];
  /** `value.errors`, which belong to the terminate(s) beside them. */
  valueErrors: WebhookError[];
  valueErrorsUsed: boolean;
  /** For items without a time of their own: the entry's `time`, else when the body was parsed. */
  fallbackTimestamp: number;
  out: ParsedWebhook;
}

/** The fields every event of a change carries. */
export function eventBase(ctx: ChangeContext, timestamp: number, raw: unknown) {
  return {
    wabaId: ctx.wabaId,
    phoneNumberId: ctx.phoneNumberId,
    displayPhoneNumber: ctx.displayPhoneNumber,
    timestamp,
    raw,
  };
}

/** Runs a schema over one item; on failure records an issue at `path` and returns undefined. */
export function check<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
  path: string,
  out: ParsedWebhook,
): z.infer<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  out.issues.push(issue(path, describeIssues(result.error.issues), raw));
  return undefined;
}
