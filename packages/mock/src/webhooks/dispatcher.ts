/**
 * Turns the updates each simulator step produces into signed deliveries, records them, and hands
 * them — in order, one at a time — to listeners and to the webhook URL.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SimulatorRandom } from '../world/random';
import { buildEnvelopes, serialiseLikeMeta, signBody, type WebhookEnvelope } from './envelope';
import type { WebhookUpdate } from './payloads';

/** How webhooks leave the simulator. Change at runtime with `simulator.configureDelivery()`. */
export interface DeliveryOptions {
  /** Put every update of one step (or of one `flush()`) into a single envelope. Default `false`. */
  batch?: boolean;
  /** Deliver some bodies twice, as Meta's at-least-once delivery does: `true`, or a probability 0–1. */
  duplicate?: boolean | number;
  /** Change the order of the deliveries of one step (or one `flush()`). `true` means `'shuffle'`. */
  reorder?: boolean | 'shuffle' | 'reverse';
  /** `false` holds every update until `flush()`, so reordering can cross steps. Default `true`. */
  autoDeliver?: boolean;
  /**
   * Fields the app is subscribed to; updates of other fields are not sent. Default `calls`,
   * `messages` and `message_template_status_update`.
   */
  subscribedFields?: readonly string[];
}

/** One webhook POST: the exact bytes, their signature, and what happened to it. */
export interface WebhookDelivery {
  /** Position in the order the simulator produced deliveries, from 1. */
  readonly sequence: number;
  /** The exact body bytes (Meta-style JSON), as POSTed. */
  readonly body: string;
  /** `X-Hub-Signature-256` header value: `sha256=<hex>` over `body`. */
  readonly signature: string;
  /** Every header the POST carries. */
  readonly headers: Readonly<Record<string, string>>;
  /** `body`, parsed. */
  readonly payload: WebhookEnvelope;
  /** Set on the second copy of a duplicated delivery: the sequence of the first. */
  readonly duplicateOf?: number;
  /** `queued` until listeners and the webhook URL have seen it. */
  readonly state: 'queued' | 'delivered' | 'failed';
  /** The webhook URL's HTTP status, when one was POSTed to. */
  readonly responseStatus?: number;
  /** Why delivery failed (a listener threw, the URL refused or was unreachable). */
  readonly error?: string;
}

type MutableDelivery = { -readonly [K in keyof WebhookDelivery]: WebhookDelivery[K] };

export type WebhookListener = (delivery: WebhookDelivery) => void | Promise<unknown>;

export interface DispatcherConfig {
  appSecret: string;
  webhookUrl?: string;
  fetch: typeof fetch;
  random: SimulatorRandom;
  options: DeliveryOptions;
  /** How many deliveries `webhooks` keeps (oldest dropped first). */
  historyLimit: number;
}

const metaTimeoutMs = 20_000;
const defaultSubscribedFields = ['calls', 'messages', 'message_template_status_update'];

/**
 * Marks the work a listener (or an in-process webhook handler) does for a delivery, so a step it
 * starts can tell it would wait on itself; another caller's step is not marked and waits as promised.
 */
const insideDelivery = new AsyncLocalStorage<WebhookDispatcher>();

export class WebhookDispatcher {
  readonly log: MutableDelivery[] = [];
  private undrained: MutableDelivery[] = [];
  private held: WebhookUpdate[] = [];
  private readonly listeners = new Set<WebhookListener>();
  private chain: Promise<void> = Promise.resolve();
  private sequence = 0;

  constructor(private readonly config: DispatcherConfig) {}

  configure(options: DeliveryOptions): void {
    Object.assign(this.config.options, options);
  }

