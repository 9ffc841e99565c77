import type { CallPermissions } from '../client/permission-types';
import { MemoryStore } from '../store/memory-store';
import { updateValue } from '../store/update-value';
import type { WebhookEvent } from '../webhooks/events';
import { applyEvent } from './apply-event';
import { customerKey, eventCustomer } from './customer-key';
import { decide } from './decide';
import type { DecideContext } from './decide';
import { decisionMessages } from './decision-messages';
import { derivePermissionState } from './derive-state';
import { businessDigits, checkInput } from './engine-input';
import type { CheckInput, PermissionEngineOptions } from './engine-input';
import { PermissionEngineError } from './permission-engine-error';
import { resolvePolicy } from './policy';
import { reservationIds } from './reservation-ids';
import type { PermissionPolicy } from './policy';
import { countryOfNumber, phoneDigits } from './region';
import { commitUse, holdUse, recordUse, releaseUse } from './reservation';
import type { Reservation, ReservationCommit, ReserveResult } from './reservation';
import { decodeState, pruneState, stateTtl } from './stored-state';
import type { StoredPermissionState } from './stored-state';
import { syncPermissionsInput } from './sync-input';
import { syncState } from './sync-permissions';
import type { Decision, PermissionAction, PermissionState } from './types';

/** A customer's permission before and after an event or a sync. */
export interface PermissionUpdate {
  customer: string;
  before: PermissionState;
  after: PermissionState;
  /** Whether anything stored changed (a duplicate event changes nothing). */
  changed: boolean;
}

export interface PermissionEngine {
  /** The policy in force (defaults merged with your override). */
  readonly policy: PermissionPolicy;
  /** The business number's digits. */
  readonly businessNumber: string;
  /** The business number's country (ISO 3166 alpha-2), when its calling code is known. */
  readonly businessCountry: string | undefined;
  /** May this action be taken now? Reads state, records nothing. */
  check(input: CheckInput): Promise<Decision>;
  /** The same decision, and when allowed, the use recorded atomically: `commit()` or `release()` it. */
  reserve(input: CheckInput): Promise<ReserveResult>;
  /** Moves state on a webhook event; `undefined` for events that concern no customer of this number. */
  apply(event: WebhookEvent): Promise<PermissionUpdate | undefined>;
  /** The customer's permission as of now (temporary grants and requests expire by the clock). */
  state(customer: string): Promise<PermissionState>;
  /** Adopts the platform's answer of `client.permissions.get()` where it disagrees with local state. */
  sync(customer: string, permissions: CallPermissions): Promise<PermissionUpdate>;
}

/**
 * The permission rule engine: decides, before anything is sent to Meta, whether an action is allowed
 * for a customer, which message format to use, and if not, why and until when.
 */
