// The JSON the demo server and its web app exchange. Types only: the browser bundle carries none of it.
import type {
  Activity,
  Agent,
  CallRecord,
  CallStatus,
  CustomerView,
  MessageChannel,
  TemplateSummary,
} from '@wacall/core';
import type { CustomerSnapshot, MediaConnectionState, MediaStats } from '@wacall/mock';

/** `simulator`: offline, the customer phone is played by @wacall/mock. `cloud`: Meta's real Cloud API. */
export type DemoMode = 'simulator' | 'cloud';

export interface DemoInfo {
  mode: DemoMode;
  /** Whom this page works as (`?agent=`, else the instance's own agent). */
  agent: Agent;
  /** Every demo agent, for the agent switcher. */
  agents: Agent[];
  /** The business number, international format. */
  businessNumber: string;
}

/** A text the customer wrote to the business. */
export interface ChatMessage {
  id: string;
  text: string;
  at: number;
}

/** One row of the agent's ticket list. */
export interface TicketSummary {
  customer: string;
  name: string;
  /** The newest call, for the Missed call / In call marker. */
  lastCall?: CallRecord;
  lastMessage?: ChatMessage;
  /** Epoch ms of the latest thing that happened; the list is sorted by it. */
  updatedAt: number;
}

/** Everything the ticket view renders for one customer. */
export interface TicketDetail {
  customer: string;
  name: string;
  view: CustomerView;
  /** Newest first. */
  calls: CallRecord[];
  /** Newest first. */
  activities: Activity[];
  /** Oldest first. */
  messages: ChatMessage[];
  /** Approved calling templates of the business account. */
  templates: TemplateSummary[];
}

export interface TemplateChoice {
  name: string;
  language: string;
}

export interface PermissionRequestBody {
  channel: MessageChannel;
  body?: string;
  template?: TemplateChoice;
}

export interface CallInviteBody {
  channel: MessageChannel;
  body?: string;
  displayText?: string;
  ttlMinutes?: number;
  template?: TemplateChoice;
}

/** Meta's SDP from a call's connect webhook: an offer (incoming call) or an answer (outgoing call). */
export interface CallSdp {
  sdpType: 'offer' | 'answer';
  sdp: string;
}

/** `GET /api/calls/:callId/media`: what the agent's browser needs to connect the call's audio. */
export interface CallMediaInfo {
  callId: string;
  status: CallStatus;
  /** Whether the call is over, so the browser releases its microphone. */
  ended: boolean;
  /** Absent until the connect webhook arrived. */
  session?: CallSdp;
}

/** The agent's SDP for `POST /api/tickets/:customer/call` (an offer) and `/api/calls/:id/accept`. */
export interface AgentSdpBody {
  sdp: string;
}

/**
 * `GET /api/phone/calls/:callId/media`: the simulated relay's side of the call's audio; both fields
 * are absent while the call has no relay peer.
 */
export interface PhoneCallMedia {
  connectionState?: MediaConnectionState;
  stats?: MediaStats;
}

/** A WhatsApp user whose phone the demo can play. */
export interface PhoneOwner {
  waId: string;
  name: string;
}

/** What the simulated phone shows: permission, window, inbox from the business, the call in progress. */
export type PhoneState = CustomerSnapshot;

export type ApiErrorKind =
  'decision' | 'validation' | 'whatsapp' | 'simulator' | 'not_found' | 'bad_request' | 'internal';

/** Every non-2xx answer of the API. */
export interface ApiErrorBody {
  error: {
    kind: ApiErrorKind;
    /** A sentence for the agent, without secrets. */
    message: string;
    /** Decisions: the engine's reason code and when waiting makes the action possible (epoch ms). */
    reason?: string;
    retryAt?: number;
    /** WhatsApp errors: Meta's code. */
    code?: number;
    /** WhatsApp errors: Meta's subcode, e.g. 2388024 for a template name that is taken. */
    subcode?: number;
    fix?: string;
    /** Validation errors: each bad field, with what to change. */
    issues?: { path: string; message: string; fix: string }[];
    /** The input field the error is about. */
    field?: string;
  };
}

/** `POST /api/templates`: Meta took the template for review. */
export interface CreatedTemplateAnswer {
  id: string;
  name: string;
  /** Usually `pending`. */
  status: string;
}

/**
 * What `/api/demo-events` pushes: the demo's own changes, which are not the facade's events (those come
 * from `/api/events`, @wacall/node's `createEventStream`). `tickets`: the directory filed something for
 * this customer (a message); `phone`: the simulated phone of `waId` changed.
 */
export type DemoUpdate = { topic: 'tickets'; customer: string } | { topic: 'phone'; waId: string };
