/** The state every part of the simulator shares. Internal: users hold a `CloudApiSimulator`. */
import type { StoredMedia } from '../flows/call-recordings';
import type { SimulatorClock } from './clock';
import type { SimulatorLimits } from './limits';
import type { SimulatorMedia } from '../media/simulator-media';
import type { SimulatorRandom } from './random';
import type { CallSnapshot, CustomerSnapshot } from './snapshots';
import type { BusinessState, CallState, ConversationState, CustomerProfile } from './state';
import type { TemplateReviewOption } from './template-review';
import type { TemplateStore } from './template-store';
import type { WebhookDispatcher } from '../webhooks/dispatcher';

/** Something in the simulated world changed; UIs re-render from the snapshot. */
export type SimulatorChange =
  { type: 'call'; call: CallSnapshot } | { type: 'customer'; customer: CustomerSnapshot };

export type SimulatorChangeListener = (change: SimulatorChange) => void;

export interface SimulatorBehaviour {
  /** A free-form message outside the window: refused at once (131047), or accepted then failed by webhook. */
  outsideWindow: 'reject' | 'fail_status';
  /** How new templates are reviewed. */
  templateReview: TemplateReviewOption;
}

export interface SimulatorContext {
  readonly limits: SimulatorLimits;
  readonly random: SimulatorRandom;
  readonly clock: SimulatorClock;
  readonly behaviour: SimulatorBehaviour;
  readonly businesses: Map<string, BusinessState>;
  readonly customers: Map<string, CustomerProfile>;
  /** Keyed by `${phoneNumberId}:${waId}`. */
  readonly conversations: Map<string, ConversationState>;
  readonly calls: Map<string, CallState>;
  /** Recordings and transcripts by media id. */
  readonly mediaFiles: Map<string, StoredMedia>;
  readonly templates: TemplateStore;
  readonly dispatcher: WebhookDispatcher;
  readonly changeListeners: Set<SimulatorChangeListener>;
  /** Real WebRTC peers per call, when the simulator was created with `media`. */
  readonly media?: SimulatorMedia;
}
