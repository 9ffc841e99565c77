import { HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ErrorEvent, RequestEvent, ResponseEvent, RetryEvent } from './client-options';
import {
  CALL_ID,
  OFFER,
  PHONE_NUMBER_ID,
  TOKEN,
  failure,
  graph,
  graphError,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();
const permissionsPath = `${PHONE_NUMBER_ID}/call_permissions`;
const callsPath = `${PHONE_NUMBER_ID}/calls`;

function observedClient(options: Parameters<typeof testClient>[0] = {}) {
  const events = {
    requests: [] as RequestEvent[],
    responses: [] as ResponseEvent[],
    retries: [] as RetryEvent[],
    errors: [] as ErrorEvent[],
  };
  const client = testClient({
    ...options,
    hooks: {
      onRequest: (event) => events.requests.push(event),
      onResponse: (event) => events.responses.push(event),
      onRetry: (event) => events.retries.push(event),
      onError: (event) => events.errors.push(event),
    },
  });
  return { client, events };
}

/** Everything a log could capture from an error. */
const exposed = (error: unknown) => {
  const chain: unknown[] = [];
  for (let link = error; link instanceof Error; link = link.cause)
    chain.push(link, link.message, link.stack);
  return JSON.stringify(error) + chain.map(String).join('\n');
};

describe('hooks', () => {
  it('see each request, response and retry, with the authorization header redacted', async () => {
    graph(
      'get',
      permissionsPath,
      graphError(503, 2, {}, { 'x-fb-trace-id': 'TraceA' }),
      HttpResponse.json(
        { permission: { status: 'temporary' } },
        { headers: { 'x-fb-trace-id': 'TraceB' } },
      ),
    );
    const { client, events } = observedClient();
    await client.permissions.get({ userWaId: '14085551234' });
    expect(events.requests).toEqual([
      expect.objectContaining({
        operation: 'permissions.get',
        method: 'GET',
        url: expect.stringContaining(`${PHONE_NUMBER_ID}/call_permissions?user_wa_id=14085551234`),
        attempt: 1,
      }),
      expect.objectContaining({ attempt: 2 }),
    ]);
    expect(events.requests[0]?.headers.authorization).toBe('Bearer [redacted]');
    expect(events.responses.map((event) => [event.status, event.attempt, event.fbtraceId])).toEqual(
      [
        [503, 1, 'TraceA'],
        [200, 2, 'TraceB'],
      ],
    );
    expect(events.retries).toEqual([
      expect.objectContaining({
        attempt: 1,
        delayMs: 500,
        error: expect.objectContaining({ httpStatus: 503 }),
      }),
    ]);
    expect(events.errors).toEqual([]);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it('see the body that was sent and the final failure', async () => {
    graph('post', callsPath, graphError(400, 138006));
    const { client, events } = observedClient();
    await failure(() => client.calls.connect({ to: '14085551234', sdp: OFFER }));
    expect(events.requests[0]?.body).toMatchObject({ action: 'connect', to: '14085551234' });
    expect(events.errors).toEqual([
      expect.objectContaining({
        operation: 'calls.connect',
        attempts: 1,
        error: expect.objectContaining({ code: 138006, category: 'permission' }),
      }),
    ]);
  });

  it('cannot break a request by throwing', async () => {
    graph('post', callsPath, { success: true });
    const client = testClient({
      hooks: {
        onRequest: () => {
          throw new Error('logger down');
        },
        onResponse: () => {
          throw new Error('metrics down');
        },
      },
    });
    await expect(client.calls.terminate({ callId: CALL_ID })).resolves.toBeUndefined();
  });
});

describe('the access token', () => {
  it('never appears in errors, their JSON, their cause chain or hook output', async () => {
    graph('get', permissionsPath, () =>
      graphError(401, 190, { message: `Malformed access token ${TOKEN}` }),
    );
    graph('post', callsPath, () => HttpResponse.error());
    graph('get', `${PHONE_NUMBER_ID}/settings`, async () => {
      await delay(300);
      return HttpResponse.json({});
    });
    const { client, events } = observedClient({ timeoutMs: 30 });
    const failures = [
      await failure(() => client.permissions.get({ userWaId: '14085551234' })),
      await failure(() => client.calls.connect({ to: '14085551234', sdp: OFFER })),
      await failure(() => client.settings.get()),
      await failure(() => client.calls.connect({ to: TOKEN, sdp: OFFER })),
    ];
    expect(failures.map((error) => (error as Error).name)).toEqual([
      'WhatsAppApiError',
      'WacallNetworkError',
      'WacallTimeoutError',
      'WacallValidationError',
    ]);
    expect((failures[0] as Error).message).toContain('Malformed access token [redacted]');
    for (const error of failures) expect(exposed(error)).not.toContain(TOKEN);
    expect(events.errors.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });
});
