import { createPermissionEngine } from '../../permissions/permission-engine';
import type { PermissionEngine } from '../../permissions/permission-engine';
import type { PermissionReplyEvent } from '../../webhooks/events';
import type { Store } from '../store';
import { assertEqual } from './kit';
import type { Fixture } from './kit';

type Case = [name: string, body: (fixture: Fixture) => Promise<void>];

const business = '+44 20 7946 0000';
const otherBusiness = '+44 20 7946 0999';

function engineOn(store: Store, now: () => number, businessNumber = business): PermissionEngine {
  return createPermissionEngine({ businessNumber, store, now });
}

function grant(customer: string, at: number): PermissionReplyEvent {
  return {
    type: 'permission.reply',
    wabaId: 'waba',
    phoneNumberId: 'pnid',
    timestamp: at,
    raw: {},
    messageId: `wamid.grant-${customer}-${at}`,
    from: customer,
    response: 'accept',
    permanent: true,
    source: 'user_action',
  };
}

/** The permission engine on this store: the guarantees a helpdesk relies on when it scales out. */
export const engineCases: Case[] = [
  [
    'of 16 concurrent permission-request reservations on two instances, exactly one is allowed',
    async ({ store, peer, now }) => {
      const engines = [engineOn(store, now), engineOn(peer, now)];
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          engines[i % 2]!.reserve({
            customer: '447700900001',
            action: 'send_permission_request',
            channel: 'template',
          }),
        ),
      );
      assertEqual(results.filter((r) => r.allowed).length, 1, 'allowed reservations');
      const refused = results.filter((r) => !r.allowed).map((r) => r.reason);
      assertEqual([...new Set(refused)], ['request_limit_24h'], 'reason of the refused ones');
      const state = await engines[1]!.state('447700900001');
      assertEqual(state.requests.length, 1, 'requests counted');
    },
  ],
  [
    'of 16 concurrent call reservations on two instances, exactly one dials',
    async ({ store, peer, now }) => {
      const engines = [engineOn(store, now), engineOn(peer, now)];
      await engines[0]!.apply(grant('447700900002', now()));
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          engines[i % 2]!.reserve({ customer: '447700900002', action: 'start_call' }),
        ),
      );
      assertEqual(results.filter((r) => r.allowed).length, 1, 'allowed reservations');
      assertEqual(
        [...new Set(results.filter((r) => !r.allowed).map((r) => r.reason))],
        ['call_in_progress'],
        'reason of the refused ones',
      );
    },
  ],
  [
    'a released reservation gives the use back to the other instance',
    async ({ store, peer, now }) => {
      const first = await engineOn(store, now).reserve({
        customer: '447700900003',
        action: 'send_permission_request',
      });
      assertEqual(first.allowed, true, 'first reservation');
      if (first.allowed) await first.release();
      const second = await engineOn(peer, now).reserve({
        customer: '447700900003',
        action: 'send_permission_request',
      });
      assertEqual(second.allowed, true, 'reservation after release');
    },
  ],
  [
    'customers are isolated: one customer’s used request does not limit another',
    async ({ store, now }) => {
      const engine = engineOn(store, now);
      const a = await engine.reserve({
        customer: '447700900004',
        action: 'send_permission_request',
      });
      const b = await engine.reserve({
        customer: '447700900005',
        action: 'send_permission_request',
      });
      assertEqual([a.allowed, b.allowed], [true, true], 'both allowed');
    },
  ],
  [
    'business numbers are isolated: the same customer has separate limits and grants per number',
    async ({ store, now }) => {
      const one = engineOn(store, now, business);
      const two = engineOn(store, now, otherBusiness);
      const a = await one.reserve({ customer: '447700900006', action: 'send_permission_request' });
      const b = await two.reserve({ customer: '447700900006', action: 'send_permission_request' });
      assertEqual([a.allowed, b.allowed], [true, true], 'both allowed');
      await one.apply({ ...grant('447700900006', now()), displayPhoneNumber: '442079460000' });
      assertEqual(
        (await one.state('447700900006')).permission,
        'granted',
        'granted on the first number',
      );
      assertEqual(
        (await two.state('447700900006')).permission,
        'none',
        'untouched on the second number',
      );
    },
  ],
  [
    'a temporary grant expires by the clock, with no event',
    async ({ store, now, elapse, ttl }) => {
      const engine = engineOn(store, now);
      const event = { ...grant('447700900007', now()), permanent: false, expiresAt: now() + ttl };
      await engine.apply(event);
      assertEqual((await engine.state('447700900007')).permission, 'granted', 'before expiry');
      await elapse(ttl * 2);
      assertEqual((await engine.state('447700900007')).permission, 'expired', 'after expiry');
    },
  ],
];
