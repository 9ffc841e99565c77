import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import type { CallAnalyticsInput } from './analytics';
import {
  PHONE_NUMBER_ID,
  WABA_ID,
  TOKEN,
  failure,
  graph,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';
import { createClient } from './create-client';

useGraphServer();

const day = 86_400_000;
const jan1 = Date.UTC(2026, 0, 1);

describe('analytics.calls', () => {
  it.each<[string, CallAnalyticsInput, string]>([
    [
      'daily, defaults',
      { start: jan1, end: jan1 + 7 * day, granularity: 'daily' },
      'call_analytics.start(1767225600).end(1767830400).granularity(DAILY)',
    ],
    [
      'half-hourly, outgoing only, split by direction, two metrics',
      {
        start: jan1,
        end: jan1 + day,
        granularity: 'half_hour',
        directions: ['business_initiated'],
        dimensions: ['direction'],
        metrics: ['count', 'average_duration'],
      },
      'call_analytics.start(1767225600).end(1767312000).granularity(HALF_HOUR)' +
        '.directions(["BUSINESS_INITIATED"]).dimensions(["DIRECTION"])' +
        '.metric_types(["COUNT","AVERAGE_DURATION"])',
    ],
    [
      'monthly, ms rounded outwards to whole seconds',
      { start: jan1 + 999, end: jan1 + 30 * day + 1, granularity: 'monthly' },
      'call_analytics.start(1767225600).end(1769817601).granularity(MONTHLY)',
    ],
  ])('%s', async (_, input, fields) => {
    const requests = graph('get', WABA_ID, {
      call_analytics: { granularity: 'DAILY', data_points: [] },
    });
    await testClient().analytics.calls(input);
    expect(requests[0]?.url.searchParams.get('fields')).toBe(fields);
  });

  it('returns data points with times in epoch ms and durations in seconds', async () => {
    graph('get', WABA_ID, {
      call_analytics: {
        granularity: 'DAILY',
        data_points: [
          {
            start: 1767225600,
            end: 1767312000,
            count: 12,
            cost: '0.84',
            average_duration: 95,
            direction: 'USER_INITIATED',
          },
          { start: 1767312000, end: 1767398400, count: 0 },
        ],
      },
      id: WABA_ID,
    });
    const result = await testClient().analytics.calls({
      start: jan1,
      end: jan1 + 2 * day,
      granularity: 'daily',
      dimensions: ['direction'],
    });
    expect(result).toEqual({
      granularity: 'daily',
      dataPoints: [
        {
          start: jan1,
          end: jan1 + day,
          count: 12,
          cost: 0.84,
          averageDurationSeconds: 95,
          direction: 'user_initiated',
        },
        { start: jan1 + day, end: jan1 + 2 * day, count: 0 },
      ],
    });
  });

  it('refuses a bad range, granularity and lists at once, and sends nothing', async () => {
    const error = await failure(() =>
      testClient().analytics.calls({
        start: jan1,
        end: jan1 - 1,
        granularity: 'hourly' as 'daily',
        directions: [],
        metrics: ['count', 'revenue' as 'count'],
      }),
    );
    expect(isWacallValidationError(error)).toBe(true);
    if (!isWacallValidationError(error)) return;
    expect(error.issues.map((i) => i.path)).toEqual([
      'end',
      'granularity',
      'directions',
      'metrics[1]',
    ]);
    expect(seen).toHaveLength(0);
  });

  it('says analytics need the WABA id when the client has none', async () => {
    const client = createClient({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    const error = await failure(() =>
      client.analytics.calls({ start: 0, end: day, granularity: 'daily' }),
    );
    expect(isWacallValidationError(error) && error.issues[0]).toMatchObject({
      path: 'wabaId',
      fix: 'Pass wabaId to createClient().',
    });
  });
});
