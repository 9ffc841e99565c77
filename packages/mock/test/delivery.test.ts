import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  type CloudApiSimulatorOptions,
  type WebhookDelivery,
} from '../src/index';
import { appSecret, connect, customerWaId, grantedCustomer } from './helpers';

const start = Date.UTC(2026, 6, 6, 6, 0, 0);

function setup(options: Partial<CloudApiSimulatorOptions> = {}) {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 21, ...options });
}

function verify(body: string, header: string): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
  );
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What each delivery is about: `connect`, `RINGING`, `terminate`, `text`, … */
function kinds(deliveries: readonly WebhookDelivery[]): string[] {
  return deliveries.flatMap((delivery) =>
    delivery.payload.entry.flatMap((entry) =>
      entry.changes.flatMap((change) => [
        ...((change.value['calls'] as { event: string }[] | undefined) ?? []).map((c) => c.event),
        ...((change.value['statuses'] as { status: string }[] | undefined) ?? []).map(
          (s) => s.status,
        ),
        ...((change.value['messages'] as { type: string }[] | undefined) ?? []).map((m) => m.type),
      ]),
    ),
  );
}

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A real webhook receiver on 127.0.0.1 that records raw bodies and headers. */
async function receiver(status = 200) {
  const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, received };
}

describe('webhook delivery', () => {
  it('signs the exact bytes with the app secret, and writes JSON the way Meta does', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId, { name: 'José Núñez' }).call();
    const [delivery] = simulator.drain();
    expect(delivery).toBeDefined();
    if (delivery === undefined) return;
    expect(verify(delivery.body, delivery.signature)).toBe(true);
    expect(delivery.headers['x-hub-signature-256']).toBe(delivery.signature);
    expect(delivery.body).toContain('Jos\\u00e9 N\\u00fa\\u00f1ez');
    expect(delivery.body).toContain('opus\\/48000\\/2');
    // A receiver that re-serialises the parsed body instead of hashing the raw bytes fails, as with Meta.
    expect(verify(JSON.stringify(JSON.parse(delivery.body)), delivery.signature)).toBe(false);
    expect(simulator.drain()).toEqual([]);
  });

  it('POSTs each delivery to webhookUrl with the signature header, in order', async () => {
    const { url, received } = await receiver();
    const simulator = setup({ webhookUrl: url });
    const customer = await grantedCustomer(simulator);
    const callId = ((await connect(simulator)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await customer.answer(callId);
    await simulator.flush();
    expect(received).toHaveLength(simulator.webhooks.length);
    expect(received.map((r) => r.body)).toEqual(simulator.webhooks.map((d) => d.body));
    for (const request of received) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(verify(request.body, String(request.headers['x-hub-signature-256']))).toBe(true);
    }
    expect(
      simulator.webhooks.every((d) => d.state === 'delivered' && d.responseStatus === 200),
    ).toBe(true);
    expect(kinds(simulator.webhooks).slice(-3)).toEqual(['connect', 'RINGING', 'ACCEPTED']);
  });

  it('records a refused delivery without breaking the simulation', async () => {
    const { url } = await receiver(500);
    const simulator = setup({ webhookUrl: url });
    await simulator.customer(customerWaId).sendMessage('hello');
    expect(simulator.webhooks[0]).toMatchObject({
      state: 'failed',
      responseStatus: 500,
      error: expect.stringContaining('500'),
    });
  });

  it('answers the API call before delivering the webhooks it causes', async () => {
    const simulator = setup();
    await grantedCustomer(simulator);
    const seen: string[] = [];
    simulator.onWebhook((delivery) => void seen.push(...kinds([delivery])));
    const reply = await connect(simulator);
    expect(reply.status).toBe(200);
    expect(seen).toEqual([]);
    await simulator.flush();
    expect(seen).toEqual(['connect', 'RINGING']);
  });

  it('batch puts one step’s updates into one envelope, items merged', async () => {
    const simulator = setup({ delivery: { batch: true } });
    const customer = await grantedCustomer(simulator);
    simulator.drain();
    const callId = ((await connect(simulator)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await customer.reject(callId);
    await simulator.flush();
    const deliveries = simulator.drain();
    expect(deliveries).toHaveLength(2);
    const changes = deliveries[1]?.payload.entry[0]?.changes ?? [];
    expect(changes).toHaveLength(1);
    expect((changes[0]?.value['statuses'] as unknown[]).length).toBe(1);
    expect((changes[0]?.value['calls'] as unknown[]).length).toBe(1);
    expect(kinds(deliveries)).toEqual(['connect', 'RINGING', 'terminate', 'REJECTED']);
  });

  it('duplicate: true delivers every body twice, same bytes and signature', async () => {
    const simulator = setup({ delivery: { duplicate: true } });
    await simulator.customer(customerWaId).sendMessage('hello');
    const [first, second] = simulator.webhooks;
    expect(simulator.webhooks).toHaveLength(2);
    expect(second).toMatchObject({
      body: first?.body,
      signature: first?.signature,
      duplicateOf: first?.sequence,
    });
  });

  it('a duplicate probability is seeded and repeatable', async () => {
    const run = async () => {
      const simulator = setup({ seed: 99, delivery: { duplicate: 0.5 } });
      for (let i = 0; i < 20; i += 1) await simulator.customer(customerWaId).sendMessage(`m${i}`);
      return simulator.webhooks.map((d) => d.duplicateOf ?? 0);
    };
    const first = await run();
    expect(first.length).toBeGreaterThan(20);
    expect(first.length).toBeLessThan(40);
    expect(await run()).toEqual(first);
  });

  it('reorder changes the order within a step; reverse is exact', async () => {
    const reversed = setup({ delivery: { reorder: 'reverse' } });
    const customer = await grantedCustomer(reversed);
    const callId = ((await connect(reversed)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await customer.reject(callId);
    expect(kinds(reversed.webhooks).slice(-4)).toEqual([
      'RINGING',
      'connect',
      'terminate',
      'REJECTED',
    ]);

    const shuffled = setup({ delivery: { reorder: true } });
    const other = await grantedCustomer(shuffled);
    const id = ((await connect(shuffled)).body['calls'] as { id: string }[])[0]?.id ?? '';
    await other.reject(id);
    expect(kinds(shuffled.webhooks).slice(-2)).toEqual(['terminate', 'REJECTED']);
  });

  it('autoDeliver: false holds updates until flush, so a terminate can arrive before its connect', async () => {
    const { url, received } = await receiver();
    const simulator = setup({
      webhookUrl: url,
      delivery: { autoDeliver: false, reorder: 'reverse' },
    });
    const customer = simulator.customer(customerWaId);
    const callId = await customer.call();
    await customer.hangUp(callId);
    expect(received).toHaveLength(0);
    expect(simulator.webhooks).toHaveLength(0);
    await simulator.flush();
    expect(kinds(simulator.webhooks)).toEqual(['terminate', 'connect']);
    expect(received).toHaveLength(2);
  });

  it('configureDelivery changes options at runtime, and subscribedFields filters fields', async () => {
    const simulator = setup();
    simulator.configureDelivery({ subscribedFields: ['calls'] });
    await simulator
      .customer(customerWaId)
      .sendMessage('ignored by an app without the messages field');
    expect(simulator.webhooks).toHaveLength(0);
    simulator.configureDelivery({ subscribedFields: ['calls', 'messages'], duplicate: true });
    await simulator.customer(customerWaId).sendMessage('hello');
    expect(simulator.webhooks).toHaveLength(2);
  });

  it('an action resolves after its own webhooks, even while another caller’s are being delivered', async () => {
    const simulator = setup();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen = 0;
    simulator.onWebhook(async () => {
      if (++seen === 1) await held;
    });
    const first = simulator.customer(customerWaId).sendMessage('first');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toBe(1);
    let secondResolved = false;
    const second = simulator
      .customer('447700900123')
      .sendMessage('second')
      .then(() => {
        secondResolved = true;
        return simulator.webhooks.map((delivery) => delivery.state);
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondResolved).toBe(false);
    release();
    await first;
    expect(await second).toEqual(['delivered', 'delivered']);
  });

  it('a listener may act on the simulator without deadlocking', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    simulator.onWebhook(async (delivery) => {
      const status = (
        delivery.payload.entry[0]?.changes[0]?.value['statuses'] as
          { status: string; id: string }[] | undefined
      )?.[0];
      if (status?.status === 'RINGING') await customer.answer(status.id);
    });
    await connect(simulator);
    await simulator.flush();
    expect(kinds(simulator.webhooks).slice(-3)).toEqual(['connect', 'RINGING', 'ACCEPTED']);
  });
});
