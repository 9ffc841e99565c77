/** `createCloudApiSimulator()`: one simulated Cloud API — business numbers, customers, calls, webhooks. */
import { SimulatorMedia } from './media/simulator-media';
import {
  addBusinessNumber,
  businessState,
  defaultBusinessNumber,
  publicBusiness,
} from './world/business-numbers';
import { expireRingingCalls } from './flows/call-lifecycle';
import { SimulatorClock } from './world/clock';
import { conversationFor } from './world/conversations';
import { createCustomer, type CustomerContext } from './customer/simulated-customer';
import { SimulatorUsageError } from './errors/simulator-usage-error';
import type { GraphContext } from './graph/graph-context';
import { handleGraphRequest } from './graph/router';
import { resolveLimits } from './world/limits';
import { SimulatorRandom } from './world/random';
import type { CloudApiSimulator, CloudApiSimulatorOptions } from './simulator-types';
import { callSnapshot, customerSnapshot } from './world/snapshots';
import type { BusinessNumber } from './world/state';
import { exportWorld, restoreWorld } from './flows/saved-state';
import { TemplateStore, type TemplateChange } from './world/template-store';
import type { WebhookUpdate } from './webhooks/payloads';
import { verifySubscription } from './webhooks/subscription-check';
import { templateStatusUpdate } from './webhooks/template-status';
import { WebhookDispatcher } from './webhooks/dispatcher';

export type {
  CloudApiSimulator,
  CloudApiSimulatorOptions,
  CustomerOptions,
  SimulatorTemplates,
} from './simulator-types';

/** Every room's context in one object: only the simulator itself holds all of it. */
type SimulatorRooms = GraphContext &
  CustomerContext & {
    readonly dispatcher: WebhookDispatcher;
    /** Webhooks a restore produced (live calls it ended), sent by the first step after it. */
    restored: WebhookUpdate[];
  };

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
  wake: (ms: number) => void,
): SimulatorRooms {
  const random = new SimulatorRandom(options.seed);
  const behaviour = {
    outsideWindow: options.outsideWindow ?? 'reject',
    templateReview: options.templateReview ?? { delayMs: 0, outcome: 'approved' },
  } as const;
  const clock = new SimulatorClock(options.now);
  return {
    limits: resolveLimits(options.limits),
    random,
    clock,
    behaviour,
    businesses: new Map(),
    customers: new Map(),
    conversations: new Map(),
    calls: new Map(),
    mediaFiles: new Map(),
    templates: new TemplateStore(random, {
      review: () => behaviour.templateReview,
      now: () => clock.now(),
      wakeIn: (ms) => wake(ms),
    }),
    dispatcher: new WebhookDispatcher({
      appSecret: options.appSecret,
      ...(options.webhookUrl === undefined ? {} : { webhookUrl: options.webhookUrl }),
      fetch: webhookFetch,
      random,
      options: { ...options.delivery },
      historyLimit: options.historyLimit ?? 10_000,
    }),
    changeListeners: new Set(),
    restored: [],
    ...(options.media
      ? { media: new SimulatorMedia(options.media === true ? {} : options.media) }
      : {}),
  };
}

/** What the clock decides: ring timeouts and due template reviews, as webhook updates. */
function timedUpdates(context: SimulatorRooms): WebhookUpdate[] {
  const restored = context.restored.splice(0);
  return [
    ...restored,
    ...expireRingingCalls(context),
    ...templateUpdates(context, context.templates.settleDue()),
  ];
}

function templateUpdates(context: SimulatorRooms, changes: readonly TemplateChange[]) {
  const now = context.clock.now();
  return changes.map((change) => templateStatusUpdate(change.wabaId, change.template, now));
}

/** Numbers, customers, calls and templates: setting the world up and looking at it. */
function worldApi(
  context: SimulatorRooms,
  defaults: BusinessNumber,
  settle: () => void,
): Omit<
  CloudApiSimulator,
  'limits' | 'businessNumber' | 'webhooks' | keyof ReturnType<typeof platformApi>
