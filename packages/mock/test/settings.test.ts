import { describe, expect, it } from 'vitest';
import { createCloudApiSimulator, type CloudApiSimulatorOptions } from '../src/index';
import { appSecret, customerWaId, graph, graphError } from './helpers';

// A Monday, 15:00 in São Paulo (UTC−3).
const start = Date.UTC(2026, 5, 1, 18, 0, 0);

function setup(options: Partial<CloudApiSimulatorOptions> = {}) {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 9, ...options });
}

function settingsPath(simulator: ReturnType<typeof setup>) {
  return `${simulator.businessNumber.phoneNumberId}/settings`;
}

const callHours = {
  status: 'ENABLED',
  timezone_id: 'America/Sao_Paulo',
  weekly_operating_hours: [
    { day_of_week: 'MONDAY', open_time: '0900', close_time: '1200' },
    { day_of_week: 'MONDAY', open_time: '1400', close_time: '1800' },
  ],
  holiday_schedule: [{ date: '2026-12-25', start_time: '0000', end_time: '2359' }],
};

describe('GET/POST /settings', () => {
  it('starts with calling enabled and returns what was set', async () => {
    const simulator = setup();
    expect((await graph(simulator, 'GET', settingsPath(simulator))).body).toEqual({
      calling: {
        status: 'ENABLED',
        call_icon_visibility: 'DEFAULT',
        callback_permission_status: 'DISABLED',
        srtp_key_exchange_protocol: 'DTLS',
        sip: { status: 'DISABLED' },
      },
    });
    const update = await graph(simulator, 'POST', settingsPath(simulator), {
      calling: { call_icon_visibility: 'disable_all', call_hours: callHours },
    });
    expect(update.body).toEqual({ success: true });
    const calling = (await graph(simulator, 'GET', settingsPath(simulator))).body['calling'];
    expect(calling).toMatchObject({ call_icon_visibility: 'DISABLE_ALL', call_hours: callHours });
    expect(simulator.callingSettings()).toEqual(calling);
  });

  it('lists every problem of an invalid update in one error 100', async () => {
    const simulator = setup();
    const reply = await graph(simulator, 'POST', settingsPath(simulator), {
      calling: {
        status: 'ON',
        call_hours: {
          status: 'ENABLED',
          timezone_id: 'Mars/Olympus',
          weekly_operating_hours: [
            { day_of_week: 'MONDAY', open_time: '0900', close_time: '1300' },
            { day_of_week: 'MONDAY', open_time: '1200', close_time: '1400' },
            { day_of_week: 'MONDAY', open_time: '1500', close_time: '1600' },
            { day_of_week: 'FUNDAY', open_time: '0900', close_time: '1000' },
            { day_of_week: 'TUESDAY', open_time: '09:00', close_time: '1000' },
          ],
          holiday_schedule: [{ date: '2020-01-01', start_time: '0000', end_time: '2359' }],
        },
        voicemail: {
          status: 'ENABLED',
          triggers: ['TIMEOUT'],
          audio: { default: { timeout_seconds: 45 } },
        },
      },
    });
    expect(reply.status).toBe(400);
    const details = (graphError(reply)['error_data'] as { details: string }).details;
    for (const problem of [
      'calling.status',
      'timezone_id',
      'at most 2 windows',
      'overlap',
      'MONDAY…SUNDAY',
      '"HHMM"',
      'in the past',
      'timeout_seconds',
    ]) {
      expect(details).toContain(problem);
    }
    expect(simulator.callingSettings()['status']).toBe('ENABLED');
  });

  it('reports status changes with account_settings_update only to apps subscribed to it', async () => {
    const quiet = setup();
    await graph(quiet, 'POST', settingsPath(quiet), { calling: { status: 'DISABLED' } });
    await quiet.flush();
    expect(quiet.webhooks).toHaveLength(0);

    const subscribed = setup({
      delivery: { subscribedFields: ['calls', 'messages', 'account_settings_update'] },
    });
    await graph(subscribed, 'POST', settingsPath(subscribed), { calling: { status: 'DISABLED' } });
    await graph(subscribed, 'POST', settingsPath(subscribed), {
      calling: { call_hours: callHours },
    });
    await subscribed.flush();
    expect(subscribed.webhooks).toHaveLength(1);
    expect(subscribed.webhooks[0]?.payload.entry[0]?.changes[0]).toMatchObject({
      field: 'account_settings_update',
      value: {
        type: 'PHONE_NUMBER_SETTINGS',
        phone_number_settings: {
          phone_number_id: subscribed.businessNumber.phoneNumberId,
          calling: { status: 'DISABLED' },
        },
      },
    });
  });

  it('call hours decide when the customer can call in', async () => {
    const simulator = setup();
    await graph(simulator, 'POST', settingsPath(simulator), { calling: { call_hours: callHours } });
    const customer = simulator.customer(customerWaId);
    const open = await customer.call();
    await customer.hangUp(open);
    await simulator.advanceTime(3 * 3_600_000);
    await expect(customer.call()).rejects.toThrow(/outside its call hours/);
  });

  it('a disabled number gives the customer no call button', async () => {
    const simulator = setup({ businessNumber: { callingEnabled: false } });
    await expect(simulator.customer(customerWaId).call()).rejects.toThrow(/calling disabled/);
  });
});
