import type { Agent, TemplateRef, Wacall, WhatsAppClient } from '@wacall/core';
import type {
  CallMediaInfo,
  DemoInfo,
  DemoMode,
  TicketDetail,
  TicketSummary,
} from '../shared/api-types';
import { demoAgents } from './demo-agents';
import { BinaryAnswer, HttpError, optionalString, readJson } from './http-json';
import { route, type Route, type RouteContext } from './router';
import type { TemplateCache } from './template-api';
import type { TicketDirectory } from './ticket-directory';

export interface AgentApiOptions {
  mode: DemoMode;
  wacall: Wacall;
  client: WhatsAppClient;
  directory: TicketDirectory;
  /** Whom a request works as (the demo has no login; see demo-agents.ts). */
  agentOf: (req: RouteContext['req']) => Agent;
  businessNumber: string;
  /** The approved templates the permission dialog offers. */
  templates: TemplateCache;
}

const recordingOn = {
  status: 'enabled',
  purpose: 'Quality review of support calls',
  announcementLanguage: 'en_US',
} as const;

const endedStatuses: ReadonlySet<string> = new Set([
  'completed',
  'missed',
  'unanswered',
  'declined',
  'disconnected',
]);

/**
 * The agent console's API: reads go to `wacall.getCustomer` / `listCalls` / `listActivities`, actions to
 * the facade, which checks every platform rule before anything reaches WhatsApp.
 */
export function agentRoutes(options: AgentApiOptions): Route[] {
  const { wacall, directory, agentOf } = options;
  const templates = () => options.templates.approved();
  const known = async (customer: string | undefined) => {
    const ticket = await directory.ticket(customer ?? '');
    if (!ticket) throw new HttpError(404, 'not_found', `There is no ticket for ${customer}.`);
    return ticket;
  };
  const callOf = async (callId: string | undefined) => {
    const call = await wacall.getCall(callId ?? '');
    if (!call) throw new HttpError(404, 'not_found', `There is no call ${callId}.`);
    return call;
  };
  // The server only relays SDP: the agent's browser writes it with its microphone (@wacall/webrtc).
  const agentSdp = async (req: RouteContext['req'], kind: string) => {
    const sdp = optionalString(await readJson(req), 'sdp');
    if (!sdp) {
      throw new HttpError(
        400,
        'bad_request',
        `Send the browser's SDP ${kind} as { "sdp": "v=0…" }: the call's audio needs it.`,
      );
    }
    return sdp;
  };

  return [
    route('GET', '/api/info', async ({ req }): Promise<DemoInfo> => ({
      mode: options.mode,
      agent: agentOf(req),
      agents: [...demoAgents],
      businessNumber: options.businessNumber,
    })),
    route('GET', '/api/tickets', () => listTickets(wacall, directory)),
    route('GET', '/api/tickets/:customer', async ({ params }): Promise<TicketDetail> => {
      const { customer, name } = await known(params['customer']);
      const [view, calls, activities, messages, templateList] = await Promise.all([
        wacall.getCustomer(customer),
        wacall.listCalls(customer, { limit: 20 }),
        wacall.listActivities(customer, { limit: 200 }),
        directory.messages(customer),
        templates(),
      ]);
      return { customer, name, view, calls, activities, messages, templates: templateList };
    }),
    route('POST', '/api/tickets/:customer/call', async ({ params, req }) => {
      const { customer } = await known(params['customer']);
      const body = await readJson(req);
      const sdp = optionalString(body, 'sdp');
      if (!sdp) {
        throw new HttpError(
          400,
          'bad_request',
          'Send the browser\'s SDP offer as { "sdp": "v=0…" }: the call\'s audio needs it.',
        );
      }
      return wacall.startCall({
        to: customer,
        sdp,
        agent: agentOf(req),
        bizOpaqueCallbackData: `ticket:${customer}`,
        // Meta announces the recording to both sides; the purpose is what the customer hears it is for.
        ...(body['record'] === true ? { recording: recordingOn } : {}),
      });
    }),
    route('POST', '/api/tickets/:customer/permission-request', async ({ params, req }) => {
      const { customer } = await known(params['customer']);
      const message = readMessage(await readJson(req));
      const sent = await wacall.requestPermission({
        to: customer,
        agent: agentOf(req),
        ...message,
      });
      return { messageId: sent.messageId, channel: sent.channel };
    }),
    route('POST', '/api/tickets/:customer/call-invite', async ({ params, req }) => {
      const { customer } = await known(params['customer']);
      const body = await readJson(req);
      const displayText = optionalString(body, 'displayText');
      const ttlMinutes = body['ttlMinutes'];
      if (ttlMinutes !== undefined && typeof ttlMinutes !== 'number') {
        throw new HttpError(400, 'bad_request', 'ttlMinutes must be a number.');
      }
      const sent = await wacall.sendCallInvite({
        to: customer,
        agent: agentOf(req),
        ...readMessage(body),
        ...(displayText === undefined ? {} : { displayText }),
        ...(ttlMinutes === undefined ? {} : { ttlMinutes }),
      });
      return { messageId: sent.messageId, channel: sent.channel };
    }),
    route('GET', '/api/calls/:callId/media', async ({ params }): Promise<CallMediaInfo> => {
      // The call record carries Meta's latest SDP, so any instance can serve it, whichever got the webhook.
      const call = await callOf(params['callId']);
      const { session } = call;
      return {
        callId: call.callId,
        status: call.status,
        ended: endedStatuses.has(call.status),
        ...(session ? { session: { sdpType: session.sdpType, sdp: session.sdp } } : {}),
      };
    }),
    // The recording comes through the server, which holds the token; the browser only plays it.
    route('GET', '/api/calls/:callId/recording', async ({ params }) => {
      const call = await callOf(params['callId']);
      const file = await wacall.getRecording(call.callId);
      return new BinaryAnswer(new Uint8Array(file.data), file.mimeType);
    }),
    route('POST', '/api/calls/:callId/accept', async ({ params, req }) => {
      const call = await callOf(params['callId']);
      const sdp = await agentSdp(req, 'answer');
      return wacall.acceptCall({ callId: call.callId, sdp, agent: agentOf(req) });
    }),
    route('POST', '/api/calls/:callId/decline', async ({ params, req }) => {
      const call = await callOf(params['callId']);
      return wacall.declineCall({ callId: call.callId, agent: agentOf(req) });
    }),
    route('POST', '/api/calls/:callId/end', async ({ params, req }) => {
      const call = await callOf(params['callId']);
      // Hanging up on a customer's call that still rings is declining it.
      const ringingIn = call.direction === 'user_initiated' && call.status === 'ringing';
      const input = { callId: call.callId, agent: agentOf(req) };
      return ringingIn ? wacall.declineCall(input) : wacall.endCall(input);
    }),
  ];
}

