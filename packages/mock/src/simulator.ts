/** `createCloudApiSimulator()`: one simulated Cloud API — business numbers, customers, calls, webhooks. */
import { SimulatorMedia } from './media/simulator-media';
import {
  addBusinessNumber,
  businessState,
  defaultBusinessNumber,
  publicBusiness,
} from './business-numbers';
import { expireRingingCalls } from './call-flow';
import { SimulatorClock } from './clock';
import type { SimulatorContext } from './context';
import { conversationFor } from './conversations';
import { createCustomer } from './customer';
import { SimulatorUsageError } from './errors/simulator-usage-error';
import { handleGraphRequest } from './graph-router';
import { resolveLimits } from './limits';
import { SimulatorRandom } from './random';
import type { CloudApiSimulator, CloudApiSimulatorOptions } from './simulator-types';
import { callSnapshot, customerSnapshot } from './snapshots';
import type { BusinessNumber } from './state';
import { TemplateStore } from './template-store';
import { verifySubscription } from './verify-subscription';
import { WebhookDispatcher } from './webhook-dispatcher';

export type {
  CloudApiSimulator,
  CloudApiSimulatorOptions,
  CustomerOptions,
} from './simulator-types';

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
    mediaFiles: new Map(),
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
    ...(options.media
      ? { media: new SimulatorMedia(options.media === true ? {} : options.media) }
      : {}),
  };
}

/** Numbers, customers, calls and templates: setting the world up and looking at it. */
function worldApi(
  context: SimulatorContext,
  defaults: BusinessNumber,
  settle: () => void,
): Omit<
  CloudApiSimulator,
  'limits' | 'businessNumber' | 'webhooks' | keyof ReturnType<typeof platformApi>
> {
  const business = (phoneNumberId?: string) =>
    businessState(context, phoneNumberId, defaults.phoneNumberId);
  const wabaOf = (wabaId?: string) => wabaId ?? defaults.wabaId;
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
    templates: (wabaId) => context.templates.list(wabaOf(wabaId)).map((t) => structuredClone(t)),
    setTemplateStatus(name, status, wabaId) {
      if (context.templates.setStatus(wabaOf(wabaId), name, status).length === 0) {
        usage(
          `No template named ${name}.`,
          'Create it with POST /{waba-id}/message_templates first.',
        );
      }
    },
  };
}

/** The Graph face, the clock and webhook delivery. */
function platformApi(
  context: SimulatorContext,
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
      await context.dispatcher.emit(expireRingingCalls(context));
    },
    tick: () => context.dispatcher.emit(expireRingingCalls(context)),
    callMedia: (callId) => context.media?.peer(callId),
    closeMedia: async () => context.media?.closeAll(),
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
  return api;
}

/** Creates a stateful simulator of the WhatsApp Cloud Calling API that enforces Meta's rules and sends signed webhooks. */
export function createCloudApiSimulator(options: CloudApiSimulatorOptions): CloudApiSimulator {
  checkOptions(options);
  const webhookFetch = options.webhookFetch ?? ((input, init) => globalThis.fetch(input, init));
  const context = createContext(options, webhookFetch);
  const defaults = addBusinessNumber(
    context,
    { ...defaultBusinessNumber, ...options.businessNumber },
    defaultBusinessNumber,
  );
  // Time-based outcomes are settled before anything looks at the state; webhooks go out in the background.
  const settle = () => void context.dispatcher.emit(expireRingingCalls(context));
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
