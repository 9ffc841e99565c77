import { createSampleSdp, type CloudApiSimulator } from '../src/index';

export const appSecret = 'test-app-secret';
export const token = 'EAAG-test-token';
export const customerWaId = '14085551234';

export interface GraphReply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** One Graph call through the simulator's fetch face, as a client would make it. */
export async function graph(
  simulator: CloudApiSimulator,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${token}` },
): Promise<GraphReply> {
  const response = await simulator.fetch(`https://graph.facebook.com/v23.0/${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** The `error` object of a Graph error envelope. */
export function graphError(reply: GraphReply): Record<string, unknown> {
  return reply.body['error'] as Record<string, unknown>;
}

export const offer = createSampleSdp({ type: 'offer', seed: 1 });
export const answer = createSampleSdp({ type: 'answer', seed: 2 });

/** POST /{pnid}/calls */
export function callAction(simulator: CloudApiSimulator, body: Record<string, unknown>) {
  return graph(simulator, 'POST', `${simulator.businessNumber.phoneNumberId}/calls`, {
    messaging_product: 'whatsapp',
    ...body,
  });
}

/** POST /{pnid}/calls connect with a valid offer; returns the reply. */
export function connect(simulator: CloudApiSimulator, to = customerWaId, extra = {}) {
  return callAction(simulator, {
    to,
    action: 'connect',
    session: { sdp_type: 'offer', sdp: offer },
    ...extra,
  });
}

/** POST /{pnid}/messages */
export function sendMessage(simulator: CloudApiSimulator, body: Record<string, unknown>) {
  return graph(simulator, 'POST', `${simulator.businessNumber.phoneNumberId}/messages`, {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...body,
  });
}

export function sendPermissionRequest(simulator: CloudApiSimulator, to = customerWaId) {
  return sendMessage(simulator, {
    to,
    type: 'interactive',
    interactive: {
      type: 'call_permission_request',
      action: { name: 'call_permission_request' },
      body: { text: 'May we call you about your order?' },
    },
  });
}

/** Every `value` of every change in every delivery, with its field. */
export function changes(simulator: CloudApiSimulator) {
  return simulator.webhooks.flatMap((delivery) =>
    delivery.payload.entry.flatMap((entry) => entry.changes),
  );
}

/** Every item of a kind (`calls`, `statuses`, `messages`) across all deliveries, in order. */
export function items(simulator: CloudApiSimulator, kind: 'calls' | 'statuses' | 'messages') {
  return changes(simulator).flatMap(
    (change) => (change.value[kind] as Record<string, unknown>[] | undefined) ?? [],
  );
}

/** A customer with a temporary permission granted through a real request. */
export async function grantedCustomer(simulator: CloudApiSimulator, waId = customerWaId) {
  const customer = simulator.customer(waId, { name: 'Ana' });
  await customer.sendMessage('Hi, please call me');
  const sent = await sendPermissionRequest(simulator, waId);
  if (sent.status !== 200)
    throw new Error(`permission request failed: ${JSON.stringify(sent.body)}`);
  await customer.acceptPermission();
  return customer;
}
