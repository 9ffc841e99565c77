import {
  businessCallingUnavailableCountries,
  callLimits,
  catalogedErrorCodes,
  checkAnswerSdp,
  checkOfferSdp,
  customerServiceWindowMs,
  fieldLimits,
  permissionLimits,
} from '@wacall/core/platform';
import { describe, expect, it } from 'vitest';
import {
  createCloudApiSimulator,
  defaultLimits,
  graphErrors,
  type CloudApiSimulatorOptions,
} from '../src/index';
import {
  answer,
  appSecret,
  callAction,
  connect,
  customerWaId,
  graphError,
  grantedCustomer,
  offer,
  sendMessage,
  sendPermissionRequest,
  type GraphReply,
} from './helpers';

// The simulator keeps its own state machine, so it stays an independent check of the SDK; its numbers
// and its SDP verdict come from @wacall/core/platform. These tests hold the two together.

const start = Date.UTC(2026, 2, 2, 9, 0, 0);

function setup(options: Partial<CloudApiSimulatorOptions> = {}) {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 11, ...options });
}

function callIdOf(reply: { body: Record<string, unknown> }): string {
  return (reply.body['calls'] as { id: string }[] | undefined)?.[0]?.id ?? '';
}

const details = (reply: GraphReply) =>
  (graphError(reply)['error_data'] as { details: string }).details;

describe('the simulator and the platform table agree on the numbers', () => {
  it('takes every default limit from the table', () => {
    expect(defaultLimits).toEqual({
      permissionRequests: [permissionLimits.requestsPerDay, permissionLimits.requestsPerWeek],
      connectedCallsPerUser: callLimits.connectedCallsPerCustomer,
      callInitiationsPerNumber: callLimits.callInitiationsPerNumber,
      concurrentCallsPerNumber: callLimits.concurrentCallsPerNumber,
      temporaryPermissionMs: permissionLimits.temporaryGrantMs,
      permissionRequestLifetimeMs: permissionLimits.requestExpiryMs,
      autoRevokeAfterMissedCalls: permissionLimits.missedCallsBeforeAutoRevoke,
      customerServiceWindowMs,
      incomingAnswerWindowMs: callLimits.incomingAnswerWindowMs,
      outgoingRingTimeoutMs: callLimits.outgoingRingTimeoutMs,
      businessCallingUnavailableCountries: [...businessCallingUnavailableCountries],
    });
  });

  it('refuses permission requests exactly past the daily and weekly caps (138009)', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    const { requestsPerDay, requestsPerWeek } = permissionLimits;
    let sent = 0;
    while (sent < requestsPerWeek.max) {
      await customer.sendMessage('hello');
      for (let i = 0; i < requestsPerDay.max && sent < requestsPerWeek.max; i += 1, sent += 1) {
        expect((await sendPermissionRequest(simulator)).status).toBe(200);
      }
      const refused = await sendPermissionRequest(simulator);
      expect(graphError(refused)['code']).toBe(138009);
      await simulator.advanceTime(requestsPerDay.windowMs);
    }
    await customer.sendMessage('hello');
    const weekly = await sendPermissionRequest(simulator);
    expect(graphError(weekly)['code']).toBe(138009);
    expect(details(weekly)).toContain(`at most ${requestsPerWeek.max} per P7D`);
  });

  it('refuses the connected call past the per-customer cap (138012)', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    const { max } = callLimits.connectedCallsPerCustomer;
    for (let i = 0; i < max; i += 1) {
      const callId = callIdOf(await connect(simulator));
      await customer.answer(callId);
      await customer.hangUp(callId);
    }
    const refused = await connect(simulator);
    expect([refused.status, graphError(refused)['code']]).toEqual([400, 138012]);
  });

  it('revokes at exactly the table’s count of missed calls in a row', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    for (let i = 1; i < permissionLimits.missedCallsBeforeAutoRevoke; i += 1) {
      await customer.ignore(callIdOf(await connect(simulator)));
    }
    expect(customer.snapshot().permission).toBe('temporary');
    await customer.ignore(callIdOf(await connect(simulator)));
    expect(customer.snapshot()).toMatchObject({ permission: 'revoked', revokedBy: 'automatic' });
  });

  it('rings a business call and an incoming call for exactly the table’s times', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    const outgoing = callIdOf(await connect(simulator));
    await simulator.advanceTime(callLimits.outgoingRingTimeoutMs - 1);
    expect(simulator.call(outgoing)?.state).toBe('ringing');
    await simulator.advanceTime(1);
    expect(simulator.call(outgoing)).toMatchObject({ state: 'ended', outcome: 'unanswered' });
    const incoming = await customer.call();
    await simulator.advanceTime(callLimits.incomingAnswerWindowMs - 1);
    expect(simulator.call(incoming)?.state).toBe('ringing');
    await simulator.advanceTime(1);
    expect(simulator.call(incoming)).toMatchObject({ state: 'ended', outcome: 'unanswered' });
  });

  it('closes the customer-service window exactly at the table’s length (131047)', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId).sendMessage('hello');
    const text = { to: customerWaId, type: 'text', text: { body: 'Hi' } };
    await simulator.advanceTime(customerServiceWindowMs - 1);
    expect((await sendMessage(simulator, text)).status).toBe(200);
    await simulator.advanceTime(1);
    expect(graphError(await sendMessage(simulator, text))['code']).toBe(131047);
  });

  it('refuses permission requests from every country the table lists (138013)', async () => {
    for (const country of businessCallingUnavailableCountries) {
      const simulator = setup({ businessNumber: { country } });
      await simulator.customer(customerWaId).sendMessage('hello');
      expect(graphError(await sendPermissionRequest(simulator))['code']).toBe(138013);
    }
  });

  it('accepts each field at the table’s length and refuses one character more (100)', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId).sendMessage('hello');
    const invite = (parameters: Record<string, unknown>, body = 'Call us') =>
      sendMessage(simulator, {
        to: customerWaId,
        type: 'interactive',
        interactive: {
          type: 'voice_call',
          body: { text: body },
          action: { name: 'voice_call', parameters },
        },
      });
    const fields = [
      (n: number) => invite({ display_text: 'x'.repeat(n) }),
      (n: number) => invite({ payload: 'x'.repeat(n) }),
      (n: number) => invite({}, 'x'.repeat(n)),
    ];
    const limits = [
      fieldLimits.displayText.maxLength,
      fieldLimits.payload.maxLength,
      fieldLimits.messageBody.maxLength,
    ];
    for (const [index, send] of fields.entries()) {
      const max = limits[index] as number;
      expect((await send(max)).status).toBe(200);
      expect(graphError(await send(max + 1))['code']).toBe(100);
    }
    for (const ttl of [fieldLimits.ttlMinutes.min - 1, fieldLimits.ttlMinutes.max + 1]) {
      expect(graphError(await invite({ ttl_minutes: ttl }))['code']).toBe(100);
    }
    const granted = setup();
    await grantedCustomer(granted);
    const opaque = (n: number) =>
      connect(granted, customerWaId, { biz_opaque_callback_data: 'x'.repeat(n) });
    const tooLong = await opaque(fieldLimits.bizOpaqueCallbackData.maxLength + 1);
    expect(graphError(tooLong)['code']).toBe(100);
    expect((await opaque(fieldLimits.bizOpaqueCallbackData.maxLength)).status).toBe(200);
  });

  it('answers only with error codes the platform’s catalogue knows', () => {
    const known = new Set(catalogedErrorCodes);
    expect(Object.keys(graphErrors).filter((code) => !known.has(Number(code)))).toEqual([]);
  });
});