  onWebhook(listener: WebhookListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues the updates of one step. `afterResponse` lets an API response reach its caller before
   * the webhooks it causes, as with Meta. Resolves when this step's deliveries are done.
   */
  emit(updates: readonly WebhookUpdate[], afterResponse = false): Promise<void> {
    const subscribed = this.config.options.subscribedFields ?? defaultSubscribedFields;
    const wanted = updates.filter((one) => subscribed.includes(one.field));
    if (wanted.length === 0) return Promise.resolve();
    if (this.config.options.autoDeliver === false) {
      this.held.push(...wanted);
      return Promise.resolve();
    }
    const done = this.dispatch(wanted, afterResponse);
    // Called from inside one of our deliveries (a listener acting on the simulator): waiting for our
    // own queue would deadlock, so that step resolves once its webhooks are queued. Every other caller
    // waits for its deliveries, whoever else is delivering at the time.
    return insideDelivery.getStore() === this ? Promise.resolve() : done;
  }

  /** Releases held updates as one group and waits until every delivery so far is done. */
  async flush(): Promise<void> {
    const held = this.held;
    this.held = [];
    if (held.length > 0) void this.dispatch(held, false);
    // A listener may cause more webhooks (it called the API); wait until the queue stays empty.
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  /** Deliveries produced since the last `drain()`, oldest first. */
  drain(): WebhookDelivery[] {
    const drained = this.undrained;
    this.undrained = [];
    return drained;
  }

  private dispatch(updates: readonly WebhookUpdate[], afterResponse: boolean): Promise<void> {
    const group = this.arrange(buildEnvelopes(updates, this.config.options.batch === true));
    const delivery = this.chain.then(async () => {
      if (afterResponse) await new Promise((resolve) => setTimeout(resolve, 0));
      for (const one of group) await this.send(one);
    });
    this.chain = delivery;
    return delivery;
  }

  /** Signs and records a group's deliveries, with duplicates and reordering applied. */
  private arrange(envelopes: readonly WebhookEnvelope[]): MutableDelivery[] {
    const { duplicate = false, reorder = false } = this.config.options;
    const probability = duplicate === true ? 1 : duplicate === false ? 0 : duplicate;
    const group: MutableDelivery[] = [];
    for (const envelope of envelopes) {
      const original = this.record(envelope);
      group.push(original);
      if (probability > 0 && this.config.random.next() < probability) {
        group.push(this.record(envelope, original.sequence));
      }
    }
    const order = reorder === true ? 'shuffle' : reorder;
    const arranged = order === false ? group : this.reorder(group, order);
    this.remember(arranged);
    return arranged;
  }

  private reorder(group: MutableDelivery[], order: 'shuffle' | 'reverse'): MutableDelivery[] {
    if (group.length < 2) return group;
    if (order === 'reverse') return [...group].reverse();
    const shuffled = this.config.random.shuffle(group);
    // A shuffle that changed nothing would make `reorder` silently a no-op; rotate instead.
    return shuffled.every((one, index) => one === group[index])
      ? [...group.slice(1), group[0] as MutableDelivery]
      : shuffled;
  }

  private record(envelope: WebhookEnvelope, duplicateOf?: number): MutableDelivery {
    const body = serialiseLikeMeta(envelope);
    const signature = signBody(body, this.config.appSecret);
    this.sequence += 1;
    return {
      sequence: this.sequence,
      body,
      signature,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signature,
        'user-agent': 'facebookexternalua',
      },
      payload: JSON.parse(body) as WebhookEnvelope,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
      state: 'queued',
    };
  }

  private remember(group: readonly MutableDelivery[]): void {
    const { historyLimit } = this.config;
    this.log.push(...group);
    this.undrained.push(...group);
    if (this.log.length > historyLimit) this.log.splice(0, this.log.length - historyLimit);
    if (this.undrained.length > historyLimit) {
      this.undrained.splice(0, this.undrained.length - historyLimit);
    }
  }

  private send(delivery: MutableDelivery): Promise<void> {
    return insideDelivery.run(this, () => this.post(delivery));
  }

  private async post(delivery: MutableDelivery): Promise<void> {
    try {
      for (const listener of this.listeners) await listener(delivery);
      if (this.config.webhookUrl !== undefined) {
        const response = await this.config.fetch(this.config.webhookUrl, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(metaTimeoutMs),
        });
        delivery.responseStatus = response.status;
        // Drain the body so keep-alive sockets are reused.
        await response.arrayBuffer().catch(() => undefined);
        if (!response.ok) throw new Error(`the webhook URL answered HTTP ${response.status}`);
      }
      delivery.state = 'delivered';
    } catch (error) {
      delivery.state = 'failed';
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }
}
