/** `createCloudApiSimulator()`: one simulated Cloud API — business numbers, customers, calls, webhooks. */
import {
  addBusinessNumber,
  businessState,
  defaultBusinessNumber,
  publicBusiness,
  type BusinessNumberInput,
} from './business-numbers';
import { expireRingingCalls } from './call-flow';
import { SimulatorClock } from './clock';
import type { SimulatorChangeListener, SimulatorContext } from './context';
import { conversationFor } from './conversations';
import { createCustomer, type SimulatedCustomer } from './customer';
import { SimulatorUsageError } from './errors/simulator-usage-error';
import { handleGraphRequest } from './graph-router';
import { resolveLimits, type SimulatorLimits, type SimulatorLimitsOverrides } from './limits';
import { SimulatorRandom } from './random';
import {
  callSnapshot,
  customerSnapshot,
  type CallSnapshot,
  type CustomerSnapshot,
} from './snapshots';
import type { BusinessNumber } from './state';
import { TemplateStore, type StoredTemplate } from './template-store';
import { verifySubscription, type SubscriptionCheck } from './verify-subscription';
import {
  WebhookDispatcher,
  type DeliveryOptions,
  type WebhookDelivery,
  type WebhookListener,
} from './webhook-dispatcher';

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
  /** Review result of new templates. Default `APPROVED`. */
  templateReview?: 'APPROVED' | 'PENDING';
  /** Makes ids, SDPs, duplicates and reordering repeatable. */
  seed?: number;
  /** How many deliveries `webhooks` keeps. Default 10 000. */
  historyLimit?: number;
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
  templates(wabaId?: string): StoredTemplate[];
  /** Simulates Meta's review: e.g. `APPROVED`, `REJECTED`, `PAUSED`. */
  setTemplateStatus(name: string, status: string, wabaId?: string): void;
  /** The Graph API as a `fetch` function: pass it to any HTTP client. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** The simulated present, epoch ms. */
  now(): number;
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
  /** Sends Meta's subscription check (GET with `hub.challenge`) to `webhookUrl`. */
  verifyWebhook(verifyToken: string): Promise<SubscriptionCheck>;
}

function usage(message: string, fix: string): never {
  throw new SimulatorUsageError(message, fix);
}

function checkOptions(options: CloudApiSimulatorOptions): void {
  if (typeof options?.appSecret !== 'string' || options.appSecret === '') {
    usage(
      'createCloudApiSimulator needs an appSecret.',
      'Pass the app secret your webhook handler verifies signatures with.',
    );
  }
  if (options.webhookUrl !== undefined && !URL.canParse(options.webhookUrl)) {
    usage(
      `webhookUrl "${options.webhookUrl}" is not an absolute URL.`,
      'Pass e.g. "http://127.0.0.1:3000/webhooks/whatsapp".',
    );
  }
}

function createContext(
  options: CloudApiSimulatorOptions,
  webhookFetch: typeof fetch,
): SimulatorContext {
  const random = new SimulatorRandom(options.seed);
  const behaviour = {
    outsideWindow: options.outsideWindow ?? 'reject',
    templateReview: options.templateReview ?? 'APPROVED',
  } as const;
  return {
    limits: resolveLimits(options.limits),
    random,
    clock: new SimulatorClock(options.now),
    behaviour,
    businesses: new Map(),
    customers: new Map(),
    conversations: new Map(),
    calls: new Map(),
    templates: new TemplateStore(random, () => behaviour.templateReview),
    dispatcher: new WebhookDispatcher({
      appSecret: options.appSecret,
      ...(options.webhookUrl === undefined ? {} : { webhookUrl: options.webhookUrl }),
      fetch: webhookFetch,
      random,
      options: { ...options.delivery },
      historyLimit: options.historyLimit ?? 10_000,
    }),
    changeListeners: new Set(),
  };
}

