/**
 * The simulated world: its records, its time, its numbers and its randomness. Internal: users hold
 * a `CloudApiSimulator`. Each function takes a `Pick` of it with only the parts it reads or writes.
 */
import type { SimulatorClock } from './clock';
import type { SimulatorLimits } from './limits';
import type { SimulatorRandom } from './random';
import type {
  BusinessState,
  CallState,
  ConversationState,
  CustomerProfile,
  StoredMedia,
} from './state';

export interface World {
  readonly limits: SimulatorLimits;
  readonly random: SimulatorRandom;
  readonly clock: SimulatorClock;
  readonly businesses: Map<string, BusinessState>;
  readonly customers: Map<string, CustomerProfile>;
  /** Keyed by `${phoneNumberId}:${waId}`. */
  readonly conversations: Map<string, ConversationState>;
  readonly calls: Map<string, CallState>;
  /** Recordings and transcripts by media id. */
  readonly mediaFiles: Map<string, StoredMedia>;
}

/** Time and the platform's numbers: what the rules of the world read. */
export type WorldRules = Pick<World, 'clock' | 'limits'>;
