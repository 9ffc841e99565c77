import type { CallTranscript } from '../client/call-transcript';
import type { CallRecordingFile } from './call-recording-file';
import type { ActivityMessages } from '../calls/activity-messages';
import type { AgentEvent } from '../calls/record-agent-event';
import type { Activity, Agent, CallRecord } from '../calls/types';
import type { WhatsAppClient } from '../client/create-client';
import type { CallCaptureOptions } from '../client/calls';
import type { TemplateRef } from '../client/messages';
import type { CustomerView } from '../customer-view';
import type { PermissionEngine } from '../permissions/permission-engine';
import type { PolicyOverride } from '../permissions/policy';
import type { MessageChannel, PermissionState } from '../permissions/types';
import type { Store } from '../store/store';
import type { WebhookEvent } from '../webhooks/events';
import type { TemplateUpdatedEvent } from './template-updated-event';
import type {
  AgentPresenceState,
  CallLogFilter,
  CallLogPage,
  CallOffer,
  CallOfferWithdrawn,
  DeclineOfferInput,
  FindCallsInput,
  RoutingOptions,
  SetPresenceInput,
} from './agent-types';

export interface WacallOptions {
  /** The Cloud API client of the business number this instance serves. */
  client: WhatsAppClient;
  /**
   * The business number in international format (`+44 20 7946 0000`). Its calling code decides the
   * region rule; its digits namespace every key in the store.
   */
  businessNumber: string;
  /** Where state lives: a `MemoryStore` by default, a `RedisStore` when several instances share it. */
  store?: Store;
  /** Merged onto `defaultPolicy`. */
  policy?: PolicyOverride;
  /** The clock, epoch ms; `Date.now` by default. */
  now?: () => number;
  /** Replacement activity texts (translations); missing ones stay English. */
  activityMessages?: Partial<ActivityMessages>;
  /** Whether calling is enabled on the number; `false` refuses every action with `calling_disabled`. */
  callingEnabled?: boolean | (() => boolean | Promise<boolean>);
  /** How many activities a customer keeps (newest first); default 1 000. */
  maxActivitiesPerCustomer?: number;
  /** How long a webhook event is remembered for de-duplication; default 7 days (Meta's longest retry). */
  dedupeTtlMs?: number;
  /**
   * How long call records and activities are kept after their last change; default 90 days.
   * `Infinity` keeps them forever (with a store meant for history, such as `PostgresStore`).
   */
  retentionMs?: number;
  /**
   * Runs `sweep()` this often (ms) in a long-lived process, on every instance (that is safe). Leave it
   * out on serverless platforms and call `sweep()` from a scheduled job instead.
   */
  sweepIntervalMs?: number;
  /**
   * Receives failures nobody awaits: an `on(...)` listener that threw, a background sweep that failed.
   * Default: a one-line `console.error` (name and message; never a token).
   */
  onError?: (error: unknown) => void;
  /**
   * Offers incoming calls to agents (`call.offered`), passes them on when an agent declines or lets
   * it ring out (applied by `sweep()`), and lets the first accept win. Leave it out to route calls
   * yourself and report the outcomes with `recordAgentEvent`.
   */
  routing?: RoutingOptions;
}

/** A customer's permission changed (granted, revoked, expired, a request counted, the window opened…). */
export interface PermissionUpdatedEvent {
  customer: string;
  permission: PermissionState;
}

/** The events a `Wacall` instance emits; push them to your agents' UI. */
export interface WacallEventMap {
  'call.updated': (call: CallRecord) => void;
  'permission.updated': (update: PermissionUpdatedEvent) => void;
  'activity.added': (activity: Activity) => void;
  /** A later webhook refined an activity already shown (e.g. "no answer" turned out to be "rejected"). */
  'activity.updated': (activity: Activity) => void;
  /**
   * A fact learnt late showed an activity did not happen as shown (say, an expiry that a revocation
   * dated earlier had made moot): remove it from the timeline.
   */
  'activity.removed': (activity: Activity) => void;
  /**
   * This instance may have missed changes (its change-feed subscription broke and came back): refetch
   * what you show.
   */
  resync: () => void;
  /** Meta's review of a message template ended or changed (approved, rejected with a reason, paused…). */
  'template.updated': (update: TemplateUpdatedEvent) => void;
  /** With `routing`: an incoming call is offered to these agents; ring them until `expiresAt`. */
  'call.offered': (offer: CallOffer) => void;
  /** With `routing`: stop ringing these agents (someone accepted, they declined, it expired or ended). */
  'call.offer_withdrawn': (withdrawn: CallOfferWithdrawn) => void;
  /** An agent's presence changed (they set it, or a call made them busy or free). */
  'presence.updated': (presence: AgentPresenceState) => void;
}

