import * as z from 'zod/mini';
import type { RequestOptions } from './client-options';
import { toEpochMs } from './epoch';
import { readResponse } from './read-response';
import type { ResourceContext } from './resource-context';
import { checkInteger, checkOneOf, issuesFor, type Issues } from './validate';

export type AnalyticsGranularity = 'half_hour' | 'daily' | 'monthly';
export type AnalyticsDirection = 'user_initiated' | 'business_initiated';
export type AnalyticsDimension = 'direction';
export type AnalyticsMetric = 'count' | 'cost' | 'average_duration';

/** What `analytics.calls()` asks for. Times are epoch milliseconds, like every time the client returns. */
export interface CallAnalyticsInput {
  start: number;
  end: number;
  granularity: AnalyticsGranularity;
  /** Only calls of these directions. Default: both. */
  directions?: AnalyticsDirection[];
  /** Split each data point, e.g. by `direction`. */
  dimensions?: AnalyticsDimension[];
  /** Default: Meta's default set (all three). */
  metrics?: AnalyticsMetric[];
}

export interface CallAnalyticsDataPoint {
  /** Epoch ms. */
  start: number;
  end: number;
  count?: number;
  /** In the WABA's currency. No per-call pricing webhook exists; this is where cost shows. */
  cost?: number;
  averageDurationSeconds?: number;
  /** Set when the request split by `direction`. */
  direction?: AnalyticsDirection | (string & {});
}

export interface CallAnalytics {
  granularity: AnalyticsGranularity | (string & {});
  dataPoints: CallAnalyticsDataPoint[];
}

/** `client.analytics`: the WABA's call counts, costs and durations over time. */
export interface AnalyticsResource {
  /** `GET /{waba-id}?fields=call_analytics…`. Needs `wabaId`. Retried on transient failures. */
  calls(input: CallAnalyticsInput, options?: RequestOptions): Promise<CallAnalytics>;
}

// The latest time a JS Date can hold.
const MAX_DATE_MS = 8_640_000_000_000_000;
const GRANULARITIES = ['half_hour', 'daily', 'monthly'];
const DIRECTIONS = ['user_initiated', 'business_initiated'];
const DIMENSIONS = ['direction'];
const METRICS = ['count', 'cost', 'average_duration'];

const number = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\d+(\.\d+)?$/))]),
  z.transform(Number),
);
const AnalyticsResponse = z.looseObject({
  call_analytics: z.looseObject({
    granularity: z.string(),
    data_points: z.optional(
      z.array(
        z.looseObject({
          start: number,
          end: number,
          count: z.optional(number),
          cost: z.optional(number),
          average_duration: z.optional(number),
          direction: z.optional(z.string()),
        }),
      ),
    ),
  }),
});

/** @internal Builds `client.analytics`. */
export function createAnalyticsResource(context: ResourceContext): AnalyticsResource {
  return {
    async calls(input, options) {
      const operation = 'analytics.calls';
      const issues = issuesFor(operation);
      if (!context.wabaId) {
        issues.add('wabaId', 'is needed for call analytics.', 'Pass wabaId to createClient().');
      }
      checkInput(issues, input ?? ({} as CallAnalyticsInput));
      issues.throwIfAny();
      const result = await context.send(
        {
          operation,
          method: 'GET',
          path: String(context.wabaId),
          query: { fields: fieldsOf(input) },
          repeatable: true,
        },
        options,
      );
      const body = readResponse(AnalyticsResponse, result, operation).call_analytics;
      return {
        granularity: body.granularity.toLowerCase(),
        dataPoints: (body.data_points ?? []).map((point) => {
          const out: CallAnalyticsDataPoint = {
            start: toEpochMs(point.start),
            end: toEpochMs(point.end),
          };
          if (point.count !== undefined) out.count = point.count;
          if (point.cost !== undefined) out.cost = point.cost;
          if (point.average_duration !== undefined) {
            out.averageDurationSeconds = point.average_duration;
          }
          if (point.direction !== undefined) out.direction = point.direction.toLowerCase();
          return out;
        }),
      };
    },
  };
}

function checkInput(issues: Issues, input: CallAnalyticsInput): void {
  const time = { min: 0, max: MAX_DATE_MS, unit: 'ms (epoch)' };
  checkInteger(issues, 'start', input.start, time);
  checkInteger(issues, 'end', input.end, time);
  if (Number.isInteger(input.start) && Number.isInteger(input.end) && input.end <= input.start) {
    issues.add('end', 'must be after start.', 'Pass an end later than start (both epoch ms).');
  }
  checkOneOf(issues, 'granularity', input.granularity, GRANULARITIES);
  checkList(issues, 'directions', input.directions, DIRECTIONS);
  checkList(issues, 'dimensions', input.dimensions, DIMENSIONS);
  checkList(issues, 'metrics', input.metrics, METRICS);
}

function checkList(issues: Issues, path: string, value: unknown, allowed: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    issues.add(
      path,
      'must be a non-empty array.',
      `Pass some of ${allowed.join(', ')}, or leave it out.`,
    );
    return;
  }
  value.forEach((item, i) => checkOneOf(issues, `${path}[${i}]`, item, allowed));
}

/** The Graph field-expansion syntax: `call_analytics.start(…).end(…).granularity(…)…`, seconds on the wire. */
function fieldsOf(input: CallAnalyticsInput): string {
  const list = (values: string[]) => `[${values.map((v) => `"${v.toUpperCase()}"`).join(',')}]`;
  let fields =
    `call_analytics.start(${Math.floor(input.start / 1000)})` +
    `.end(${Math.ceil(input.end / 1000)})` +
    `.granularity(${input.granularity.toUpperCase()})`;
  if (input.directions) fields += `.directions(${list(input.directions)})`;
  if (input.dimensions) fields += `.dimensions(${list(input.dimensions)})`;
  if (input.metrics) fields += `.metric_types(${list(input.metrics)})`;
  return fields;
}
