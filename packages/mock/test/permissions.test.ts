import { describe, expect, it } from 'vitest';
import { createCloudApiSimulator, isSimulatorUsageError } from '../src/index';
import {
  appSecret,
  connect,
  customerWaId,
  graph,
  grantedCustomer,
  items,
  sendPermissionRequest,
} from './helpers';

const start = Date.UTC(2026, 3, 1, 10, 0, 0);
const day = 24 * 3_600_000;

function setup() {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 11 });
}

function permissions(simulator: ReturnType<typeof setup>, query = `user_wa_id=${customerWaId}`) {
  return graph(
    simulator,
    'GET',
    `${simulator.businessNumber.phoneNumberId}/call_permissions?${query}`,
  );
}

function lastReply(simulator: ReturnType<typeof setup>) {
  return items(simulator, 'messages').at(-1);
}

describe('permission replies and GET call_permissions', () => {
  it('a temporary grant lasts 7 days, with the reply webhook Meta sends', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hi');
    const request = await sendPermissionRequest(simulator);
    const requestId = (request.body['messages'] as { id: string }[])[0]?.id;
    await customer.acceptPermission();
    expect(lastReply(simulator)).toMatchObject({
      from: customerWaId,
      context: { from: simulator.businessNumber.displayPhoneNumber, id: requestId },
      type: 'interactive',
      interactive: {
        type: 'call_permission_reply',
        call_permission_reply: {
          response: 'accept',
          is_permanent: false,
          expiration_timestamp: String((start + 7 * day) / 1000),
          response_source: 'user_action',
        },
      },
    });
    expect((await permissions(simulator)).body['permission']).toEqual({
      status: 'temporary',
      expiration_time: (start + 7 * day) / 1000,
    });
    await simulator.advanceTime(7 * day);
    expect((await permissions(simulator)).body['permission']).toEqual({ status: 'no_permission' });
    expect(customer.snapshot().permission).toBe('expired');
    expect((await connect(simulator)).status).toBe(401);
  });

  it('a permanent grant has no expiry and keeps working', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hi');
    await sendPermissionRequest(simulator);
    await customer.acceptPermission({ permanent: true });
    const reply = lastReply(simulator)?.['interactive'] as Record<string, Record<string, unknown>>;
    expect(reply['call_permission_reply']).toEqual({
      response: 'accept',
      is_permanent: true,
      response_source: 'user_action',
    });
    await simulator.advanceTime(30 * day);
    expect((await permissions(simulator)).body['permission']).toEqual({ status: 'permanent' });
  });

  it('a permanent grant from the business profile has no context', async () => {
    const simulator = setup();
    await simulator.customer(customerWaId).acceptPermission({ permanent: true });
    expect(lastReply(simulator)).not.toHaveProperty('context');
  });

  it('a temporary grant needs a request to answer', async () => {
    const simulator = setup();
    await expect(simulator.customer(customerWaId).acceptPermission()).rejects.toSatisfy(
      isSimulatorUsageError,
    );
    await expect(simulator.customer(customerWaId).declinePermission()).rejects.toThrow(
      /no permission request/,
    );
  });

  it('decline sends reject/user_action with the request as context; the user can still flip it', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hi');
    await sendPermissionRequest(simulator);
    await customer.declinePermission();
    expect(lastReply(simulator)).toMatchObject({
      context: { id: expect.stringMatching(/^wamid\./) },
      interactive: {
        call_permission_reply: { response: 'reject', response_source: 'user_action' },
      },
    });
    expect(
      (lastReply(simulator)?.['interactive'] as Record<string, Record<string, unknown>>)[
        'call_permission_reply'
      ],
    ).not.toHaveProperty('is_permanent');
    expect(customer.snapshot().permission).toBe('declined');
    await customer.acceptPermission();
    expect(customer.snapshot().permission).toBe('temporary');
  });

  it('a request the user never answered lapses after 7 days', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId);
    await customer.sendMessage('hi');
    await sendPermissionRequest(simulator);
    expect(customer.snapshot().pendingPermissionRequest?.expiresAt).toBe(start + 7 * day);
    await simulator.advanceTime(7 * day);
    expect(customer.snapshot().pendingPermissionRequest).toBeUndefined();
    await expect(customer.acceptPermission()).rejects.toThrow(/expired/);
  });

  it('revoke sends reject/user_action without context and stops calls', async () => {
    const simulator = setup();
    const customer = await grantedCustomer(simulator);
    await customer.revokePermission();
    expect(lastReply(simulator)).toMatchObject({
      interactive: {
        call_permission_reply: { response: 'reject', response_source: 'user_action' },
      },
    });
    expect(lastReply(simulator)).not.toHaveProperty('context');
    expect(customer.snapshot()).toMatchObject({ permission: 'revoked', revokedBy: 'customer' });
    expect((await connect(simulator)).status).toBe(401);
    await expect(customer.revokePermission()).rejects.toThrow(/no call permission/);
  });

  it('the callback prompt grants an automatic temporary permission with the call as context', async () => {
    const simulator = setup();
    const pnid = simulator.businessNumber.phoneNumberId;
    const customer = simulator.customer(customerWaId);
    await expect(customer.acceptCallbackPermission()).rejects.toSatisfy(isSimulatorUsageError);
    await graph(simulator, 'POST', `${pnid}/settings`, {
      calling: { callback_permission_status: 'ENABLED' },
    });
    const callId = await customer.call();
    await customer.hangUp(callId);
    await customer.acceptCallbackPermission();
    expect(lastReply(simulator)).toMatchObject({
      context: { id: callId },
      interactive: {
        call_permission_reply: {
          response: 'accept',
          is_permanent: false,
          response_source: 'automatic',
        },
      },
    });
  });

  it('reports usage and limit_expiration_time only while a limit is exhausted', async () => {
    const simulator = setup();
    const customer = simulator.customer(customerWaId, { userId: 'US.13491208655302741918' });
    await customer.sendMessage('hi');
    const before = (await permissions(simulator)).body;
    expect(before).toEqual({
      messaging_product: 'whatsapp',
      permission: { status: 'no_permission' },
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform_action: true,
          limits: [
            { time_period: 'PT24H', max_allowed: 1, current_usage: 0 },
            { time_period: 'P7D', max_allowed: 2, current_usage: 0 },
          ],
        },
        {
          action_name: 'start_call',
          can_perform_action: false,
          limits: [{ time_period: 'PT24H', max_allowed: 100, current_usage: 0 }],
        },
      ],
    });
    await sendPermissionRequest(simulator);
    const after = await permissions(simulator, 'recipient=US.13491208655302741918');
    const [requestAction] = after.body['actions'] as {
      can_perform_action: boolean;
      limits: unknown[];
    }[];
    expect(requestAction?.can_perform_action).toBe(false);
    expect(requestAction?.limits[0]).toEqual({
      time_period: 'PT24H',
      max_allowed: 1,
      current_usage: 1,
      limit_expiration_time: (start + day) / 1000,
    });
    expect(requestAction?.limits[1]).toEqual({
      time_period: 'P7D',
      max_allowed: 2,
      current_usage: 1,
    });
    const missing = await graph(
      simulator,
      'GET',
      `${simulator.businessNumber.phoneNumberId}/call_permissions`,
    );
    expect(missing.status).toBe(400);
  });

  it('permissions are per business number', async () => {
    const simulator = setup();
    const second = simulator.addBusinessNumber({
      phoneNumberId: '200000000000001',
      displayPhoneNumber: '5511955550200',
      country: 'BR',
    });
    await grantedCustomer(simulator);
    const other = simulator.customer(customerWaId, { phoneNumberId: second.phoneNumberId });
    expect(other.snapshot().permission).toBe('none');
    const reply = await graph(
      simulator,
      'GET',
      `${second.phoneNumberId}/call_permissions?user_wa_id=${customerWaId}`,
    );
    expect(reply.body['permission']).toEqual({ status: 'no_permission' });
  });
});
