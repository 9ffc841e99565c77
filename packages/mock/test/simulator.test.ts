import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  createSampleSdp,
  defaultLimits,
  isSimulatorUsageError,
  SimulatorUsageError,
  type SimulatorChange,
} from '../src/index';
import { appSecret, customerWaId, sendPermissionRequest } from './helpers';

describe('createCloudApiSimulator', () => {
  it('needs an app secret and an absolute webhook URL', () => {
    expect(() => createCloudApiSimulator({ appSecret: '' })).toThrow(/needs an appSecret/);
    expect(() => createCloudApiSimulator({ appSecret, webhookUrl: '/webhooks' })).toThrow(
      /not an absolute URL/,
    );
  });

  it('holds a default business number, and more can be added', () => {
    const simulator = createCloudApiSimulator({
      appSecret,
      businessNumber: { verifiedName: 'Helpdesk' },
    });
    expect(simulator.businessNumber).toEqual({
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '5511955550100',
      wabaId: '102290129340398',
      country: 'BR',
      verifiedName: 'Helpdesk',
    });
    const second = simulator.addBusinessNumber({
      phoneNumberId: '300000000000003',
      displayPhoneNumber: '4915112345678',
      country: 'de',
      wabaId: '900',
    });
    expect(second).toMatchObject({ country: 'DE', wabaId: '900' });
    expect(simulator.businessNumbers()).toHaveLength(2);
    expect(() =>
      simulator.addBusinessNumber({
        phoneNumberId: '300000000000003',
        displayPhoneNumber: '4915112345678',
        country: 'DE',
      }),
    ).toThrow(/already exists/);
    expect(() =>
      simulator.addBusinessNumber({
        phoneNumberId: 'abc',
        displayPhoneNumber: '+49',
        country: 'Germany',
      }),
    ).toThrow(SimulatorUsageError);
    expect(() => simulator.customer('+1 408', {})).toThrow(/phone digits/);
    expect(() => simulator.customer(customerWaId, { phoneNumberId: '1' })).toThrow(
      /Unknown business phone number/,
    );
  });

  it('reports changes with snapshots, for a live customer-phone UI', async () => {
    const simulator = createCloudApiSimulator({ appSecret, now: () => 0 });
    const changes: SimulatorChange[] = [];
    const stop = simulator.onChange((change) => changes.push(change));
    const customer = simulator.customer(customerWaId, { name: 'Ana' });
    await customer.sendMessage('hi');
    await sendPermissionRequest(simulator);
    const callId = await customer.call();
    stop();
    await customer.hangUp(callId);
    expect(changes.filter((c) => c.type === 'customer').at(-1)).toMatchObject({
      customer: {
        waId: customerWaId,
        name: 'Ana',
        activeCall: { callId, state: 'ringing' },
        inbox: [{ kind: 'call_permission_request' }],
      },
    });
    expect(changes.some((c) => c.type === 'call' && c.call.callId === callId)).toBe(true);
    expect(changes.some((c) => c.type === 'call' && c.call.state === 'ended')).toBe(false);
    expect(simulator.customers().map((c) => c.waId)).toEqual([customerWaId]);
  });

  it('time only moves forward', async () => {
    const simulator = createCloudApiSimulator({ appSecret, now: () => 1_000 });
    await simulator.advanceTime(500);
    expect(simulator.now()).toBe(1_500);
    await expect(simulator.advanceTime(-1)).rejects.toSatisfy(isSimulatorUsageError);
  });

  it('verifyWebhook sends Meta’s subscription challenge', async () => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const ok =
        url.searchParams.get('hub.mode') === 'subscribe' &&
        url.searchParams.get('hub.verify_token') === 'secret-verify';
      res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get('hub.challenge') : 'no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const simulator = createCloudApiSimulator({ appSecret, webhookUrl });
      expect(await simulator.verifyWebhook('secret-verify')).toMatchObject({
        verified: true,
        status: 200,
      });
      expect(await simulator.verifyWebhook('wrong')).toMatchObject({
        verified: false,
        status: 403,
      });
    } finally {
      server.close();
    }
    expect(() => createCloudApiSimulator({ appSecret }).verifyWebhook('x')).toThrow(
      /needs a webhookUrl/,
    );
  });

  it('createSampleSdp writes a usable offer or answer; defaultLimits holds Meta’s numbers', () => {
    const sdp = createSampleSdp({ type: 'answer', seed: 1 });
    expect(sdp.split('\r\n')[0]).toBe('v=0');
    expect(sdp).toContain('a=setup:active');
    expect(createSampleSdp({ type: 'answer', seed: 1 })).toBe(sdp);
    expect(createSampleSdp({ type: 'offer', side: 'platform' })).toContain('a=ice-lite');
    expect(defaultLimits.businessCallingUnavailableCountries).toEqual([
      'US',
      'CA',
      'EG',
      'VN',
      'NG',
    ]);
    expect(defaultLimits.permissionRequests.map((l) => l.max)).toEqual([1, 2]);
  });
});