async function listTickets(wacall: Wacall, directory: TicketDirectory): Promise<TicketSummary[]> {
  const tickets = await Promise.all(
    (await directory.tickets()).map(async (ticket): Promise<TicketSummary> => {
      const { customer, name } = ticket;
      const [[lastCall], [lastActivity], messages] = await Promise.all([
        wacall.listCalls(customer, { limit: 1 }),
        wacall.listActivities(customer, { limit: 1 }),
        directory.messages(customer),
      ]);
      const lastMessage = messages.at(-1);
      const updatedAt = Math.max(
        ticket.updatedAt,
        lastCall?.endedAt ?? lastCall?.createdAt ?? 0,
        lastActivity?.at ?? 0,
      );
      return {
        customer,
        name,
        ...(lastCall ? { lastCall } : {}),
        ...(lastMessage ? { lastMessage } : {}),
        updatedAt,
      };
    }),
  );
  return tickets.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

/** Free-form text, or an approved template by name and language. */
function readMessage(body: Record<string, unknown>): { body?: string; template?: TemplateRef } {
  const text = optionalString(body, 'body');
  const template = body['template'];
  if (template === undefined || template === null) return text === undefined ? {} : { body: text };
  if (typeof template !== 'object' || Array.isArray(template)) {
    throw new HttpError(400, 'bad_request', 'template must be { name, language }.');
  }
  const fields = template as Record<string, unknown>;
  const name = optionalString(fields, 'name');
  const language = optionalString(fields, 'language');
  if (!name || !language) {
    throw new HttpError(400, 'bad_request', 'template needs a name and a language.');
  }
  return { template: { name, language } };
}
