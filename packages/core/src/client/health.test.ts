import { describe, expect, it } from 'vitest';
import { isWacallResponseError } from '../errors/wacall-response-error';
import {
  PHONE_NUMBER_ID,
  failure,
  graph,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();

describe('health.get', () => {
  it('asks for health_status and lower-cases every status, with errors in camelCase', async () => {
    const requests = graph('get', PHONE_NUMBER_ID, {
      health_status: {
        can_send_message: 'BLOCKED',
        entities: [
          {
            entity_type: 'PHONE_NUMBER',
            id: PHONE_NUMBER_ID,
            can_send_message: 'AVAILABLE',
            can_receive_call_sip: 'BLOCKED',
            errors: [
              {
                error_code: 141006,
                error_description: 'The SIP server could not be reached.',
                possible_solution: 'Check the hostname and port of your SIP server.',
              },
            ],
          },
          { entity_type: 'WABA', id: 102290129340398, can_send_message: 'LIMITED' },
        ],
      },
      id: PHONE_NUMBER_ID,
    });
    expect(await testClient().health.get()).toEqual({
      canSendMessage: 'blocked',
      entities: [
        {
          entityType: 'phone_number',
          id: PHONE_NUMBER_ID,
          canSendMessage: 'available',
          canReceiveCallSip: 'blocked',
          errors: [
            {
              code: 141006,
              description: 'The SIP server could not be reached.',
              possibleSolution: 'Check the hostname and port of your SIP server.',
            },
          ],
        },
        { entityType: 'waba', id: '102290129340398', canSendMessage: 'limited', errors: [] },
      ],
    });
    expect(requests[0]?.url.searchParams.get('fields')).toBe('health_status');
  });

  it('takes an aggregate without entities', async () => {
    graph('get', PHONE_NUMBER_ID, { health_status: { can_send_message: 'AVAILABLE' } });
    expect(await testClient().health.get()).toEqual({ canSendMessage: 'available', entities: [] });
  });

  it('refuses a body without health_status as an unexpected answer', async () => {
    graph('get', PHONE_NUMBER_ID, { id: PHONE_NUMBER_ID });
    const error = await failure(() => testClient().health.get());
    expect(isWacallResponseError(error)).toBe(true);
  });
});
