import type {
  AgentPresenceState,
  CallLogFilter,
  CallLogPage,
  CallRecord,
  FindCallsInput,
  PresenceStatus,
  TemplateDraft,
  TemplateSummary,
} from '@wacall/core';
import type { CallLogCounts } from '@wacall/react';
import type {
  ApiErrorBody,
  CallInviteBody,
  CallMediaInfo,
  CreatedTemplateAnswer,
  DemoInfo,
  PermissionRequestBody,
  PhoneCallMedia,
  PhoneOwner,
  PhoneState,
  TicketDetail,
  TicketSummary,
} from '../shared/api-types';

/** A refusal from the demo server; `message` is written for the agent and shown as is. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly detail?: ApiErrorBody['error'],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** Field problems of a refused input; `TemplateEditor` shows them on their fields. */
  get issues() {
    return this.detail?.issues;
  }

  /** Meta's subcode, e.g. 2388024 when a template name is taken. */
  get subcode() {
    return this.detail?.subcode;
  }
}

/**
 * Whom this page works as: `?agent=ben` in its address, else the server's own agent. The demo has no
 * login; a real app's session says who the agent is.
 */
export const pageAgent = new URLSearchParams(window.location.search).get('agent') ?? undefined;

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: {
      ...(pageAgent === undefined ? {} : { 'x-demo-agent': pageAgent }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal ? { signal } : {}),
  });
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const detail = (data as Partial<ApiErrorBody> | undefined)?.error;
    throw new ApiRequestError(describe(detail, response.status), response.status, detail);
  }
  return data as T;
}

function describe(detail: ApiErrorBody['error'] | undefined, status: number): string {
  if (!detail) return `The demo server answered HTTP ${status}.`;
  if (detail.retryAt === undefined) return detail.message;
  return `${detail.message} Possible again ${new Date(detail.retryAt).toLocaleString()}.`;
}

const part = encodeURIComponent;

/** The log's filter (or a page's input) as a query string; empty fields are left out. */
function query(input: FindCallsInput | CallLogFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Where this page's facade events stream from (`createEventStream` on the server). */
export const eventsUrl = `/api/events${pageAgent === undefined ? '' : `?agent=${part(pageAgent)}`}`;

export const api = {
  info: () => request<DemoInfo>('GET', '/api/info'),
  tickets: () => request<TicketSummary[]>('GET', '/api/tickets'),
  ticket: (customer: string) => request<TicketDetail>('GET', `/api/tickets/${part(customer)}`),
  startCall: (customer: string, offerSdp: string, record = false) =>
    request<CallRecord>('POST', `/api/tickets/${part(customer)}/call`, {
      sdp: offerSdp,
      ...(record ? { record } : {}),
    }),
  /** Where the browser plays a call's recording from (the server fetches it with its token). */
  recordingUrl: (callId: string) => `/api/calls/${part(callId)}/recording`,
  requestPermission: (customer: string, body: PermissionRequestBody) =>
    request<unknown>('POST', `/api/tickets/${part(customer)}/permission-request`, body),
  sendCallInvite: (customer: string, body: CallInviteBody) =>
    request<unknown>('POST', `/api/tickets/${part(customer)}/call-invite`, body),
  callMedia: (callId: string) => request<CallMediaInfo>('GET', `/api/calls/${part(callId)}/media`),
  acceptCall: (callId: string, answerSdp: string) =>
    request<CallRecord>('POST', `/api/calls/${part(callId)}/accept`, { sdp: answerSdp }),
  declineCall: (callId: string) =>
    request<CallRecord>('POST', `/api/calls/${part(callId)}/decline`),
  declineOffer: (callId: string) =>
    request<CallRecord>('POST', `/api/calls/${part(callId)}/decline-offer`),
  agents: () => request<AgentPresenceState[]>('GET', '/api/agents'),
  setPresence: (status: PresenceStatus) =>
    request<AgentPresenceState>('POST', '/api/me/presence', { status }),
  findCalls: (input: FindCallsInput, signal?: AbortSignal) =>
    request<CallLogPage>('GET', `/api/calls${query(input)}`, undefined, signal),
  countCalls: (filter: CallLogFilter) =>
    request<CallLogCounts>('GET', `/api/calls/counts${query(filter)}`),
  endCall: (callId: string) => request<CallRecord>('POST', `/api/calls/${part(callId)}/end`),
  phoneCallMedia: (callId: string) =>
    request<PhoneCallMedia>('GET', `/api/phone/calls/${part(callId)}/media`),
  templates: () => request<TemplateSummary[]>('GET', '/api/templates'),
  createTemplate: (draft: TemplateDraft) =>
    request<CreatedTemplateAnswer>('POST', '/api/templates', draft),
  phones: () => request<PhoneOwner[]>('GET', '/api/phone'),
  phone: (waId: string) => request<PhoneState>('GET', `/api/phone/${part(waId)}`),
  phoneMessage: (waId: string, text: string) =>
    request<PhoneState>('POST', `/api/phone/${part(waId)}/message`, { text }),
  phoneCall: (waId: string, fromInvite?: string) =>
    request<PhoneState>('POST', `/api/phone/${part(waId)}/call`, fromInvite ? { fromInvite } : {}),
  phoneCallStep: (waId: string, callId: string, step: 'answer' | 'reject' | 'ignore' | 'hang-up') =>
    request<PhoneState>('POST', `/api/phone/${part(waId)}/calls/${part(callId)}/${step}`),
  phonePermission: (waId: string, step: 'accept' | 'accept-permanent' | 'decline' | 'revoke') =>
    request<PhoneState>('POST', `/api/phone/${part(waId)}/permission/${step}`),
};