export function createPermissionEngine(options: PermissionEngineOptions): PermissionEngine {
  const businessNumber = businessDigits(options);
  const policy = resolvePolicy(options.policy);
  const now = options.now ?? Date.now;
  const store = options.store ?? new MemoryStore({ now });
  const businessCountry = options.businessCountry ?? countryOfNumber(businessNumber);
  const regionBlocked =
    businessCountry !== undefined &&
    policy.businessInitiatedUnavailableIn.includes(businessCountry);
  const messages = Object.freeze({ ...decisionMessages, ...options.messages });
  const keyOf = (customer: string) => `permissions:${businessNumber}:${customer}`;
  const reservationId = reservationIds();

  const context = async (): Promise<DecideContext> => {
    const setting = options.callingEnabled ?? true;
    const callingEnabled = typeof setting === 'function' ? await setting() : setting;
    return { policy, messages, regionBlocked, callingEnabled: callingEnabled !== false };
  };

  const read = async (customer: string): Promise<StoredPermissionState> => {
    const key = keyOf(customer);
    return decodeState((await store.get(key))?.value, key);
  };

  /** Atomic read-modify-write of one customer's facts; `change` returns `undefined` to write nothing. */
  const mutate = async (
    customer: string,
    change: (state: StoredPermissionState, at: number) => StoredPermissionState | undefined,
  ): Promise<PermissionUpdate> => {
    const key = keyOf(customer);
    const result: { update?: PermissionUpdate } = {};
    await updateValue<StoredPermissionState>(store, key, (current) => {
      const at = now();
      const state = decodeState(current, key);
      const before = derivePermissionState(state, at, policy);
      const changed = change(state, at);
      const next = changed && pruneState(changed, at, policy);
      const written =
        next !== undefined &&
        JSON.stringify(next) !== JSON.stringify(pruneState(state, at, policy));
      const after = written ? derivePermissionState(next, at, policy) : before;
      result.update = { customer, before, after, changed: written };
      if (!written) return undefined;
      const ttlMs = stateTtl(next, at, policy, after.permission === 'granted' && after.permanent);
      return ttlMs === undefined ? { value: next } : { value: next, ttlMs };
    });
    if (!result.update)
      throw new Error('unreachable: updateValue always calls change at least once');
    return result.update;
  };

  const settle = (customer: string, action: PermissionAction, id: string) => {
    let settled: 'committed' | 'released' | 'held' | undefined;
    const once = async (kind: 'committed' | 'released' | 'held', run: () => Promise<unknown>) => {
      if (settled === kind) return;
      if (settled !== undefined) {
        throw new PermissionEngineError(
          'reservation_settled',
          `Reservation ${id} was already ${settled}; call one of commit() (it succeeded), release() (Meta refused it) or hold() (the outcome is unknown), once.`,
        );
      }
      settled = kind;
      await run();
    };
    return {
      commit: (details: ReservationCommit = {}) =>
        once('committed', () => mutate(customer, (state) => commitUse(state, action, id, details))),
      release: () =>
        once('released', () => mutate(customer, (state) => releaseUse(state, action, id))),
      hold: () =>
        once('held', () => mutate(customer, (state, at) => holdUse(state, action, id, at, policy))),
    };
  };

  return {
    policy,
    businessNumber,
    businessCountry,

    async check(input) {
      const { customer, ...decideInput } = checkInput(input);
      const [state, ctx] = await Promise.all([read(customer), context()]);
      return decide(state, decideInput, now(), ctx);
    },

    async reserve(input) {
      const { customer, ...decideInput } = checkInput(input);
      const ctx = await context();
      const id = reservationId();
      // The decision of the attempt that won the write (an attempt may be retried after a conflict).
      const outcome: { decision?: Decision; at: number } = { at: 0 };
      await mutate(customer, (state, at) => {
        const decision = decide(state, decideInput, at, ctx);
        outcome.decision = decision;
        outcome.at = at;
        return decision.allowed ? recordUse(state, decideInput.action, id, at) : undefined;
      });
      const decision = outcome.decision;
      if (!decision) throw new Error('unreachable: mutate always decides');
      if (!decision.allowed) return { ...decision, allowed: false };
      const reservation: Reservation = {
        ...decision,
        allowed: true,
        reservationId: id,
        ...settle(customer, decideInput.action, id),
      };
      return reservation;
    },

    async apply(event) {
      if (!concernsThisNumber(event, options.phoneNumberId, businessNumber)) return undefined;
      const customer = eventCustomer(event);
      if (customer === undefined) return undefined;
      return mutate(customer, (state) => applyEvent(state, event, policy));
    },

    async state(customer) {
      const key = customerKey(customer);
      return derivePermissionState(await read(key), now(), policy);
    },

    async sync(customer, permissions) {
      const key = customerKey(customer);
      const checked = syncPermissionsInput(permissions);
      return mutate(key, (state, at) => syncState(state, checked, at, policy));
    },
  };
}

/** Events for another business number sharing the webhook must not touch this number's customers. */
function concernsThisNumber(
  event: WebhookEvent,
  phoneNumberId: string | undefined,
  businessNumber: string,
): boolean {
  if (phoneNumberId !== undefined) return event.phoneNumberId === phoneNumberId;
  if (event.displayPhoneNumber === undefined || event.displayPhoneNumber === '') return true;
  return phoneDigits(event.displayPhoneNumber) === businessNumber;
}
