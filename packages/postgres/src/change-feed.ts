import type { ChangeFeedListener, JsonValue } from '@wacall/core';

/**
 * Opens one LISTEN: calls `onPayload` for each notification and `onLost` once if the connection drops.
 * Resolves with a function that stops listening and closes what it opened.
 */
export type OpenListen = (
  onPayload: (payload: string) => void,
  onLost: () => void,
) => Promise<() => Promise<void>>;

/** Reads a message too large for a NOTIFY payload from the feed table. */
export type FetchMessage = (id: string) => Promise<string | undefined>;

const firstRetryMs = 100;
const maxRetryMs = 2_000;

/**
 * The change feed on LISTEN/NOTIFY: one listening connection per store, shared by its listeners, opened
 * on the first `subscribe`. NOTIFY delivers each committed message once to each listening session, in
 * commit order; whatever is sent while the connection is down is lost, so once it is back (the feed
 * reconnects by itself) every listener hears `resync()`.
 */
export class ChangeFeed {
  readonly #open: OpenListen;
  readonly #fetch: FetchMessage;
  readonly #listeners = new Set<ChangeFeedListener>();
  #stop: Promise<() => Promise<void>> | undefined;
  /** Deliveries run one after another, so a message fetched from the table keeps its place. */
  #delivery: Promise<void> = Promise.resolve();
  #retry: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(open: OpenListen, fetch: FetchMessage) {
    this.#open = open;
    this.#fetch = fetch;
  }

  /** Adds a listener once the connection listens; resolves with a function that removes it. */
  async add(listener: ChangeFeedListener): Promise<() => Promise<void>> {
    this.#stop ??= this.#connect().catch((error: unknown) => {
      this.#stop = undefined;
      throw error;
    });
    await this.#stop;
    // A wrapper per call, so the same listener added twice is two independent subscriptions.
    const subscription: ChangeFeedListener = {
      message: (message) => listener.message(message),
      resync: () => listener.resync(),
    };
    this.#listeners.add(subscription);
    return async () => void this.#listeners.delete(subscription);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    if (this.#retry) clearTimeout(this.#retry);
    const stop = await this.#stop?.catch(() => undefined);
    this.#stop = undefined;
    await stop?.().catch(() => undefined);
  }

  #connect(): Promise<() => Promise<void>> {
    let lost = false;
    return this.#open(
      (payload) => this.#received(payload),
      () => {
        if (lost || this.#closed) return;
        lost = true;
        this.#reconnect(firstRetryMs);
      },
    );
  }

  #reconnect(delayMs: number): void {
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (this.#closed) return;
      this.#connect().then(
        async (stop) => {
          if (this.#closed) return stop();
          // Subscriptions added meanwhile waited on the dead connection; they hear resync too.
          const previous = this.#stop;
          this.#stop = Promise.resolve(stop);
          void previous?.then((stopDead) => stopDead()).catch(() => undefined);
          for (const listener of [...this.#listeners]) listener.resync();
        },
        () => {
          if (!this.#closed) this.#reconnect(Math.min(delayMs * 2, maxRetryMs));
        },
      );
    }, delayMs);
    this.#retry.unref?.();
  }

  /** Payloads are `<position>:<json>` or, for a message kept in the feed table, `<position>#<id>`. */
  #received(payload: string): void {
    const match = /^\d+([:#])/.exec(payload);
    if (!match) return;
    const rest = payload.slice(match[0].length);
    this.#delivery = this.#delivery.then(async () => {
      let text: string | undefined = rest;
      if (match[1] === '#') {
        text = await this.#fetch(rest).catch(() => undefined);
        // The message is gone or unreadable: listeners refetch instead of missing it silently.
        if (text === undefined) {
          for (const listener of [...this.#listeners]) listener.resync();
          return;
        }
      }
      let message: JsonValue;
      try {
        message = JSON.parse(text) as JsonValue;
      } catch {
        return;
      }
      for (const listener of [...this.#listeners]) deliver(listener, message);
    });
  }
}

/** A listener that throws must not starve the others. */
function deliver(listener: ChangeFeedListener, message: JsonValue): void {
  try {
    listener.message(message);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
