import type { ChangeFeedListener, JsonValue } from './store';

/**
 * The listeners of one store's change feed, for Store implementations: each `add` is an independent
 * subscription (the same listener added twice hears everything twice, and each stops on its own), and a
 * listener that throws neither stops the others nor undoes the commit that published.
 */
export class FeedListeners {
  readonly #listeners = new Set<ChangeFeedListener>();

  /** Adds a subscription; resolves the function that ends it. */
  add(listener: ChangeFeedListener): () => Promise<void> {
    const subscription: ChangeFeedListener = {
      message: (message) => listener.message(message),
      resync: () => listener.resync(),
    };
    this.#listeners.add(subscription);
    return async () => void this.#listeners.delete(subscription);
  }

  /**
   * Hands a published message (its JSON text) to every subscription, each its own parsed copy, as a
   * shared backend would. Text that is not JSON was not published by a Store and is dropped.
   */
  deliver(text: string): void {
    try {
      JSON.parse(text);
    } catch {
      return;
    }
    for (const listener of [...this.#listeners]) {
      guard(() => listener.message(JSON.parse(text) as JsonValue));
    }
  }

  /** Tells every subscription that messages may have been missed. */
  resync(): void {
    for (const listener of [...this.#listeners]) guard(() => listener.resync());
  }

  clear(): void {
    this.#listeners.clear();
  }
}

/** Rethrows a listener's error outside the store's own call stack, where it cannot undo anything. */
function guard(run: () => void): void {
  try {
    run();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
