import { describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  isSimulatorUsageError,
  type CloudApiSimulatorOptions,
} from '../src/index';
import {
  answer,
  appSecret,
  callAction,
  connect,
  customerWaId,
  graph,
  graphError,
  grantedCustomer,
  items,
  offer,
  sendMessage,
  sendPermissionRequest,
} from './helpers';

const start = Date.UTC(2026, 2, 2, 9, 0, 0);
const hour = 3_600_000;
const day = 24 * hour;

function setup(options: Partial<CloudApiSimulatorOptions> = {}) {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 3, ...options });
}

function callIdOf(reply: { body: Record<string, unknown> }): string {
  return (reply.body['calls'] as { id: string }[] | undefined)?.[0]?.id ?? '';
}

describe('the platform’s limits, with Meta’s codes, HTTP statuses and envelope', () => {
  it('138006 (HTTP 401): connect without permission', async () => {
    const simulator = setup();
    const reply = await connect(simulator);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      error: {
        message: '(#138006) No approved call permission',
        type: 'OAuthException',
        code: 138006,
        error_data: {
          messaging_product: 'whatsapp',
          details: expect.stringContaining(customerWaId),
        },
        fbtrace_id: expect.stringMatching(/^[\w-]{20,}$/),
      },
    });
    expect(reply.headers.get('x-fb-trace-id')).toBe(graphError(reply)['fbtrace_id']);
  });

  it('138009 (HTTP 400): one request per 24 h, two per 7 days, with the next allowed time', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId).sendMessage('hello');
    expect((await sendPermissionRequest(simulator)).status).toBe(200);
    const second = await sendPermissionRequest(simulator);
    expect(second.status).toBe(400);
    expect(graphError(second)['code']).toBe(138009);
    const retryAt = new Date(start + day).toISOString();
    expect((graphError(second)['error_data'] as { details: string }).details).toContain(retryAt);

    await simulator.advanceTime(day);
    await simulator.customer(customerWaId).sendMessage('still there');
    expect((await sendPermissionRequest(simulator)).status).toBe(200);
    await simulator.advanceTime(day);
    await simulator.customer(customerWaId).sendMessage('and again');
    const third = await sendPermissionRequest(simulator);
    expect(graphError(third)['code']).toBe(138009);
    expect((graphError(third)['error_data'] as { details: string }).details).toContain('P7D');
    expect(simulator.customer(customerWaId).snapshot().permissionRequestUsage).toEqual([
      { period: 'PT24H', used: 0, max: 1 },
      { period: 'P7D', used: 2, max: 2, freesAt: start + 7 * day },
    ]);
  });

  it('a connected call resets the permission request limits', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hello');
    await sendPermissionRequest(simulator);
    expect(graphError(await sendPermissionRequest(simulator))['code']).toBe(138009);
    const callId = await customer.call();
    await callAction(simulator, {
      call_id: callId,
      action: 'accept',
      session: { sdp_type: 'answer', sdp: answer },
    });
    expect((await sendPermissionRequest(simulator)).status).toBe(200);
  });

  it('138012: connected-call limit per user per 24 h (configurable), freeing up as the window rolls', async () => {
    const simulator = setup({ limits: { connectedCallsPerUser: { max: 2 } } });
    const customer = await grantedCustomer(simulator);
    for (let i = 0; i < 2; i += 1) {
      const callId = callIdOf(await connect(simulator));
      await customer.answer(callId);
      await customer.hangUp(callId);
      await simulator.advanceTime(hour);
    }
    const refused = await connect(simulator);
    expect(refused.status).toBe(400);
    expect(graphError(refused)['code']).toBe(138012);
    expect((graphError(refused)['error_data'] as { details: string }).details).toContain(
      new Date(start + day).toISOString(),
    );
    await simulator.advanceTime(day - 2 * hour);
    expect((await connect(simulator)).status).toBe(200);
  });

  it('100 connected calls is the default', () => {
    expect(setup().limits.connectedCallsPerUser).toEqual({ windowMs: day, max: 100 });
  });

  it.each(['US', 'CA', 'EG', 'VN', 'NG'])(
    '138013: a business number from %s cannot call or ask for permission',
    async (country) => {
      const simulator = setup({ businessNumber: { country, displayPhoneNumber: '16315553601' } });
      await simulator.customer(customerWaId).sendMessage('hello');
      const request = await sendPermissionRequest(simulator);
      expect(request.status).toBe(400);
      expect(graphError(request)['code']).toBe(138013);
      expect(graphError(await connect(simulator))['code']).toBe(138013);
    },
  );

  it('138017: no permission request once the user granted permanent permission', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId).acceptPermission({ permanent: true });
    await simulator.customer(customerWaId).sendMessage('hi');
    const reply = await sendPermissionRequest(simulator);
    expect(reply.status).toBe(400);
    expect(graphError(reply)['code']).toBe(138017);
  });

  it('131047: free-form message outside the 24 h window; a template still goes', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId).sendMessage('hello');
    await simulator.advanceTime(day + 1);
    const text = await sendMessage(simulator, {
      to: customerWaId,
      type: 'text',
      text: { body: 'Hi!' },
    });
    expect(text.status).toBe(400);
    expect(graphError(text)).toMatchObject({
      code: 131047,
      message: '(#131047) Re-engagement message',
    });
    expect(graphError(await sendPermissionRequest(simulator))['code']).toBe(131047);
  });

  it('100: wrong sdp_type, missing fields, invalid SDP, unknown action', async () => {
    const simulator = setup();
    await grantedCustomer(simulator);
    const cases = [
      { to: customerWaId, action: 'connect', session: { sdp_type: 'answer', sdp: offer } },
      { to: customerWaId, action: 'connect' },
      { action: 'connect', session: { sdp_type: 'offer', sdp: offer } },
      { to: customerWaId, action: 'connect', session: { sdp_type: 'offer', sdp: 'hello' } },
      {
        to: customerWaId,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: JSON.stringify({ sdp: offer, type: 'offer' }) },
      },
      {
        to: customerWaId,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: offer.replace(/a=fingerprint.*\r\n/, '') },
      },
      { to: customerWaId, action: 'dial', session: { sdp_type: 'offer', sdp: offer } },
      {
        to: customerWaId,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: offer },
        biz_opaque_callback_data: 'x'.repeat(513),
      },
    ];
    for (const body of cases) {
      const reply = await callAction(simulator, body);
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(graphError(reply)['code']).toBe(100);
    }
    const detail = graphError(await callAction(simulator, cases[0] ?? {}))['error_data'] as {
      details: string;
    };
    expect(detail.details).toContain('session.sdp_type must be "offer"');
    const missingProduct = await graph(
      simulator,
      'POST',
      `${simulator.businessNumber.phoneNumberId}/calls`,
      { to: customerWaId, action: 'connect' },
    );
    expect(graphError(missingProduct)['code']).toBe(100);
  });

  it('138003: a second call with the same user while one is in progress', async () => {
    const simulator = setup();
    await grantedCustomer(simulator);
    expect((await connect(simulator)).status).toBe(200);
    const reply = await connect(simulator);
    expect(reply.status).toBe(400);
    expect(graphError(reply)['code']).toBe(138003);
  });

  it('auto-revokes after 4 consecutive unanswered or rejected calls, with the reject/automatic reply', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    const endings = [customer.ignore, customer.reject, customer.ignore, customer.reject];
    for (const ending of endings) {
      const callId = callIdOf(await connect(simulator));
      expect(callId).not.toBe('');
      await ending(callId);
    }
    const reply = items(simulator, 'messages').at(-1);
    expect(reply).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'call_permission_reply',
        call_permission_reply: { response: 'reject', response_source: 'automatic' },
      },
    });
    expect(reply).not.toHaveProperty('context');
    expect(customer.snapshot()).toMatchObject({ permission: 'revoked', revokedBy: 'automatic' });
    expect(graphError(await connect(simulator))['code']).toBe(138006);
  });

  it('an answered call breaks the run of missed calls', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    for (const step of ['ignore', 'ignore', 'ignore', 'answer', 'ignore'] as const) {
      const callId = callIdOf(await connect(simulator));
      await customer[step](callId);
      if (step === 'answer') await customer.hangUp(callId);
    }
    expect(customer.snapshot()).toMatchObject({
      permission: 'temporary',
      consecutiveMissedCalls: 1,
    });
  });

  it('138000 (HTTP 401) with calling disabled; 131055 with SIP on', async () => {
    const simulator = setup();
    await grantedCustomer(simulator);
    const pnid = simulator.businessNumber.phoneNumberId;
    await graph(simulator, 'POST', `${pnid}/settings`, { calling: { status: 'DISABLED' } });
    const disabled = await connect(simulator);
    expect([disabled.status, graphError(disabled)['code']]).toEqual([401, 138000]);
    await graph(simulator, 'POST', `${pnid}/settings`, {
      calling: { status: 'ENABLED', sip: { status: 'ENABLED' } },
    });
    const sip = await connect(simulator);
    expect([sip.status, graphError(sip)['code']]).toEqual([400, 131055]);
  });

  it('138005 and 138002 (HTTP 429): initiations per number and concurrent calls, when lowered', async () => {
    const initiations = setup({ limits: { callInitiationsPerNumber: { max: 1 } } });
    const customer = await grantedCustomer(initiations);
    const callId = callIdOf(await connect(initiations));
    await customer.ignore(callId);
    const refused = await connect(initiations);
    expect([refused.status, graphError(refused)['code']]).toEqual([429, 138005]);

    const concurrent = setup({ limits: { concurrentCallsPerNumber: 1 } });
    await grantedCustomer(concurrent, '14085550001');
    await grantedCustomer(concurrent, '14085550002');
    expect((await connect(concurrent, '14085550001')).status).toBe(200);
    const busy = await connect(concurrent, '14085550002');
    expect([busy.status, graphError(busy)['code']]).toEqual([429, 138002]);
  });

  it('limits are data: a sandbox-like configuration applies', async () => {
    const simulator = setup({
      limits: {
        permissionRequests: [{ period: 'PT24H', periodMs: day, max: 25 }],
        autoRevokeAfterMissedCalls: 10,
      },
    });
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hello');
    for (let i = 0; i < 3; i += 1)
      expect((await sendPermissionRequest(simulator)).status).toBe(200);
    await customer.acceptPermission();
    for (let i = 0; i < 4; i += 1) await customer.ignore(callIdOf(await connect(simulator)));
    expect(customer.snapshot()).toMatchObject({
      permission: 'temporary',
      consecutiveMissedCalls: 4,
    });
  });

  it('reads an old periodMs as windowMs, and refuses a rolling limit without a window', () => {
    expect(
      setup({ limits: { permissionRequests: [{ periodMs: day, max: 3 }] } }).limits
        .permissionRequests,
    ).toEqual([{ windowMs: day, max: 3 }]);
    let caught: unknown;
    try {
      setup({ limits: { permissionRequests: [{ max: 3 }] } });
    } catch (error) {
      caught = error;
    }
    expect(isSimulatorUsageError(caught)).toBe(true);
    expect((caught as Error).message).toContain('limits.permissionRequests[0] needs');
  });
});