> {
  const business = (phoneNumberId?: string) =>
    businessState(context, phoneNumberId, defaults.phoneNumberId);
  const wabaOf = (wabaId?: string) => wabaId ?? defaults.wabaId;
  const announce = (changes: TemplateChange[], name: string) => {
    if (changes.length === 0) {
      usage(
        `No template named ${name}.`,
        'Create it with POST /{waba-id}/message_templates first.',
      );
    }
    return context.dispatcher.emit(templateUpdates(context, changes));
  };
  const conversations = (phoneNumberId?: string) => {
    const owner = business(phoneNumberId);
    return [...context.conversations.values()].filter(
      (conversation) => conversation.business === owner,
    );
  };
  return {
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
    templates: {
      list: (wabaId) => context.templates.list(wabaOf(wabaId)).map((t) => structuredClone(t)),
      async review(name, outcome, reason, reviewOptions = {}) {
        if (outcome !== 'approved' && outcome !== 'rejected') {
          usage(
            `templates.review() got outcome ${JSON.stringify(outcome)}.`,
            "Pass 'approved' or 'rejected'.",
          );
        }
        const changes = context.templates.review(wabaOf(reviewOptions.wabaId), name, {
          outcome,
          ...(reason === undefined ? {} : { reason }),
        });
        await announce(changes, name);
      },
    },
    async setTemplateStatus(name, status, wabaId) {
      if (typeof status !== 'string' || status.trim() === '') {
        usage(`setTemplateStatus() got status ${JSON.stringify(status)}.`, "Pass e.g. 'PAUSED'.");
      }
      await announce(context.templates.setStatus(wabaOf(wabaId), name, status), name);
    },
  };
}

/** The Graph face, the clock and webhook delivery. */
function platformApi(
  context: SimulatorRooms,
  options: CloudApiSimulatorOptions,
  webhookFetch: typeof fetch,
  settle: () => void,
) {
  const auth =
    options.accessTokens === undefined ? {} : { accessTokens: [...options.accessTokens] };
  const api: Pick<
    CloudApiSimulator,
    | 'fetch'
    | 'now'
    | 'advanceTime'
    | 'tick'
    | 'onWebhook'
    | 'onChange'
    | 'drain'
    | 'flush'
    | 'configureDelivery'
    | 'verifyWebhook'
    | 'callMedia'
    | 'closeMedia'
    | 'exportState'
  > = {
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
      await context.dispatcher.emit(timedUpdates(context));
    },
    tick: () => context.dispatcher.emit(timedUpdates(context)),
    callMedia: (callId) => context.media?.peer(callId),
    closeMedia: async () => context.media?.closeAll(),
    onWebhook: (listener) => context.dispatcher.onWebhook(listener),
    onChange(listener) {
      context.changeListeners.add(listener);
      return () => context.changeListeners.delete(listener);
    },
    exportState: () => exportWorld(context),
    drain: () => context.dispatcher.drain(),
    flush: () => context.dispatcher.flush(),
    configureDelivery: (delivery) => context.dispatcher.configure(delivery),
    verifyWebhook(verifyToken) {
      if (options.webhookUrl === undefined)
        usage('verifyWebhook needs a webhookUrl.', 'Pass webhookUrl to createCloudApiSimulator.');
      return verifySubscription(options.webhookUrl, verifyToken, webhookFetch, context.random);
    },
  };
  return api;
}

/** Creates a stateful simulator of the WhatsApp Cloud Calling API that enforces Meta's rules and sends signed webhooks. */
export function createCloudApiSimulator(options: CloudApiSimulatorOptions): CloudApiSimulator {
  checkOptions(options);
  const webhookFetch = options.webhookFetch ?? ((input, init) => globalThis.fetch(input, init));
  // A delayed review wakes the simulator in real time too, so a live demo sees it without traffic.
  const wake = (ms: number) => {
    const timer = setTimeout(() => settle(), ms + 1);
    if (typeof timer === 'object' && 'unref' in timer) timer.unref();
  };
  const context = createContext(options, webhookFetch, wake);
  let defaults = addBusinessNumber(
    context,
    { ...defaultBusinessNumber, ...options.businessNumber },
    defaultBusinessNumber,
  );
  if (options.state !== undefined) {
    context.restored = restoreWorld(context, options.state);
    // The saved number wins over the options' one with the same id: its settings may have changed.
    defaults = publicBusiness(
      businessState(context, defaults.phoneNumberId, defaults.phoneNumberId),
    );
  }
  // Time-based outcomes are settled before anything looks at the state; webhooks go out in the background.
  const settle = () => void context.dispatcher.emit(timedUpdates(context));
  return {
    limits: context.limits,
    businessNumber: defaults,
    get webhooks() {
      return context.dispatcher.log;
    },
    ...worldApi(context, defaults, settle),
    ...platformApi(context, options, webhookFetch, settle),
  };
}
