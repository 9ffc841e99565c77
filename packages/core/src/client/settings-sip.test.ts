import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import type { SipSettings } from './settings-types';
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

describe('SIP settings', () => {
  it.each<[string, SipSettings, Record<string, unknown>]>([
    [
      'turns webhook delivery on, upper-case on the wire',
      { status: 'enabled', webhookDelivery: 'enabled' },
      { status: 'ENABLED', webhook_delivery: 'ENABLED' },
    ],
    [
      'turns it off and keeps the server',
      {
        status: 'enabled',
        webhookDelivery: 'disabled',
        servers: [{ hostname: 'sip.example.com' }],
      },
      {
        status: 'ENABLED',
        webhook_delivery: 'DISABLED',
        servers: [{ hostname: 'sip.example.com' }],
      },
    ],
    [
      "deletes this app's server with servers: []",
      { status: 'disabled', servers: [] },
      { status: 'DISABLED', servers: [] },
    ],
  ])('%s', async (_, sip, wire) => {
    const requests = graph('post', path, { success: true });
    await testClient().settings.update({ sip });
    expect(requests[0]?.body).toEqual({ calling: { sip: wire } });
  });

  it('reads webhook delivery and each app’s server, lower-cased, ids as strings', async () => {
    graph('get', path, {
      calling: {
        sip: {
          status: 'ENABLED',
          webhook_delivery: 'Enabled',
          servers: [
            { hostname: 'sip.example.com', port: 5061, app_id: 778899001122 },
            { hostname: 'sip.other.example', app_id: '445566' },
          ],
        },
      },
    });
    expect((await testClient().settings.get()).sip).toEqual({
      status: 'enabled',
      webhookDelivery: 'enabled',
      servers: [
        { hostname: 'sip.example.com', port: 5061, appId: '778899001122' },
        { hostname: 'sip.other.example', appId: '445566' },
      ],
    });
  });

  it('never sends back the read-only app id of a server', async () => {
    const requests = graph('post', path, { success: true });
    await testClient().settings.update({
      sip: { status: 'enabled', servers: [{ hostname: 'sip.example.com', appId: '445566' }] },
    });
    expect(requests[0]?.body).toEqual({
      calling: { sip: { status: 'ENABLED', servers: [{ hostname: 'sip.example.com' }] } },
    });
  });

  it('refuses more than one server, explaining the one-server rule, and sends nothing', async () => {
    const error = await failure(() =>
      testClient().settings.update({
        sip: {
          status: 'enabled',
          servers: [{ hostname: 'sip-a.example.com' }, { hostname: 'sip-b.example.com' }],
        },
      }),
    );
    expect(isWacallValidationError(error)).toBe(true);
    if (!isWacallValidationError(error)) return;
    expect(error.issues).toEqual([
      {
        path: 'sip.servers',
        message: expect.stringContaining('one SIP server only'),
        fix: 'Pass the one server this app uses, or [] to delete it.',
      },
    ]);
    expect(seen).toHaveLength(0);
  });

  it('refuses a webhook delivery value Meta does not know', async () => {
    const error = await failure(() =>
      testClient().settings.update({
        sip: { status: 'enabled', webhookDelivery: 'sometimes' },
      }),
    );
    expect(isWacallValidationError(error) && error.issues[0]?.path).toBe('sip.webhookDelivery');
  });
});