/** What one `sweep()` recorded. */
export interface SweepResult {
  /** Customers whose permission the clock changed (an expiry, a hold that lapsed). */
  customers: number;
  /** Calls closed because their end was never seen. */
  calls: number;
  /** Deadlines that could not be applied this time (reported to `onError`; the next sweep retries). */
  failed: number;
  /** With `routing`: offers passed on because nobody answered in time (or closed, their call gone). */
  offers?: number;
}

export interface IngestResult {
  /** Events applied by this call; an event is applied once across every instance sharing the store. */
  applied: number;
  /** Events seen before, here or on another instance (Meta redelivers). */
  duplicates: number;
  /**
   * Events for another business number, and events with an impossible time (not whole epoch ms),
   * which are reported to `onError` and skipped so they cannot block the rest of the batch.
   */
  ignored: number;
}

export interface StartCallInput {
  /** The customer's WhatsApp number (digits). */
  to: string;
  /** The agent's SDP offer. */
  sdp: string;
  agent: Agent;
  /**
   * ≤ 464 characters, echoed in the call's webhooks and on the record (e.g. your ticket id). The
   * platform takes 512; @wacall keeps 48 for the token that recognises its own calls.
   */
  bizOpaqueCallbackData?: string;
  recording?: CallCaptureOptions;
  transcription?: CallCaptureOptions;
}

export interface AcceptCallInput {
  callId: string;
  /** The agent's SDP answer, sent with pre-accept and again with accept. */
  sdp: string;
  agent: Agent;
  bizOpaqueCallbackData?: string;
}

/** @deprecated Renamed `AcceptCallInput` (the helpdesk's inputs carry no prefix, like `StartCallInput`). */
export type WacallAcceptCallInput = AcceptCallInput;

export interface CallActionInput {
  callId: string;
  agent: Agent;
}

export interface RequestPermissionInput {
  /** The customer's WhatsApp number (digits). */
  to: string;
  agent: Agent;
  /** Free-form text; allowed only while the 24 h window is open. */
  body?: string;
  /** An approved permission-request template; required once the window is closed. */
  template?: TemplateRef;
}

export interface CallInviteInput {
  to: string;
  agent: Agent;
  /** Free-form text above the button; allowed only while the 24 h window is open. */
  body?: string;
  /** An approved call-button template; required once the window is closed. */
  template?: TemplateRef;
  /** Free-form button label, ≤ 20 characters. */
  displayText?: string;
  /** How long the button works, 1–43 200 minutes. */
  ttlMinutes?: number;
  /** ≤ 512 characters, handed back as `ctaPayload` when the customer calls from the button. */
  payload?: string;
}

/** @deprecated Renamed `CallInviteInput`. */
export type WacallCallInviteInput = CallInviteInput;

export interface SentMessageResult {
  messageId: string;
  /** The format that was sent. */
  channel: MessageChannel;
  activity: Activity;
}

export interface PageOptions {
  /** How many at most; default 50. */
  limit?: number;
  /** Start after this item: an activity/call id, or an epoch-ms time (strictly older). */
  before?: string | number;
}

