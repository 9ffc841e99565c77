import type { Cluster, Redis } from 'ioredis';
import { FeedListeners } from '@wacall/core/engine';
import type { ChangeFeedListener } from '@wacall/core';

/**
 * The change feed on Redis pub/sub: one subscriber connection per store, shared by its listeners.
 * Pub/sub delivers each message once to each connected subscriber; what is published while the
 * connection is down is lost, so every listener hears `resync()` once it is back.
 */
export class ChangeFeed {
  readonly channel: string;
  readonly #connect: () => Redis | Cluster;
  readonly #listeners = new FeedListeners();
  #connection: Promise<Redis | Cluster> | undefined;
  #broken = false;

  constructor(connect: () => Redis | Cluster, channel: string) {
    this.#connect = connect;
    this.channel = channel;
  }

  /** Adds a listener once the subscription is live; resolves with a function that removes it. */
  async add(listener: ChangeFeedListener): Promise<() => Promise<void>> {
    await this.#subscribed();
    return this.#listeners.add(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    const connection = await this.#connection?.catch(() => undefined);
    this.#connection = undefined;
    if (connection) await connection.quit().catch(() => connection.disconnect());
  }

  #subscribed(): Promise<Redis | Cluster> {
    this.#connection ??= this.#open().catch((error: unknown) => {
      this.#connection = undefined;
      throw error;
    });
    return this.#connection;
  }

  async #open(): Promise<Redis | Cluster> {
    const connection = this.#connect();
    // Failures show up as `resync` once the connection is back; the event would only be logged.
    connection.on('error', () => undefined);
    connection.on('close', () => void (this.#broken = true));
    // ioredis subscribes again by itself after reconnecting; messages in between are lost.
    connection.on('ready', () => {
      if (!this.#broken) return;
      this.#broken = false;
      this.#listeners.resync();
    });
    connection.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.#listeners.deliver(text);
    });
    try {
      await connection.subscribe(this.channel);
    } catch (error) {
      connection.disconnect();
      throw error;
    }
    return connection;
  }
}
