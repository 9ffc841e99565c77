import { describe, expect, it } from 'vitest';
import { isWacallResponseError } from '../errors/wacall-response-error';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import {
  PHONE_NUMBER_ID,
  TOKEN,
  failure,
  graph,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();
const path = `${PHONE_NUMBER_ID}/call_permissions`;

describe('permissions.get', () => {
  it('reads the guide shape: ISO periods, Unix seconds as epoch ms, limits per action', async () => {
    const requests = graph('get', path, {
      messaging_product: 'whatsapp',
      permission: { status: 'temporary', expiration_time: 1745343479 },
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform_action: true,
          limits: [
            { time_period: 'PT24H', max_allowed: 1, current_usage: 0 },
            { time_period: 'P7D', max_allowed: 2, current_usage: 1 },
          ],
        },
        {
          action_name: 'start_call',
          can_perform_action: false,
          limits: [
            {
              time_period: 'PT24H',
              max_allowed: 100,
              current_usage: 100,
              limit_expiration_time: 1745622600,
            },
          ],
        },
      ],
    });
    const permissions = await testClient().permissions.get({ userWaId: '14085551234' });
    expect(permissions).toEqual({
      status: 'temporary',
      expiresAt: 1745343479000,
      actions: {
        sendCallPermissionRequest: {
          canPerform: true,
          limits: [
            { period: 'PT24H', periodMs: 86_400_000, maxAllowed: 1, currentUsage: 0 },
            { period: 'P7D', periodMs: 604_800_000, maxAllowed: 2, currentUsage: 1 },
          ],
        },
        startCall: {
          canPerform: false,
          limits: [
            {
              period: 'PT24H',
              periodMs: 86_400_000,
              maxAllowed: 100,
              currentUsage: 100,
              resetsAt: 1745622600000,
            },
          ],
        },
      },
    });
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.searchParams.get('user_wa_id')).toBe('14085551234');
    expect(requests[0]?.url.searchParams.has('recipient')).toBe(false);
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reads a permanent permission without an expiry', async () => {
    graph('get', path, { permission: { status: 'PERMANENT' }, actions: [] });
    const permissions = await testClient().permissions.get({ userWaId: '14085551234' });
    expect(permissions).toEqual({ status: 'permanent', actions: {} });
  });

  it('reads the generated-reference variant: other enums, 24h periods, arrays keyed "0", "1"', async () => {
    graph('get', path, {
      permission: { status: 'granted', expiration_time: '1745343479' },
      actions: {
        '0': {
          action_name: 'send_call_permission_request',
          can_perform_action: 'true',
          limits: { '0': { time_period: '24h', max_allowed: '1', current_usage: '1' } },
        },
        '1': { action_name: 'start_call', can_perform_action: false, limits: {} },
      },
    });
    const permissions = await testClient().permissions.get({ userWaId: '14085551234' });
    expect(permissions).toEqual({
      status: 'granted',
      expiresAt: 1745343479000,
      actions: {
        sendCallPermissionRequest: {
          canPerform: true,
          limits: [{ period: '24h', periodMs: 86_400_000, maxAllowed: 1, currentUsage: 1 }],
        },
        startCall: { canPerform: false, limits: [] },
      },
    });
  });

  it('reads the expiry under the name one reference table gives it, `expiration`', async () => {
    graph('get', path, { permission: { status: 'temporary', expiration: 1745343479 } });
    const permissions = await testClient().permissions.get({ userWaId: '14085551234' });
    expect(permissions).toEqual({ status: 'temporary', expiresAt: 1745343479000, actions: {} });
  });

  it('keeps unknown statuses and actions, and leaves unreadable periods without periodMs', async () => {
    graph('get', path, {
      permission: { status: 'Pending_Review' },
      actions: [
        {
          action_name: 'send_call_invite',
          limits: [{ time_period: 'P1M', max_allowed: 3, current_usage: 0 }],
        },
      ],
    });
    const permissions = await testClient().permissions.get({ userWaId: '14085551234' });
    expect(permissions).toEqual({
      status: 'pending_review',
      actions: {},
      otherActions: {
        send_call_invite: {
          canPerform: false,
          limits: [{ period: 'P1M', maxAllowed: 3, currentUsage: 0 }],
        },
      },
    });
  });

  it('looks a user up by business-scoped user id', async () => {
    const requests = graph('get', path, { permission: { status: 'no_permission' } });
    const permissions = await testClient().permissions.get({
      recipient: 'US.ENT.11815799212886844830',
    });
    expect(permissions).toEqual({ status: 'no_permission', actions: {} });
    expect(requests[0]?.url.searchParams.get('recipient')).toBe('US.ENT.11815799212886844830');
    expect(requests[0]?.url.searchParams.has('user_wa_id')).toBe(false);
  });

  it('reports a body without a permission status as unreadable', async () => {
    graph('get', path, { messaging_product: 'whatsapp', actions: [] });
    const error = await failure(() => testClient().permissions.get({ userWaId: '14085551234' }));
    expect(isWacallResponseError(error) && error.problems).toEqual(['permission: expected object']);
  });

  it('refuses a lookup without a user, or with a malformed number, before sending', async () => {
    const client = testClient();
    const missing = await failure(() => client.permissions.get({} as { userWaId: string }));
    const malformed = await failure(() => client.permissions.get({ userWaId: '555' }));
    expect(isWacallValidationError(missing) && missing.issues[0]?.path).toBe(
      'userWaId | recipient',
    );
    expect(isWacallValidationError(malformed) && malformed.issues[0]?.path).toBe('userWaId');
    expect(seen).toHaveLength(0);
  });
});
