import { afterEach, describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  isSimulatorUsageError,
  startSimulatorServer,
  type SimulatorServer,
} from '../src/index';
import { appSecret, customerWaId, offer } from './helpers';

const running: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startSimulatorServer>[0]) {
  const server = await startSimulatorServer(options);
  running.push(server);
  return server;
}

describe('startSimulatorServer', () => {
  it('serves Graph paths on 127.0.0.1 to any HTTP client', async () => {
    const server = await start({ port: 0, appSecret });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pnid = server.simulator.businessNumber.phoneNumberId;
    const response = await fetch(
      `${server.url}/v23.0/${pnid}/call_permissions?user_wa_id=${customerWaId}`,
      {
        headers: { authorization: 'Bearer anything' },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ permission: { status: 'no_permission' } });
  });

  it('answers 401 OAuthException without a bearer token, or with one it was not told to accept', async () => {
    const simulator = createCloudApiSimulator({ appSecret, accessTokens: ['right-token'] });
    const server = await start({ simulator });
    const pnid = simulator.businessNumber.phoneNumberId;
    const url = `${server.url}/v23.0/${pnid}/settings`;
    const headerSets: Record<string, string>[] = [
      {},
      { authorization: 'Bearer ' },
      { authorization: 'Bearer wrong-token' },
      { authorization: 'Basic right-token' },
    ];
    for (const headers of headerSets) {
      const response = await fetch(url, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('invalid_token');
      const body = (await response.json()) as {
        error: { type: string; code: number; message: string };
      };
      expect(body.error).toMatchObject({ type: 'OAuthException', code: 190 });
      expect(JSON.stringify(body)).not.toContain('right-token');
      expect(JSON.stringify(body)).not.toContain('wrong-token');
    }
    expect((await fetch(url, { headers: { authorization: 'Bearer right-token' } })).status).toBe(
      200,
    );
  });

  it('speaks the error envelope over HTTP, including for a body that is not JSON', async () => {
    const server = await start({ appSecret });
    const pnid = server.simulator.businessNumber.phoneNumberId;
    const post = (body: string) =>
      fetch(`${server.url}/v24.0/${pnid}/calls`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body,
      });
    const notJson = await post('{oops');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 100 } });
    const noPermission = await post(
      JSON.stringify({
        messaging_product: 'whatsapp',
        to: customerWaId,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: offer },
      }),
    );
    expect(noPermission.status).toBe(401);
    expect(await noPermission.json()).toMatchObject({
      error: { code: 138006, type: 'OAuthException' },
    });
  });

  it('runs ring timeouts on its own timer', async () => {
    let now = Date.UTC(2026, 0, 1);
    const simulator = createCloudApiSimulator({ appSecret, now: () => now });
    await start({ simulator, tickIntervalMs: 10 });
    const callId = await simulator.customer(customerWaId).call();
    now += simulator.limits.incomingAnswerWindowMs;
    await expect.poll(() => simulator.call(callId)?.state, { timeout: 2000 }).toBe('ended');
  });

  it('needs a simulator or an app secret', async () => {
    await expect(startSimulatorServer({ port: 0 })).rejects.toSatisfy(isSimulatorUsageError);
  });

  it('close() stops it', async () => {
    const server = await startSimulatorServer({ appSecret });
    await server.close();
    await expect(fetch(`${server.url}/v23.0/1/settings`)).rejects.toThrow();
  });
});
