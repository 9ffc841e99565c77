/** Types of the call lifecycle: what an agent sees of a call. The React package renders these. */
import type { CallDirection, WebhookError } from '../webhooks/events';
import type { MessageChannel } from '../permissions/types';

/** Someone working the helpdesk. */
export interface Agent {
  id: string;
  name: string;
}

/** Who the call or activity is with. At least one of `waId` and `userId` is set. */
export interface CustomerRef {
  /** Phone number digits, no `+`. */
  waId?: string;
  /** Business-scoped user id (BSUID). */
  userId?: string;
  name?: string;
}

export type IncomingCallStatus =
  'ringing' | 'ongoing' | 'completed' | 'missed' | 'declined' | 'disconnected';

export type OutgoingCallStatus =
  'calling' | 'ringing' | 'ongoing' | 'completed' | 'unanswered' | 'declined' | 'disconnected';

export type CallStatus = IncomingCallStatus | OutgoingCallStatus;

/**
 * The ticket's final word on a call. `unknown`: its end was never seen (no closing webhook arrived
 * within the policy's setup or active-call timeout), so the call was closed by the clock.
 */
export type CallOutcome = 'completed' | 'missed' | 'rejected' | 'dropped' | 'unknown';

export type CallEndedBy = 'agent' | 'customer' | 'platform' | 'network';

interface CallRecordBase {
  callId: string;
  customer: CustomerRef;
  /** The business phone number's display number (or its phone number id when that is all we know). */
  businessNumber: string;
  /** Epoch ms. */
  createdAt: number;
  ringingAt?: number;
  answeredAt?: number;
  endedAt?: number;
  durationSeconds?: number;
  agent?: Agent;
  endedBy?: CallEndedBy;
  errors: WebhookError[];
  outcome?: CallOutcome;
  bizOpaqueCallbackData?: string;
  /** The call's recording (the latest, if Meta announced several); fetch it with `getRecording`. */
  recording?: { mediaId: string; mimeType: string };
  /** The call's transcript document; fetch it with `getTranscript`. */
  transcript?: { mediaId: string };
  /**
   * The latest SDP Meta sent for the call: the customer's `offer` on an incoming call (answer it from
   * any instance), or the `answer` to the agent's offer on an outgoing one.
   */
  session?: CallSession;
}

/** An SDP as Meta sent it, byte for byte. */
export interface CallSession {
  sdpType: 'offer' | 'answer';
  sdp: string;
}

export interface IncomingCallRecord extends CallRecordBase {
  direction: Extract<CallDirection, 'user_initiated'>;
  status: IncomingCallStatus;
}

export interface OutgoingCallRecord extends CallRecordBase {
  direction: Extract<CallDirection, 'business_initiated'>;
  status: OutgoingCallStatus;
}

export type CallRecord = IncomingCallRecord | OutgoingCallRecord;

/** The parameters each activity kind carries; its English text is made from these. */
export interface ActivityParamsMap {
  // `seconds` counts from when the call started ringing; it is absent only when that moment is unknown
  // (a call seen through its terminate webhook alone).
  // Assignment of an incoming call (reported by the helpdesk, or seen from the platform).
  'call.missed_no_answer': { seconds?: number };
  'call.agent_declined': { seconds?: number };
  'call.agent_inactive': { seconds?: number };
  'call.all_agents_busy': Record<string, never>;
  'call.unassigned': Record<string, never>;
  // Connection.
  'call.started_by_agent': Record<string, never>;
  'call.answered_by_agent': { seconds?: number };
  'call.answered_by_customer': { seconds?: number };
  'call.rejected_by_customer': { seconds?: number };
  'call.unanswered': { seconds?: number; endedBy: 'agent' | 'platform' };
  // In call.
  'call.ended_by_agent': { durationSeconds: number };
  'call.ended_by_customer': { durationSeconds: number };
  // `unknown`: the platform saw the media stop but cannot say on which side (code 138023).
  'call.dropped': {
    side: 'agent' | 'customer' | 'unknown';
    durationSeconds?: number;
    code?: number;
  };
  // After the call: files Meta made of it (kept 7 days).
  'call.recording_available': { mediaId: string; mimeType: string };
  'call.transcript_available': { mediaId: string };
  // No closing webhook came; the clock closed the call after `minutes` without word.
  'call.end_not_seen': { minutes: number };
  // Permission status.
  'permission.granted': { permanent: boolean; expiresAt?: number };
  'permission.revoked_by_customer': Record<string, never>;
  'permission.auto_revoked': { missedCalls: number };
  'permission.expired': { days: number };
  // Permission requests.
  'permission_request.sent': { channel: MessageChannel; templateName?: string };
  'permission_request.approved': { permanent: boolean };
  'permission_request.declined': Record<string, never>;
  'permission_request.expired': Record<string, never>;
  // Invites.
  'call_invite.sent': { channel: MessageChannel; templateName?: string };
}

export type ActivityKind = keyof ActivityParamsMap;

interface ActivityBase {
  id: string;
  /** Epoch ms. */
  at: number;
  /** The customer key the activity is filed under (wa id or BSUID). */
  customer: string;
  callId?: string;
  actor?: Agent;
  /** English text made from the message table; replace the table for other languages. */
  text: string;
}

/** One entry in a ticket's activity panel. Narrow on `kind` to get typed `params`. */
export type Activity = {
  [K in ActivityKind]: ActivityBase & { kind: K; params: ActivityParamsMap[K] };
}[ActivityKind];
