import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudApiSimulator } from '../src/index';
import { cloudApiHandlers } from '../src/msw';
import { appSecret, customerWaId, offer } from './helpers';

const simulator = createCloudApiSimulator({ appSecret, seed: 4 });
const proxy = createCloudApiSimulator({ appSecret, seed: 5 });
const server = setupServer(
  ...cloudApiHandlers(simulator),
  ...cloudApiHandlers(proxy, { baseUrl: 'https://bsp.example.test/graph/' }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('cloudApiHandlers', () => {
  it('answers requests to graph.facebook.com from the simulator', async () => {
    const pnid = simulator.businessNumber.phoneNumberId;
    const response = await fetch(`https://graph.facebook.com/v23.0/${pnid}/calls`, {
      method: 'POST',
      headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: customerWaId,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: offer },
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 138006 } });
  });

  it('serves another base URL from another simulator', async () => {
    await proxy.customer(customerWaId).acceptPermission({ permanent: true });
    const pnid = proxy.businessNumber.phoneNumberId;
    const response = await fetch(
      `https://bsp.example.test/graph/v23.0/${pnid}/call_permissions?user_wa_id=${customerWaId}`,
      {
        headers: { authorization: 'Bearer token' },
      },
    );
    expect(await response.json()).toMatchObject({ permission: { status: 'permanent' } });
  });
});
