import type { CloudApiSimulator, SimulatedCustomer } from '@wacall/mock';
import type { PhoneCallMedia, PhoneOwner, PhoneState } from '../shared/api-types';
import { HttpError, optionalString, readJson } from './http-json';
import { route, type Route } from './router';

type CallStep = 'answer' | 'reject' | 'ignore' | 'hang-up';
type PermissionStep = 'accept' | 'accept-permanent' | 'decline' | 'revoke';

const callSteps: Record<CallStep, (customer: SimulatedCustomer, callId: string) => Promise<void>> =
  {
    answer: (customer, callId) => customer.answer(callId),
    reject: (customer, callId) => customer.reject(callId),
    ignore: (customer, callId) => customer.ignore(callId),
    'hang-up': (customer, callId) => customer.hangUp(callId),
  };

const permissionSteps: Record<PermissionStep, (customer: SimulatedCustomer) => Promise<void>> = {
  accept: (customer) => customer.acceptPermission(),
  'accept-permanent': (customer) => customer.acceptPermission({ permanent: true }),
  decline: (customer) => customer.declinePermission(),
  revoke: (customer) => customer.revokePermission(),
};

/**
 * The customer phone's API: each action is the simulator playing the WhatsApp user, which sends the
 * signed webhooks Meta would send to this server's `/webhook`. Each answers with the phone's new state.
 */
export function phoneRoutes(simulator: CloudApiSimulator): Route[] {
  const owner = (waId: string | undefined) => {
    const known = simulator.customers().find((customer) => customer.waId === waId);
    if (!known)
      throw new HttpError(404, 'not_found', `No simulated customer has the number ${waId}.`);
    return simulator.customer(known.waId);
  };

  return [
    route('GET', '/api/phone', async (): Promise<PhoneOwner[]> =>
      simulator.customers().map(({ waId, name }) => ({ waId, name })),
    ),
    route('GET', '/api/phone/calls/:callId/media', async ({ params }): Promise<PhoneCallMedia> => {
      const peer = simulator.callMedia(params['callId'] ?? '');
      return peer ? { connectionState: peer.connectionState, stats: peer.stats() } : {};
    }),
    route('GET', '/api/phone/:waId', async ({ params }): Promise<PhoneState> =>
      owner(params['waId']).snapshot(),
    ),
    route('POST', '/api/phone/:waId/message', async ({ params, req }) => {
      const customer = owner(params['waId']);
      const text = optionalString(await readJson(req), 'text')?.trim();
      if (!text) throw new HttpError(400, 'bad_request', 'Write a message first.');
      await customer.sendMessage(text);
      return customer.snapshot();
    }),
    route('POST', '/api/phone/:waId/call', async ({ params, req }) => {
      const customer = owner(params['waId']);
      const fromInvite = optionalString(await readJson(req), 'fromInvite');
      await customer.call(fromInvite === undefined ? {} : { fromInvite });
      return customer.snapshot();
    }),
    route('POST', '/api/phone/:waId/calls/:callId/:step', async ({ params }) => {
      const customer = owner(params['waId']);
      const step = params['step'] ?? '';
      if (!isStep(callSteps, step)) {
        throw new HttpError(404, 'not_found', `Unknown call step ${step}.`);
      }
      await callSteps[step](customer, params['callId'] ?? '');
      return customer.snapshot();
    }),
    route('POST', '/api/phone/:waId/permission/:step', async ({ params }) => {
      const customer = owner(params['waId']);
      const step = params['step'] ?? '';
      if (!isStep(permissionSteps, step)) {
        throw new HttpError(404, 'not_found', `Unknown permission step ${step}.`);
      }
      await permissionSteps[step](customer);
      return customer.snapshot();
    }),
  ];
}

/** Own keys only: a path segment such as `constructor` must not reach the prototype. */
function isStep<K extends string>(steps: Record<K, unknown>, step: string): step is K {
  return Object.hasOwn(steps, step);
}
