import type EventEmitter from 'eventemitter3';
import type { CallRecord } from '../calls/types';
import type { Store } from '../store/store';
import { isFeedMessage } from './feed-message';
import type { WacallEventMap } from './wacall-types';

/**
 * Turns the Store's change feed into this instance's events. Subscribes on first use (and again after a
 * failed attempt), so creating a Wacall never fails because the store is briefly unreachable.
 */
export function listenToFeed(
  store: Store,
  businessDigits: string,
  emitter: EventEmitter<WacallEventMap>,
  /** Also hears every call change (presence follows the calls agents are in). */
  onCall?: (call: CallRecord) => void,
) {
  let subscription: Promise<() => Promise<void>> | undefined;
  let closed = false;
  const listener = {
    message(message: unknown) {
      if (!isFeedMessage(message, businessDigits)) return;
      switch (message.type) {
        case 'call.updated':
          emitter.emit('call.updated', message.call);
          onCall?.(message.call);
          break;
        case 'permission.updated':
          emitter.emit('permission.updated', message.update);
          break;
        case 'template.updated':
          emitter.emit('template.updated', message.update);
          break;
        case 'call.offered':
          emitter.emit('call.offered', message.offer);
          break;
        case 'call.offer_withdrawn':
          emitter.emit('call.offer_withdrawn', message.withdrawn);
          break;
        case 'presence.updated':
          emitter.emit('presence.updated', message.presence);
          break;
        default:
          emitter.emit(message.type, message.activity);
      }
    },
    resync() {
      emitter.emit('resync');
    },
  };
  return {
    async ready(): Promise<void> {
      if (closed) return;
      subscription ??= store.subscribe(listener).catch((error: unknown) => {
        subscription = undefined;
        throw error;
      });
      await subscription;
    },
    async close(): Promise<void> {
      closed = true;
      const stop = await subscription?.catch(() => undefined);
      subscription = undefined;
      await stop?.();
    },
  };
}
