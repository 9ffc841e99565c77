import type { CallStatus, IncomingCallStatus, OutgoingCallStatus } from '../calls/types';
import { WacallValidationError } from '../errors/wacall-validation-error';
import type { ValidationIssue } from '../errors/wacall-validation-error';
import { customerKey } from '../permissions/customer-key';
import type { CallDirection } from '../webhooks/events';
import type { CallLogFilter, FindCallsInput } from './agent-types';

/** The product's status labels per direction, in the order the product lists them. */
export const logStatuses: {
  user_initiated: readonly IncomingCallStatus[];
  business_initiated: readonly OutgoingCallStatus[];
} = {
  user_initiated: ['ringing', 'ongoing', 'completed', 'missed', 'declined', 'disconnected'],
  business_initiated: [
    'calling',
    'ringing',
    'ongoing',
    'completed',
    'unanswered',
    'declined',
    'disconnected',
  ],
};

const directions: Record<string, CallDirection> = {
  incoming: 'user_initiated',
  outgoing: 'business_initiated',
  user_initiated: 'user_initiated',
  business_initiated: 'business_initiated',
};

/** A checked filter: directions resolved, the customer reduced to its key. */
export interface LogFilter {
  direction?: CallDirection;
  status?: CallStatus;
  agentId?: string;
  customer?: string;
  since?: number;
  until?: number;
}

/** Where a page starts: strictly older than this entry. */
export interface LogCursor {
  at: number;
  id: string;
}

export interface LogQuery {
  filter: LogFilter;
  limit: number;
  cursor?: LogCursor;
}

export const defaultLogLimit = 50;
export const maxLogLimit = 200;

/** The directions a status label exists in. */
export function directionsOf(status: CallStatus): CallDirection[] {
  return (['user_initiated', 'business_initiated'] as const).filter((direction) =>
    (logStatuses[direction] as readonly string[]).includes(status),
  );
}

/** Checks `findCalls` input; every bad field is reported at once. */
export function checkFindCalls(input: unknown): LogQuery {
  const issues: ValidationIssue[] = [];
  const fields = objectOf(input, 'findCalls', issues);
  const filter = filterOf(fields, issues);
  const limit = limitOf(fields.limit, issues);
  const cursor = fields.before === undefined ? undefined : parseCursor(fields.before, issues);
  if (issues.length > 0) throw new WacallValidationError('findCalls', issues);
  return cursor ? { filter, limit, cursor } : { filter, limit };
}

/** Checks `countCalls` input. */
export function checkCountCalls(input: unknown): LogFilter {
  const issues: ValidationIssue[] = [];
  const filter = filterOf(objectOf(input, 'countCalls', issues), issues);
  if (issues.length > 0) throw new WacallValidationError('countCalls', issues);
  return filter;
}

/** The opaque `next` cursor: the last entry of a page. */
export function encodeCursor(cursor: LogCursor): string {
  return `c1.${cursor.at.toString(36)}.${cursor.id}`;
}

function parseCursor(value: unknown, issues: ValidationIssue[]): LogCursor | undefined {
  const match = typeof value === 'string' ? /^c1\.([0-9a-z]{1,11})\.(.+)$/s.exec(value) : null;
  const at = match?.[1] === undefined ? Number.NaN : parseInt(match[1], 36);
  if (!match?.[2] || !Number.isSafeInteger(at)) {
    issues.push({
      path: 'before',
      message: `is not a cursor from findCalls (got ${show(value)}).`,
      fix: 'Pass the `next` of the previous page exactly as returned, or leave `before` out for the newest page.',
    });
    return undefined;
  }
  return { at, id: match[2] };
}

function objectOf(
  input: unknown,
  operation: string,
  issues: ValidationIssue[],
): Partial<Record<keyof FindCallsInput, unknown>> {
  if (input === undefined) return {};
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return input;
  issues.push({
    path: '(input)',
    message: `must be an object of filters (got ${show(input)}).`,
    fix: `Call ${operation}() for every call, or e.g. ${operation}({ direction: 'incoming', status: 'missed' }).`,
  });
  return {};
}

function filterOf(
  fields: Partial<Record<keyof CallLogFilter, unknown>>,
  issues: ValidationIssue[],
): LogFilter {
  const filter: LogFilter = {};
  const { direction, status, agentId, customer, since, until } = fields;
  if (direction !== undefined) {
    const resolved = typeof direction === 'string' ? directions[direction] : undefined;
    if (resolved) filter.direction = resolved;
    else {
      issues.push({
        path: 'direction',
        message: `must be 'incoming' or 'outgoing' (got ${show(direction)}).`,
        fix: "Pass direction: 'incoming' (user-initiated) or 'outgoing' (business-initiated), or leave it out.",
      });
    }
  }
  if (status !== undefined) {
    const allowed = filter.direction
      ? logStatuses[filter.direction]
      : [...new Set([...logStatuses.user_initiated, ...logStatuses.business_initiated])];
    if (typeof status === 'string' && (allowed as readonly string[]).includes(status)) {
      filter.status = status as CallStatus;
    } else {
      const which = filter.direction
        ? `an ${filter.direction === 'user_initiated' ? 'incoming' : 'outgoing'} call's status`
        : "a call's status";
      issues.push({
        path: 'status',
        message: `must be ${which}: ${allowed.join(', ')} (got ${show(status)}).`,
        fix: `Pass one of ${allowed.join(', ')}${filter.direction ? ', or change the direction' : ''}.`,
      });
    }
  }
  if (agentId !== undefined) {
    if (typeof agentId === 'string' && agentId !== '') filter.agentId = agentId;
    else {
      issues.push({
        path: 'agentId',
        message: `must be an agent's id, a non-empty string (got ${show(agentId)}).`,
        fix: 'Pass the `id` of the Agent you record calls with, or leave it out.',
      });
    }
  }
  if (customer !== undefined) {
    try {
      filter.customer = customerKey(customer);
    } catch {
      issues.push({
        path: 'customer',
        message: `must be the customer's WhatsApp number or business-scoped user id (got ${show(customer)}).`,
        fix: "Pass e.g. customer: '14085551234', or leave it out.",
      });
    }
  }
  for (const [path, value] of [
    ['since', since],
    ['until', until],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
      filter[path] = value;
    else {
      issues.push({
        path,
        message: `must be epoch milliseconds, a non-negative whole number (got ${show(value)}).`,
        fix: `Pass e.g. ${path}: Date.now() - 86_400_000, or leave it out.`,
      });
    }
  }
  if (filter.since !== undefined && filter.until !== undefined && filter.until <= filter.since) {
    issues.push({
      path: 'until',
      message: `must be later than since (got since ${filter.since}, until ${filter.until}).`,
      fix: 'Swap them, or widen the range: since is inclusive, until exclusive.',
    });
  }
  return filter;
}

function limitOf(value: unknown, issues: ValidationIssue[]): number {
  if (value === undefined) return defaultLogLimit;
  if (
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value > 0 &&
    value <= maxLogLimit
  ) {
    return value;
  }
  issues.push({
    path: 'limit',
    message: `must be a whole number from 1 to ${maxLogLimit} (got ${show(value)}).`,
    fix: `Pass e.g. limit: ${defaultLogLimit}, and page on with \`next\` for more.`,
  });
  return defaultLogLimit;
}

function show(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}