/** Creates a stateful simulator of the WhatsApp Cloud Calling API that enforces Meta's rules and sends signed webhooks. */
export function createCloudApiSimulator(options: CloudApiSimulatorOptions): CloudApiSimulator {
  checkOptions(options);
  const webhookFetch = options.webhookFetch ?? ((input, init) => globalThis.fetch(input, init));
  const context = createContext(options, webhookFetch);
  const auth =
    options.accessTokens === undefined ? {} : { accessTokens: [...options.accessTokens] };
  const defaults = addBusinessNumber(
    context,
    { ...defaultBusinessNumber, ...options.businessNumber },
    defaultBusinessNumber,
  );
  const business = (phoneNumberId?: string) =>
    businessState(context, phoneNumberId, defaults.phoneNumberId);
  const wabaOf = (wabaId?: string) => wabaId ?? defaults.wabaId;
  // Time-based outcomes are settled before anything looks at the state; webhooks go out in the background.
  const settle = () => void context.dispatcher.emit(expireRingingCalls(context));
  const conversations = (phoneNumberId?: string) => {
    const owner = business(phoneNumberId);
    return [...context.conversations.values()].filter(
      (conversation) => conversation.business === owner,
    );
  };

  return {
    limits: context.limits,
    businessNumber: defaults,
    get webhooks() {
      return context.dispatcher.log;
    },
    addBusinessNumber: (input) => addBusinessNumber(context, input, defaults),
    businessNumbers: () => [...context.businesses.values()].map(publicBusiness),
    callingSettings: (phoneNumberId) => structuredClone(business(phoneNumberId).calling),
    customer(waId, customerOptions = {}) {
      if (typeof waId !== 'string' || !/^\d{5,20}$/.test(waId)) {
        usage(
          `Customer wa_id "${String(waId)}" must be phone digits without "+".`,
          'Pass e.g. "14085551234".',
        );
      }
      const conversation = conversationFor(context, business(customerOptions.phoneNumberId), waId);
      if (customerOptions.name !== undefined) conversation.customer.name = customerOptions.name;
      if (customerOptions.userId !== undefined)
        conversation.customer.userId = customerOptions.userId;
      return createCustomer(context, conversation, settle);
    },
    customers: (phoneNumberId) =>
      conversations(phoneNumberId).map((c) => customerSnapshot(context, c)),
    call: (callId) => {
      const call = context.calls.get(callId);
      return call === undefined ? undefined : callSnapshot(call);
    },
    calls: () => [...context.calls.values()].map(callSnapshot),
    templates: (wabaId) => context.templates.list(wabaOf(wabaId)).map((t) => structuredClone(t)),
    setTemplateStatus(name, status, wabaId) {
      if (context.templates.setStatus(wabaOf(wabaId), name, status).length === 0) {
        usage(
          `No template named ${name}.`,
          'Create it with POST /{waba-id}/message_templates first.',
        );
      }
    },
    fetch(input, init) {
      settle();
      return handleGraphRequest(context, auth, new Request(input, init));
    },
    now: () => context.clock.now(),
    async advanceTime(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        usage(
          `advanceTime(${ms}) needs a finite number of milliseconds ≥ 0.`,
          'Time only moves forward.',
        );
      context.clock.advance(ms);
      await context.dispatcher.emit(expireRingingCalls(context));
    },
    tick: () => context.dispatcher.emit(expireRingingCalls(context)),
    onWebhook: (listener) => context.dispatcher.onWebhook(listener),
    onChange(listener) {
      context.changeListeners.add(listener);
      return () => context.changeListeners.delete(listener);
    },
    drain: () => context.dispatcher.drain(),
    flush: () => context.dispatcher.flush(),
    configureDelivery: (delivery) => context.dispatcher.configure(delivery),
    verifyWebhook(verifyToken) {
      if (options.webhookUrl === undefined)
        usage('verifyWebhook needs a webhookUrl.', 'Pass webhookUrl to createCloudApiSimulator.');
      return verifySubscription(options.webhookUrl, verifyToken, webhookFetch, context.random);
    },
  };
}
