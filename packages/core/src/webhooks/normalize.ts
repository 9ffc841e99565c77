// Small conversions that turn Meta's loosely typed values into the event union's normalised ones.
import type { CallDirection, WebhookIssue } from './events';
import { SECONDS_CEILING, type Numeric } from './schemas';

/** A number or numeric string (already validated) as a number. */
export function toNumber(value: Numeric): number {
  return typeof value === 'number' ? value : Number(value);
}

/** Whole Unix seconds (or milliseconds), already checked by `epochTime`, to epoch milliseconds. */
export function toEpochMs(value: Numeric): number {
  const n = toNumber(value);
  return n < SECONDS_CEILING ? n * 1000 : n;
}

export function optionalEpochMs(value: Numeric | undefined): number | undefined {
  return value === undefined ? undefined : toEpochMs(value);
}

/** Empty strings (e.g. the phone number of a username-only user) mean "absent". */
export function present(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

export function lower(value: string): string {
  return value.toLowerCase();
}

export function toDirection(value: string | undefined): CallDirection | undefined {
  const direction = value?.toLowerCase();
  return direction === 'user_initiated' || direction === 'business_initiated'
    ? direction
    : undefined;
}

/** The minimal shape of a zod issue this module needs. */
interface SchemaIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  expected?: string;
}

/** Turns a schema failure into one readable line, e.g. `timestamp: expected a number or a numeric string`. */
export function describeIssues(issues: readonly SchemaIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      const what =
        issue.message === 'Invalid input' && issue.code === 'invalid_type'
          ? `expected ${issue.expected ?? 'another type'}`
          : issue.message;
      return where ? `${where}: ${what}` : what;
    })
    .join('; ');
}

export function issue(path: string, message: string, raw: unknown): WebhookIssue {
  return { path, message, raw };
}