/** One object for a helpdesk to integrate WhatsApp calling: webhooks in, agent actions, events out. */
export interface Wacall {
  /** Escape hatch: the raw Cloud API client. Calls made through it bypass the rules and the history. */
  readonly client: WhatsAppClient;
  /** Escape hatch: the permission engine. Uses recorded through it bypass the activity history. */
  readonly engine: PermissionEngine;
  /** Escape hatch: the Store behind this instance. */
  readonly store: Store;
  /** Subscribes to an event; returns a function that unsubscribes. */
  on<E extends keyof WacallEventMap>(event: E, listener: WacallEventMap[E]): () => void;
  /** Applies webhook events (from `parseWebhook`) once each, in order, and emits what changed. */
  ingest(events: readonly WebhookEvent[]): Promise<IngestResult>;
  /**
   * Applies what the clock decides — expired grants and requests, holds that lapsed, calls whose end
   * was never seen — each once, dated when it happened. Safe to run on every instance at once.
   */
  sweep(): Promise<SweepResult>;
  /** Stops the sweep timer and the change-feed subscription (the store stays open: it is yours). */
  close(): Promise<void>;
  /**
   * Places a business-initiated call, if the rules allow it. Throws `WacallDecisionError` if not —
   * `awaiting_confirmation` when an earlier attempt's outcome is still unknown.
   */
  startCall(input: StartCallInput): Promise<CallRecord>;
  /**
   * Accepts (picks up) an incoming call: Meta's pre-accept, then accept with the same SDP. With
   * `routing`, the first accept wins fleet-wide before Meta is called; another agent's is refused
   * (`call_taken`).
   */
  acceptCall(input: AcceptCallInput): Promise<CallRecord>;
  /** Declines a ringing incoming call (Meta's `reject` action). */
  declineCall(input: CallActionInput): Promise<CallRecord>;
  /**
   * Declines a ringing incoming call.
   * @deprecated Use `declineCall`: the helpdesk's word is "decline"; "reject" stays Meta's wire action
   * (`client.calls.reject`). Runs the same code.
   */
  rejectCall(input: CallActionInput): Promise<CallRecord>;
  /** Hangs up a call in either direction. */
  endCall(input: CallActionInput): Promise<CallRecord>;
  /** Reports the helpdesk's assignment outcome for a call (missed, declined, inactive, busy, unassigned). */
  recordAgentEvent(event: AgentEvent): Promise<CallRecord>;
  /** Sends a call-permission request: free-form while the window is open, else a template. */
  requestPermission(input: RequestPermissionInput): Promise<SentMessageResult>;
  /** Sends a "Call on WhatsApp" button: free-form while the window is open, else a template. */
  sendCallInvite(input: CallInviteInput): Promise<SentMessageResult>;
  /** Everything the agent's UI needs about one customer. */
  getCustomer(customer: string): Promise<CustomerView>;
  /** The customer's activities, newest first. */
  listActivities(customer: string, options?: PageOptions): Promise<Activity[]>;
  getCall(callId: string): Promise<CallRecord | undefined>;
  /** The customer's calls, newest first. */
  listCalls(customer: string, options?: PageOptions): Promise<CallRecord[]>;
  /** Downloads a call's latest recording (server side: it uses the client's token). */
  getRecording(callId: string): Promise<CallRecordingFile>;
  /** Downloads and parses a call's transcript (server side). */
  getTranscript(callId: string): Promise<CallTranscript>;
  // --- call log ---
  /**
   * Calls across every customer, newest first, filtered by status, direction, agent, customer and time;
   * 50 a page by default (at most 200), the next page with `before: page.next`.
   */
  findCalls(input?: FindCallsInput): Promise<CallLogPage>;
  /** How many calls a filter matches (for filter chips); the common ones are read from kept counts. */
  countCalls(filter?: CallLogFilter): Promise<number>;
  // --- end call log ---
  // Presence and routing.
  /** Sets what an agent chose (fleet-wide); an agent in a call is reported `busy` whatever they chose. */
  setPresence(input: SetPresenceInput): Promise<AgentPresenceState>;
  /** Every agent who has set a presence, by id, with their effective status. */
  listAgents(): Promise<AgentPresenceState[]>;
  /**
   * With `routing`: an offered agent passes the call on (`call.agent_declined`); the next agents are
   * rung once nobody rings. Throws `WacallValidationError` when `routing` is not configured.
   */
  declineOffer(input: DeclineOfferInput): Promise<CallRecord>;
}
