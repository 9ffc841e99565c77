import { HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { isWacallNetworkError } from '../errors/wacall-network-error';
import { isWacallTimeoutError } from '../errors/wacall-timeout-error';
import { isWhatsAppApiError } from '../errors/whatsapp-api-error';
import {
  CALL_ID,
  OFFER,
  PHONE_NUMBER_ID,
  failure,
  graph,
  graphError,
  testClient,
  useGraphServer,
  waits,
} from '../../test/support/test-graph';

useGraphServer();
const permissionsPath = `${PHONE_NUMBER_ID}/call_permissions`;
const settingsPath = `${PHONE_NUMBER_ID}/settings`;
const callsPath = `${PHONE_NUMBER_ID}/calls`;
const permission = { permission: { status: 'temporary', expiration_time: 1745343479 } };
const lookup = { userWaId: '14085551234' };

describe('retries of repeat-safe requests', () => {
  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    const requests = graph(
      'get',
      permissionsPath,
      graphError(429, 613, {}, { 'Retry-After': '2' }),
      permission,
    );
    const result = await testClient().permissions.get(lookup);
    expect(result.status).toBe('temporary');
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('retries a GET that got 503 with exponential backoff', async () => {
    const unavailable = () => new HttpResponse('Service Unavailable', { status: 503 });
    const requests = graph('get', settingsPath, unavailable, unavailable, {
      calling: { status: 'ENABLED' },
    });
    const settings = await testClient().settings.get();
    expect(settings).toEqual({ status: 'enabled' });
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it('stops after the retry limit and throws the last failure', async () => {
    const requests = graph('get', settingsPath, () => graphError(500, 131000));
    const error = await failure(() =>
      testClient({
        retry: {
          limit: 3,
          baseDelayMs: 10,
          maxDelayMs: 25,
          jitter: false,
          sleep: async (ms) => void waits.push(ms),
        },
      }).settings.get(),
    );
    expect(isWhatsAppApiError(error) && [error.code, error.httpStatus, error.retryable]).toEqual([
      131000,
      500,
      true,
    ]);
    expect(requests).toHaveLength(4);
    expect(waits).toEqual([10, 20, 25]);
  });

  it('keeps each jittered delay between half and all of the backoff', async () => {
    const delays: number[] = [];
    graph('get', settingsPath, () => graphError(503, 2));
    await failure(() =>
      testClient({
        retry: { limit: 4, baseDelayMs: 1000, sleep: async (ms) => void delays.push(ms) },
      }).settings.get(),
    );
    expect(delays).toHaveLength(4);
    delays.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(1000 * 2 ** i * 0.5);
      expect(ms).toBeLessThanOrEqual(1000 * 2 ** i);
    });
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
    const requests = graph(
      'get',
      permissionsPath,
      graphError(429, 613, {}, { 'Retry-After': '3600' }),
      permission,
    );
    const error = await failure(() => testClient().permissions.get(lookup));
    expect(isWhatsAppApiError(error) && error.retryAfterMs).toBe(3_600_000);
    expect(requests).toHaveLength(1);
  });

  it('does not retry errors a repeat cannot fix, even on a GET', async () => {
    const requests = graph('get', permissionsPath, graphError(400, 100), permission);
    const error = await failure(() => testClient().permissions.get(lookup));
    expect(isWhatsAppApiError(error) && error.retryable).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('retries terminate and reject: repeating a hang-up cannot ring anyone', async () => {
    const requests = graph('post', callsPath, graphError(503, 2), { success: true });
    await testClient().calls.terminate({ callId: CALL_ID });
    expect(requests).toHaveLength(2);
  });

  it('never retries anything when retry is false', async () => {
    const requests = graph('get', settingsPath, graphError(503, 2), { calling: {} });
    const error = await failure(() => testClient({ retry: false }).settings.get());
    expect(isWhatsAppApiError(error) && error.httpStatus).toBe(503);
    expect(requests).toHaveLength(1);
  });
});

describe('requests that are never retried', () => {
  it('does not retry a connect that got 500: a second connect could ring the customer twice', async () => {
    const requests = graph('post', callsPath, graphError(500, 138004), {
      calls: [{ id: CALL_ID }],
    });
    const error = await failure(() =>
      testClient().calls.connect({ to: '14085551234', sdp: OFFER }),
    );
    expect(isWhatsAppApiError(error) && [error.code, error.retryable, error.category]).toEqual([
      138004,
      true,
      'server',
    ]);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not retry accept, preAccept or a message send on 503 or 429', async () => {
    const calls = graph('post', callsPath, graphError(503, 2));
    const messages = graph('post', `${PHONE_NUMBER_ID}/messages`, graphError(429, 130429));
    const client = testClient();
    await failure(() => client.calls.preAccept({ callId: CALL_ID, sdp: OFFER }));
    await failure(() => client.calls.accept({ callId: CALL_ID, sdp: OFFER }));
    await failure(() => client.messages.sendCallPermissionRequest({ to: '14085551234' }));
    expect(calls).toHaveLength(2);
    expect(messages).toHaveLength(1);
  });
});

describe('network failures and timeouts', () => {
  it('turns a network failure into WacallNetworkError and retries it on a GET', async () => {
    const requests = graph('get', permissionsPath, HttpResponse.error(), permission);
    await testClient().permissions.get(lookup);
    expect(requests).toHaveLength(2);
  });

  it('does not retry a connect whose request failed on the network, and says why', async () => {
    const requests = graph('post', callsPath, () => HttpResponse.error());
    const error = await failure(() =>
      testClient().calls.connect({ to: '14085551234', sdp: OFFER }),
    );
    expect(isWacallNetworkError(error)).toBe(true);
    expect(
      isWacallNetworkError(error) && [error.operation, error.attempts, error.retryable],
    ).toEqual(['calls.connect', 1, true]);
    expect(String(error)).toContain('check the call webhooks before dialling again');
    expect(requests).toHaveLength(1);
  });

  it('times out a slow answer with WacallTimeoutError', async () => {
    const requests = graph('post', callsPath, async () => {
      await delay(400);
      return HttpResponse.json({ calls: [{ id: CALL_ID }] });
    });
    const error = await failure(() =>
      testClient({ timeoutMs: 40 }).calls.connect({ to: '14085551234', sdp: OFFER }),
    );
    expect(isWacallTimeoutError(error) && [error.timeoutMs, error.operation]).toEqual([
      40,
      'calls.connect',
    ]);
    expect(requests).toHaveLength(1);
  });

  it('retries a timed-out GET, each attempt with its own timeout', async () => {
    let first = true;
    const requests = graph('get', permissionsPath, async () => {
      if (first) {
        first = false;
        await delay(400);
      }
      return HttpResponse.json(permission);
    });
    const result = await testClient({ timeoutMs: 40 }).permissions.get(lookup);
    expect(result.status).toBe('temporary');
    expect(requests).toHaveLength(2);
  });
});

describe('aborting', () => {
  it('rejects with the AbortError of the signal, unwrapped, and never retries', async () => {
    const requests = graph('get', permissionsPath, async () => {
      await delay(400);
      return HttpResponse.json(permission);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await failure(() =>
      testClient().permissions.get(lookup, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(requests).toHaveLength(1);
  });

  it('passes a custom abort reason through as it is', async () => {
    graph('post', callsPath, async () => {
      await delay(400);
      return HttpResponse.json({ calls: [{ id: CALL_ID }] });
    });
    const controller = new AbortController();
    const reason = new Error('agent hung up before the call started');
    setTimeout(() => controller.abort(reason), 30);
    const error = await failure(() =>
      testClient().calls.connect({ to: '14085551234', sdp: OFFER }, { signal: controller.signal }),
    );
    expect(error).toBe(reason);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const requests = graph('get', permissionsPath, permission);
    const error = await failure(() =>
      testClient().permissions.get(lookup, { signal: AbortSignal.abort() }),
    );
    expect((error as DOMException).name).toBe('AbortError');
    expect(requests).toHaveLength(0);
  });

  it('stops waiting between retries as soon as the signal aborts', async () => {
    const requests = graph('get', permissionsPath, () => graphError(503, 2));
    const controller = new AbortController();
    const client = testClient({ retry: { baseDelayMs: 60_000, jitter: false } });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(() =>
      client.permissions.get(lookup, { signal: controller.signal }),
    );
    expect((error as DOMException).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(requests).toHaveLength(1);
  });
});
