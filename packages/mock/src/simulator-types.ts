/** The public shapes of the simulator: its options and its methods. */
import type { BusinessNumberInput } from './world/business-numbers';
import type { SimulatorChangeListener } from './world/changes';
import type { SimulatedCustomer } from './customer/simulated-customer';
import type { SimulatorLimits, SimulatorLimitsOverrides } from './world/limits';
import type { MediaPeer, MediaPeerOptions } from './media/media-peer';
import type { CallSnapshot, CustomerSnapshot } from './world/snapshots';
import type { BusinessNumber } from './world/state';
import type { TemplateReviewOption, TemplateReviewOutcome } from './world/template-review';
import type { StoredTemplate } from './world/state';
import type { SubscriptionCheck } from './webhooks/subscription-check';
import type { DeliveryOptions, WebhookDelivery, WebhookListener } from './webhooks/dispatcher';
import type { SimulatorState } from './flows/saved-state';

export interface CloudApiSimulatorOptions {
  /** Signs every webhook body (`X-Hub-Signature-256`). */
  appSecret: string;
  /** Where webhooks are POSTed. Without it they are only recorded (`webhooks`, `drain()`, `onWebhook`). */
  webhookUrl?: string;
  /** The clock (epoch ms). Default `Date.now`; `advanceTime()` moves the simulated present on from it. */
  now?: () => number;
  /** The `fetch` used to POST webhooks. Default the global `fetch`. */
  webhookFetch?: typeof fetch;
  /** Bearer tokens the Graph face accepts. Default: any non-empty token. */
  accessTokens?: readonly string[];
  /** Overrides for the default business number. */
  businessNumber?: Partial<BusinessNumberInput>;
  /** Overrides for the platform's limits (`defaultLimits`). */
  limits?: SimulatorLimitsOverrides;
  /** Batching, duplicates, reordering and holding of webhooks. */
  delivery?: DeliveryOptions;
  /** Free-form message outside the 24 h window: `reject` (HTTP 400, 131047; default) or `fail_status` (accepted, then a failed status webhook, as Meta does). */
  outsideWindow?: 'reject' | 'fail_status';
  /**
   * How Meta reviews new templates: each is `PENDING` at creation, then approved or rejected with a
   * `message_template_status_update` webhook. `{ delayMs, outcome }` decides automatically `delayMs`
   * after creation (default `{ delayMs: 0, outcome: 'approved' }`); `'manual'` waits for
   * `templates.review()`.
   */
  templateReview?: TemplateReviewOption;
  /** Makes ids, SDPs, duplicates and reordering repeatable. */
  seed?: number;
  /** How many deliveries `webhooks` keeps. Default 10 000. */
  historyLimit?: number;
  /**
   * Real call audio: Meta's side of every call becomes a WebRTC peer (ICE-lite, Opus) that sends a
   * 440 Hz test tone and counts the RTP it receives. `true`, or the peer's options. Default off.
   */
  media?: boolean | MediaPeerOptions;
  /**
   * A world saved with `exportState()`, to carry on from: numbers, customers, conversations, permissions,
   * requests, calls, templates, recordings, the clock's offset and the id generator's position (which
   * wins over `seed`). A call that was live when saved is ended by the platform as failed (an ongoing
   * one as dropped, 138021), and its webhooks go out with the first step after the restore. Refused with
   * a `SimulatorUsageError` when it is not a state this version wrote.
   */
  state?: SimulatorState;
}

/** `simulator.templates`: what the business has, and Meta's review of it. */
export interface SimulatorTemplates {
  /** Every template of the account (the default WABA when omitted), review status included. */
  list(wabaId?: string): StoredTemplate[];
  /**
   * Ends the review of the template `name` (all its languages): `approved`, or `rejected` with a
   * reason (default `INVALID_FORMAT`). Sends the status webhook; resolves when it is delivered.
   */
  review(
    name: string,
    outcome: TemplateReviewOutcome,
    reason?: string,
    options?: { wabaId?: string },
  ): Promise<void>;
}

export interface CustomerOptions {
  /** The profile name webhooks carry. */
  name?: string;
  /** A business-scoped user id (BSUID), sent as `*_user_id`; lets requests use `recipient`. */
  userId?: string;
  /** Which business number this customer talks to. Default: the default number. */
  phoneNumberId?: string;
}

export interface CloudApiSimulator {
  /** The limits in force (defaults merged with overrides). */
  readonly limits: SimulatorLimits;
  /** The default business number. */
  readonly businessNumber: BusinessNumber;
  /** Every delivery so far (oldest first, up to `historyLimit`). */
  readonly webhooks: readonly WebhookDelivery[];
  addBusinessNumber(input: BusinessNumberInput): BusinessNumber;
  businessNumbers(): BusinessNumber[];
  /** A number's `calling` settings as `GET /settings` returns them. */
  callingSettings(phoneNumberId?: string): Record<string, unknown>;
  /** The driver for one WhatsApp user (created on first use). */
  customer(waId: string, options?: CustomerOptions): SimulatedCustomer;
  /** Every customer that has a conversation with the number. */
  customers(phoneNumberId?: string): CustomerSnapshot[];
  call(callId: string): CallSnapshot | undefined;
  calls(): CallSnapshot[];
  /** The message templates and their review. */
  readonly templates: SimulatorTemplates;
  /**
   * Sets a template's status as Meta would later (e.g. `PAUSED`, `DISABLED`, `APPROVED`) and sends the
   * status webhook; resolves when it is delivered.
   */
  setTemplateStatus(name: string, status: string, wabaId?: string): Promise<void>;
  /** The Graph API as a `fetch` function: pass it to any HTTP client. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /**
   * The simulated present, epoch ms. A detached function: pass it as `createWacall({ now: simulator.now })`
   * so the facade's expiries, windows and activity times follow `advanceTime()` too.
   */
  readonly now: () => number;
  /** Moves time on, then ends calls that rang too long (their webhooks are delivered before this resolves). */
  advanceTime(ms: number): Promise<void>;
  /** Runs due timers (ring timeouts) without moving time. */
  tick(): Promise<void>;
  onWebhook(listener: WebhookListener): () => void;
  /** Called on every change of a call or customer, with a snapshot; for live UIs. */
  onChange(listener: SimulatorChangeListener): () => void;
  /** Deliveries since the last `drain()`. */
  drain(): WebhookDelivery[];
  /** Releases held webhooks and waits until every delivery is done. */
  flush(): Promise<void>;
  configureDelivery(options: DeliveryOptions): void;
  /** With `media`: the relay peer of a call (its RTP counters, its connection state). */
  callMedia(callId: string): MediaPeer | undefined;
  /** With `media`: closes every relay peer. Call it when a test or the demo stops. */
  closeMedia(): Promise<void>;
  /**
   * The world as JSON-safe plain data, to store and pass back as `createCloudApiSimulator({ state })`
   * on the next start. Not included: delivery history, listeners, media peers, and every option
   * (the app secret and tokens among them).
   */
  exportState(): SimulatorState;
  /** Sends Meta's subscription check (GET with `hub.challenge`) to `webhookUrl`. */
  verifyWebhook(verifyToken: string): Promise<SubscriptionCheck>;
}
