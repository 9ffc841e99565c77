/**
 * `GET /{waba-id}?fields=call_analytics.start(…).end(…).granularity(…)…`: counts, costs and average
 * durations computed from the simulator's own call history (Meta "Call analytics" reference).
 */
import type { EndpointResult } from './graph-context';
import type { World } from '../world/world';
import { callCost } from '../world/rate-card';
import { invalid } from './request-fields';
import type { CallState } from '../world/state';

type Granularity = 'HALF_HOUR' | 'DAILY' | 'MONTHLY';
const granularities: readonly string[] = ['HALF_HOUR', 'DAILY', 'MONTHLY'];
const metricTypes: readonly string[] = ['COUNT', 'COST', 'AVERAGE_DURATION'];
const directions: readonly string[] = ['USER_INITIATED', 'BUSINESS_INITIATED'];

interface Query {
  start: number;
  end: number;
  granularity: Granularity;
  directions: string[];
  byDirection: boolean;
  metrics: string[];
}

/** Reads `call_analytics.start(1).end(2)…` into its parts; anything malformed is Graph's error 100. */
function parseFields(fields: string): Query {
  if (!fields.startsWith('call_analytics')) {
    throw invalid('The fields parameter must ask for call_analytics here.');
  }
  const parts = new Map<string, string>();
  for (const match of fields.matchAll(/\.(\w+)\(([^)]*)\)/g))
    parts.set(match[1] ?? '', match[2] ?? '');
  const seconds = (key: string) => {
    const value = parts.get(key);
    if (value === undefined || !/^\d+$/.test(value)) {
      throw invalid(`call_analytics.${key}(…) must be a Unix time in seconds.`);
    }
    return Number(value) * 1000;
  };
  const list = (key: string, allowed: readonly string[], fallback: readonly string[]) => {
    const value = parts.get(key);
    if (value === undefined) return [...fallback];
    let items: unknown;
    try {
      items = JSON.parse(value);
    } catch {
      throw invalid(`call_analytics.${key}(…) must be a JSON array, e.g. ["${allowed[0]}"].`);
    }
    if (!Array.isArray(items) || !items.every((i) => allowed.includes(String(i)))) {
      throw invalid(`call_analytics.${key}(…) must list only ${allowed.join(', ')}.`);
    }
    return items.map(String);
  };
  const start = seconds('start');
  const end = seconds('end');
  if (end <= start) throw invalid('call_analytics.end must be after start.');
  const granularity = (parts.get('granularity') ?? '').toUpperCase();
  if (!granularities.includes(granularity)) {
    throw invalid(`call_analytics.granularity must be one of ${granularities.join(', ')}.`);
  }
  return {
    start,
    end,
    granularity: granularity as Granularity,
    directions: list('directions', directions, directions),
    byDirection: list('dimensions', ['DIRECTION'], []).includes('DIRECTION'),
    metrics: list('metric_types', metricTypes, metricTypes),
  };
}

/** The bucket a moment falls in: its start and end, epoch ms, in UTC. */
function bucketOf(at: number, granularity: Granularity): [number, number] {
  if (granularity === 'HALF_HOUR') {
    const start = at - (at % 1_800_000);
    return [start, start + 1_800_000];
  }
  const date = new Date(at);
  if (granularity === 'DAILY') {
    const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    return [start, start + 86_400_000];
  }
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return [start, Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)];
}

const talkSeconds = (call: CallState) =>
  call.answeredAt === undefined || call.endedAt === undefined
    ? undefined
    : Math.round((call.endedAt - call.answeredAt) / 1000);

/** One data point per bucket (and direction, when split) that had calls; empty buckets are left out. */
export function callAnalytics(
  context: Pick<World, 'calls'>,
  wabaId: string,
  fields: string,
): EndpointResult {
  const query = parseFields(fields);
  const groups = new Map<
    string,
    { start: number; end: number; direction?: string; calls: CallState[] }
  >();
  for (const call of context.calls.values()) {
    if (call.conversation.business.wabaId !== wabaId) continue;
    if (call.createdAt < query.start || call.createdAt >= query.end) continue;
    if (!query.directions.includes(call.direction)) continue;
    const [start, end] = bucketOf(call.createdAt, query.granularity);
    const key = `${start}:${query.byDirection ? call.direction : ''}`;
    const group = groups.get(key) ?? {
      start,
      end,
      ...(query.byDirection ? { direction: call.direction } : {}),
      calls: [],
    };
    group.calls.push(call);
    groups.set(key, group);
  }
  const dataPoints = [...groups.values()]
    .sort((a, b) => a.start - b.start || String(a.direction).localeCompare(String(b.direction)))
    .map((group) => {
      const talks = group.calls.map(talkSeconds).filter((s): s is number => s !== undefined);
      const cost = group.calls.reduce(
        (sum, call) =>
          sum + callCost(call.direction, call.conversation.customer.waId, talkSeconds(call)),
        0,
      );
      return {
        start: Math.floor(group.start / 1000),
        end: Math.floor(group.end / 1000),
        ...(query.metrics.includes('COUNT') ? { count: group.calls.length } : {}),
        ...(query.metrics.includes('COST') ? { cost: Math.round(cost * 10_000) / 10_000 } : {}),
        ...(query.metrics.includes('AVERAGE_DURATION')
          ? {
              average_duration:
                talks.length === 0
                  ? 0
                  : Math.round(talks.reduce((a, b) => a + b, 0) / talks.length),
            }
          : {}),
        ...(group.direction === undefined ? {} : { direction: group.direction }),
      };
    });
  return {
    body: {
      call_analytics: { granularity: query.granularity, data_points: dataPoints },
      id: wabaId,
    },
    updates: [],
  };
}
