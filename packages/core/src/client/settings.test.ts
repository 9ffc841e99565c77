import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import type { CallingSettings } from './settings-types';
import {
  PHONE_NUMBER_ID,
  failure,
  graph,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();
const path = `${PHONE_NUMBER_ID}/settings`;

const guideSample = {
  calling: {
    status: 'ENABLED',
    call_icon_visibility: 'DEFAULT',
    call_icons: { restrict_to_user_countries: ['US', 'BR'] },
    call_hours: {
      status: 'ENABLED',
      timezone_id: 'America/Manaus',
      weekly_operating_hours: [
        { day_of_week: 'MONDAY', open_time: '0400', close_time: '1020' },
        { day_of_week: 'TUESDAY', open_time: '0108', close_time: '1020' },
      ],
      holiday_schedule: [{ date: '2099-01-01', start_time: '0000', end_time: '2359' }],
    },
    callback_permission_status: 'ENABLED',
    sip: {
      status: 'ENABLED',
      servers: [
        { hostname: 'sip.example.com', port: 5061, request_uri_user_params: { TGRP: 'wacall' } },
      ],
    },
    srtp_key_exchange_protocol: 'DTLS',
    audio: { additional_codecs: ['PCMA', 'PCMU'] },
    voicemail: {
      status: 'ENABLED',
      triggers: ['REJECT', 'TIMEOUT'],
      audio: { default: { announcement_media_id: 938884519013664, timeout_seconds: 20 } },
    },
  },
};

const normalised: CallingSettings = {
  status: 'enabled',
  callIconVisibility: 'default',
  callIcons: { restrictToUserCountries: ['US', 'BR'] },
  callHours: {
    status: 'enabled',
    timezoneId: 'America/Manaus',
    weeklyOperatingHours: [
      { dayOfWeek: 'monday', openTime: '0400', closeTime: '1020' },
      { dayOfWeek: 'tuesday', openTime: '0108', closeTime: '1020' },
    ],
    holidaySchedule: [{ date: '2099-01-01', startTime: '0000', endTime: '2359' }],
  },
  callbackPermissionStatus: 'enabled',
  sip: {
    status: 'enabled',
    servers: [
      { hostname: 'sip.example.com', port: 5061, requestUriUserParams: { TGRP: 'wacall' } },
    ],
  },
  srtpKeyExchangeProtocol: 'dtls',
  audio: { additionalCodecs: ['pcma', 'pcmu'] },
  voicemail: {
    status: 'enabled',
    triggers: ['reject', 'timeout'],
    audio: { default: { announcementMediaId: '938884519013664', timeoutSeconds: 20 } },
  },
};

describe('settings.get', () => {
  it('reads the whole calling object in camelCase with lowercase enums', async () => {
    const requests = graph('get', path, { ...guideSample, other_setting: { x: 1 } });
    expect(await testClient().settings.get()).toEqual(normalised);
    expect(requests[0]?.url.search).toBe('');
  });

  it("absorbs the docs' variants: lowercase enums, HH:MM times, DD-MM-YYYY, DISABLE ALL", async () => {
    graph('get', path, {
      calling: {
        status: 'enabled',
        call_icon_visibility: 'DISABLE ALL',
        call_hours: {
          status: 'enabled',
          timezone_id: '[REDACTED]',
          weekly_operating_hours: [
            { day_of_week: 'Monday', open_time: '04:00', close_time: '10:20' },
          ],
          holiday_schedule: [{ date: '25-12-2099', start_time: '00:00', end_time: '23:59' }],
        },
        srtp_key_exchange_protocol: 'DTLS-SRTP',
        video: { status: 'DISABLED' },
      },
    });
    expect(await testClient().settings.get()).toEqual({
      status: 'enabled',
      callIconVisibility: 'disable_all',
      callHours: {
        status: 'enabled',
        timezoneId: '[REDACTED]',
        weeklyOperatingHours: [{ dayOfWeek: 'monday', openTime: '0400', closeTime: '1020' }],
        holidaySchedule: [{ date: '2099-12-25', startTime: '0000', endTime: '2359' }],
      },
      srtpKeyExchangeProtocol: 'dtls-srtp',
      video: { status: 'disabled' },
    });
  });

  it('reads restrictions with their end as epoch ms, and SIP passwords when asked', async () => {
    const requests = graph('get', path, {
      calling: {
        status: 'ENABLED',
        sip: {
          status: 'ENABLED',
          servers: [{ hostname: 'sip.example.com', sip_user_password: 'pw' }],
        },
        restrictions: {
          restrictions_list: [
            {
              type: 'RESTRICTED_BUSINESS_INITIATED_CALLING',
              reason: 'Low quality',
              expiration: 1767225600,
            },
          ],
        },
      },
    });
    const settings = await testClient().settings.get({ includeSipCredentials: true });
    expect(requests[0]?.url.searchParams.get('include_sip_credentials')).toBe('true');
    expect(settings.sip?.servers?.[0]?.sipUserPassword).toBe('pw');
    expect(settings.restrictions).toEqual([
      {
        type: 'restricted_business_initiated_calling',
        reason: 'Low quality',
        expiresAt: 1767225600000,
      },
    ]);
  });

  it('returns an empty object when the number has no calling settings yet', async () => {
    graph('get', path, { id: PHONE_NUMBER_ID });
    expect(await testClient().settings.get()).toEqual({});
  });
});

describe('settings.update', () => {
  it('sends the calling object in snake_case with uppercase enums', async () => {
    const requests = graph('post', path, { success: true });
    await expect(testClient().settings.update(normalised)).resolves.toBeUndefined();
    expect(requests[0]?.body).toEqual(guideSample);
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('round-trips what get() returned, minus the read-only parts', async () => {
    graph('get', path, {
      calling: {
        ...guideSample.calling,
        restrictions: { restrictions_list: [{ type: 'RESTRICTED_USER_INITIATED_CALLING' }] },
      },
    });
    const requests = graph('post', path, { success: true });
    const client = testClient();
    const current = await client.settings.get({ includeSipCredentials: true });
    await client.settings.update(current);
    expect(requests[0]?.body).toEqual(guideSample);
  });

  it('sends only the keys given, e.g. turning calling on', async () => {
    const requests = graph('post', path, { success: true });
    await testClient().settings.update({ status: 'enabled' });
    expect(requests[0]?.body).toEqual({ calling: { status: 'ENABLED' } });
  });

  it('refuses call hours Meta would refuse, listing every problem, and sends nothing', async () => {
    const error = await failure(() =>
      testClient().settings.update({
        callHours: {
          status: 'enabled',
          timezoneId: 'Mars/Olympus_Mons',
          weeklyOperatingHours: [
            { dayOfWeek: 'monday', openTime: '0900', closeTime: '1200' },
            { dayOfWeek: 'monday', openTime: '1100', closeTime: '1400' },
            { dayOfWeek: 'monday', openTime: '1500', closeTime: '1600' },
            { dayOfWeek: 'tuesday', openTime: '09:00', closeTime: '1700' },
            { dayOfWeek: 'wednesday', openTime: '1700', closeTime: '0900' },
            { dayOfWeek: 'someday' as 'monday', openTime: '0900', closeTime: '1000' },
          ],
          holidaySchedule: [
            { date: '2020-01-01', startTime: '0000', endTime: '2359' },
            { date: '2099-02-30', startTime: '0000', endTime: '2400' },
          ],
        },
      }),
    );
    expect(isWacallValidationError(error)).toBe(true);
    if (!isWacallValidationError(error)) return;
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'callHours.timezoneId',
      'callHours.weeklyOperatingHours[3].openTime',
      'callHours.weeklyOperatingHours[4].closeTime',
      'callHours.weeklyOperatingHours[5].dayOfWeek',
      'callHours.weeklyOperatingHours[2]',
      'callHours.weeklyOperatingHours[1]',
      'callHours.holidaySchedule[0].date',
      'callHours.holidaySchedule[1].date',
      'callHours.holidaySchedule[1].endTime',
    ]);
    expect(error.message).toContain('at most 2 are allowed per day');
    expect(error.message).toContain('overlaps window 0 on monday');
    expect(seen).toHaveLength(0);
  });

  it('refuses more than 20 holidays, a redacted time zone and enabled hours without windows', async () => {
    const holidays = Array.from({ length: 21 }, (_, i) => ({
      date: `2098-01-${String(i + 1).padStart(2, '0')}`,
      startTime: '0000',
      endTime: '2359',
    }));
    const error = await failure(() =>
      testClient().settings.update({
        callHours: {
          status: 'enabled',
          timezoneId: '[REDACTED]',
          weeklyOperatingHours: [],
          holidaySchedule: holidays,
        },
      }),
    );
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'callHours.timezoneId',
      'callHours.weeklyOperatingHours',
      'callHours.holidaySchedule',
    ]);
    expect(seen).toHaveLength(0);
  });

  it('checks voicemail, codecs, SRTP, SIP, countries and toggles', async () => {
    const error = await failure(() =>
      testClient().settings.update({
        status: 'on',
        callIcons: { restrictToUserCountries: ['USA'] },
        sip: { status: 'enabled', servers: [{ hostname: 'sip://example.com', port: 70000 }] },
        srtpKeyExchangeProtocol: 'zrtp',
        audio: { additionalCodecs: ['g729'] },
        voicemail: {
          status: 'enabled',
          triggers: ['timeout'],
          audio: { default: { timeoutSeconds: 31 } },
        },
      }),
    );
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'status',
      'callIcons.restrictToUserCountries[0]',
      'sip.servers[0].hostname',
      'sip.servers[0].port',
      'srtpKeyExchangeProtocol',
      'audio.additionalCodecs[0]',
      'voicemail.audio.default.timeoutSeconds',
    ]);
    const noTrigger = await failure(() =>
      testClient().settings.update({ voicemail: { status: 'enabled', triggers: [] } }),
    );
    expect(isWacallValidationError(noTrigger) && noTrigger.issues[0]?.path).toBe(
      'voicemail.triggers',
    );
    expect(seen).toHaveLength(0);
  });

  it('refuses an update with nothing to change', async () => {
    const error = await failure(() => testClient().settings.update({ restrictions: [] }));
    expect(isWacallValidationError(error) && error.issues[0]?.path).toBe('calling');
    expect(seen).toHaveLength(0);
  });
});