const hostileOffers: Record<string, string> = {
  valid: offer,
  '\\n line endings': offer.replace(/\r\n/g, '\n'),
  'no candidates': offer.replace(/a=candidate:[^\r]*\r\n/g, ''),
  'sha-1 fingerprint': offer.replace(
    /a=fingerprint:sha-256 [0-9A-F:]+/,
    'a=fingerprint:sha-1 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
  ),
  'no fingerprint': offer.replace(/a=fingerprint:[^\r]*\r\n/, ''),
  'an offer taking the active role': offer.replace('a=setup:actpass', 'a=setup:active'),
  'no Opus': offer.replace(/a=rtpmap:111 opus[^\r]*\r\n/, ''),
  'a video section too': `${offer}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n`,
  'no ICE password': offer.replace(/a=ice-pwd:[^\r]*\r\n/, ''),
  'JSON-encoded': JSON.stringify({ type: 'offer', sdp: offer }),
  'not SDP': 'hello',
  empty: '',
};

const hostileAnswers: Record<string, string> = {
  valid: answer,
  '\\n line endings': answer.replace(/\r\n/g, '\n'),
  'no candidates': answer.replace(/a=candidate:[^\r]*\r\n/g, ''),
  'sha-1 fingerprint': answer.replace(
    /a=fingerprint:sha-256 [0-9A-F:]+/,
    'a=fingerprint:sha-1 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
  ),
  'the passive role (the relay is the DTLS server)': answer.replace(
    'a=setup:active',
    'a=setup:passive',
  ),
  'JSON-encoded': JSON.stringify({ type: 'answer', sdp: answer }),
};

describe('the simulator gives the platform table’s SDP verdict', () => {
  it.each(Object.entries(hostileOffers))('connect with an offer: %s', async (_, sdp) => {
    const simulator = setup();
    await grantedCustomer(simulator);
    const reply = await callAction(simulator, {
      to: customerWaId,
      action: 'connect',
      session: { sdp_type: 'offer', sdp },
    });
    const verdict = checkOfferSdp(sdp);
    expect(reply.status).toBe(verdict.length === 0 ? 200 : 400);
    for (const problem of verdict) expect(details(reply)).toContain(problem.message);
  });

  it.each(Object.entries(hostileAnswers))('pre_accept with an answer: %s', async (_, sdp) => {
    const simulator = setup();
    const callId = await simulator.customer(customerWaId).call();
    const reply = await callAction(simulator, {
      call_id: callId,
      action: 'pre_accept',
      session: { sdp_type: 'answer', sdp },
    });
    const verdict = checkAnswerSdp(sdp);
    expect(reply.status).toBe(verdict.length === 0 ? 200 : 400);
    for (const problem of verdict) expect(details(reply)).toContain(problem.message);
  });

  it('still asks for the key exchange the number is set to', async () => {
    const simulator = setup();
    await grantedCustomer(simulator);
    const settings = await simulator.fetch(
      `https://graph.facebook.com/v23.0/${simulator.businessNumber.phoneNumberId}/settings`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ calling: { srtp_key_exchange_protocol: 'SDES' } }),
      },
    );
    expect(settings.status).toBe(200);
    const reply = await connect(simulator);
    expect(checkOfferSdp(offer)).toEqual([]);
    expect(graphError(reply)['code']).toBe(100);
    expect(details(reply)).toContain('a=crypto is missing');
  });
});
