/** Telling live UIs that a call or a customer changed, with a fresh snapshot. */
import {
  callSnapshot,
  customerSnapshot,
  type CallSnapshot,
  type CustomerSnapshot,
} from './snapshots';
import type { CallState, ConversationState } from './state';
import type { World } from './world';

/** Something in the simulated world changed; UIs re-render from the snapshot. */
export type SimulatorChange =
  { type: 'call'; call: CallSnapshot } | { type: 'customer'; customer: CustomerSnapshot };

export type SimulatorChangeListener = (change: SimulatorChange) => void;

/** What telling the listeners needs: the listeners, and what a customer snapshot reads. */
export type ChangeFeed = Pick<World, 'calls' | 'clock' | 'limits'> & {
  readonly changeListeners: Set<SimulatorChangeListener>;
};

/** Tells every `onChange` listener; a listener that throws never breaks the simulation. */
export function notifyCall(context: ChangeFeed, call: CallState): void {
  notify(context, { type: 'call', call: callSnapshot(call) });
  notify(context, { type: 'customer', customer: customerSnapshot(context, call.conversation) });
}

export function notifyCustomer(context: ChangeFeed, conversation: ConversationState): void {
  notify(context, { type: 'customer', customer: customerSnapshot(context, conversation) });
}

function notify(context: ChangeFeed, change: SimulatorChange): void {
  for (const listener of context.changeListeners) {
    try {
      listener(change);
    } catch {
      // A UI listener's bug must not corrupt the simulated platform's state.
    }
  }
}
