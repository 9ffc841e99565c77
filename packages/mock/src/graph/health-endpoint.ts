/** `GET /{phone-number-id}?fields=health_status`: can the number send messages and take SIP calls (Meta "Health status" reference). */
import type { EndpointResult } from './graph-context';
import { isObject } from '../world/json-object';
import type { BusinessState } from '../world/state';

interface HealthError {
  error_code: number;
  error_description: string;
  possible_solution: string;
}

/**
 * The number's health as the simulator sees it: messaging is always available here; SIP calls are
 * BLOCKED while SIP is on without a server, and the aggregate takes the worst entity.
 */
export function healthStatus(business: BusinessState): EndpointResult {
  const sip = isObject(business.calling['sip']) ? business.calling['sip'] : {};
  const sipOn = String(sip['status'] ?? '').toUpperCase() === 'ENABLED';
  const servers = Array.isArray(sip['servers']) ? sip['servers'] : [];
  const errors: HealthError[] = [];
  if (sipOn && servers.length === 0) {
    errors.push({
      error_code: 141006,
      error_description: 'SIP is enabled on this number but no SIP server is configured.',
      possible_solution:
        'Add your SIP server with POST /{phone-number-id}/settings (calling.sip.servers).',
    });
  }
  const sipStatus = !sipOn ? undefined : errors.length > 0 ? 'BLOCKED' : 'AVAILABLE';
  const phoneNumber = {
    entity_type: 'PHONE_NUMBER',
    id: business.phoneNumberId,
    can_send_message: 'AVAILABLE',
    ...(sipStatus === undefined ? {} : { can_receive_call_sip: sipStatus }),
    ...(errors.length > 0 ? { errors } : {}),
  };
  const entities = [
    phoneNumber,
    { entity_type: 'WABA', id: business.wabaId, can_send_message: 'AVAILABLE' },
    { entity_type: 'BUSINESS', id: `${business.wabaId}0`, can_send_message: 'AVAILABLE' },
  ];
  return {
    body: {
      health_status: {
        can_send_message: sipStatus === 'BLOCKED' ? 'BLOCKED' : 'AVAILABLE',
        entities,
      },
      id: business.phoneNumberId,
    },
    updates: [],
  };
}
