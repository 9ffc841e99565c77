/**
 * The platform's limits as the simulator enforces them. Every default comes from
 * `@wacall/core/platform`, the one table of platform facts; pass `limits` to
 * `createCloudApiSimulator` to simulate another era or a sandbox number.
 */
import {
  businessCallingUnavailableCountries,
  callLimits,
  customerServiceWindowMs,
  permissionLimits,
  type RollingLimit,
} from '@wacall/core/platform';
import { SimulatorUsageError } from '../errors/simulator-usage-error';

export type { RollingLimit };

export interface SimulatorLimits {
  /** Permission requests per business number + user; every rule must hold. Reset by a connected call. */
  permissionRequests: RollingLimit[];
  /** Connected business-initiated calls per business number + user (error 138012). */
  connectedCallsPerUser: RollingLimit;
  /** `connect` requests per business number (error 138005). */
  callInitiationsPerNumber: RollingLimit;
  /** Calls in progress per business number at once (error 138002). */
  concurrentCallsPerNumber: number;
  /** How long a temporary permission lasts after the user approves it. */
  temporaryPermissionMs: number;
  /** How long the user can still act on a permission request after it was sent or answered. */
  permissionRequestLifetimeMs: number;
  /** Consecutive unanswered or rejected business-initiated calls that revoke the permission. */
  autoRevokeAfterMissedCalls: number;
  /** The customer-service window opened by an inbound message or call. */
  customerServiceWindowMs: number;
  /** How long an incoming call rings before the platform ends it as not answered. */
  incomingAnswerWindowMs: number;
  /** How long a business-initiated call rings before the platform ends it as not answered. */
  outgoingRingTimeoutMs: number;
  /** Countries (ISO codes) whose business numbers cannot place calls or ask for permission (138013). */
  businessCallingUnavailableCountries: string[];
}

/** The platform table's values, as one object the simulator's options can override. */
export const defaultLimits: SimulatorLimits = {
  permissionRequests: [
    { ...permissionLimits.requestsPerDay },
    { ...permissionLimits.requestsPerWeek },
  ],
  connectedCallsPerUser: { ...callLimits.connectedCallsPerCustomer },
  callInitiationsPerNumber: { ...callLimits.callInitiationsPerNumber },
  concurrentCallsPerNumber: callLimits.concurrentCallsPerNumber,
  temporaryPermissionMs: permissionLimits.temporaryGrantMs,
  permissionRequestLifetimeMs: permissionLimits.requestExpiryMs,
  autoRevokeAfterMissedCalls: permissionLimits.missedCallsBeforeAutoRevoke,
  customerServiceWindowMs,
  incomingAnswerWindowMs: callLimits.incomingAnswerWindowMs,
  outgoingRingTimeoutMs: callLimits.outgoingRingTimeoutMs,
  businessCallingUnavailableCountries: [...businessCallingUnavailableCountries],
};

/** A rolling limit as an override may spell it: `windowMs`, or the older `periodMs` and `period`. */
export type RollingLimitOverride = Partial<RollingLimit> & {
  /** @deprecated Use `windowMs`; kept so limits written for earlier versions still apply. */
  periodMs?: number;
  /** @deprecated Ignored: the label `GET call_permissions` reports is derived from `windowMs`. */
  period?: string;
};

/** Overrides for `defaultLimits`; a rolling limit can be overridden by its `max` alone. */
export type SimulatorLimitsOverrides = Partial<
  Omit<SimulatorLimits, 'permissionRequests' | 'connectedCallsPerUser' | 'callInitiationsPerNumber'>
> & {
  /** Replaces the request rules; each needs `max` and its window (`windowMs`). */
  permissionRequests?: readonly (RollingLimitOverride & { max: number })[];
  connectedCallsPerUser?: RollingLimitOverride;
  callInitiationsPerNumber?: RollingLimitOverride;
};

/** One override merged onto its default; `periodMs` is read as `windowMs`. */
function rollingLimit(
  base: RollingLimit | undefined,
  override: RollingLimitOverride = {},
  where: string,
): RollingLimit {
  const { periodMs, period: _label, ...rest } = override;
  const merged = { ...base, ...rest, windowMs: rest.windowMs ?? periodMs ?? base?.windowMs };
  const { max, windowMs } = merged;
  if (!Number.isInteger(max) || (max as number) < 0 || !(Number(windowMs) > 0)) {
    throw new SimulatorUsageError(
      `limits.${where} needs a whole max ≥ 0 and a windowMs > 0; got ${JSON.stringify(override)}.`,
      'Pass e.g. { max: 25, windowMs: 86_400_000 }.',
    );
  }
  return { ...merged, max: max as number, windowMs: windowMs as number };
}

/** Merges overrides onto the defaults, so `{ connectedCallsPerUser: { max: 5 } }` simulates 2025. */
export function resolveLimits(overrides: SimulatorLimitsOverrides = {}): SimulatorLimits {
  return {
    ...defaultLimits,
    ...overrides,
    permissionRequests: overrides.permissionRequests
      ? overrides.permissionRequests.map((rule, index) =>
          rollingLimit(undefined, rule, `permissionRequests[${index}]`),
        )
      : defaultLimits.permissionRequests.map((rule) => ({ ...rule })),
    connectedCallsPerUser: rollingLimit(
      defaultLimits.connectedCallsPerUser,
      overrides.connectedCallsPerUser,
      'connectedCallsPerUser',
    ),
    callInitiationsPerNumber: rollingLimit(
      defaultLimits.callInitiationsPerNumber,
      overrides.callInitiationsPerNumber,
      'callInitiationsPerNumber',
    ),
    businessCallingUnavailableCountries: [
      ...(overrides.businessCallingUnavailableCountries ??
        defaultLimits.businessCallingUnavailableCountries),
    ].map((country) => country.toUpperCase()),
  };
}

/** How much of a rolling limit is used now, and when one more use becomes possible. */
export interface LimitCheck {
  used: number;
  exhausted: boolean;
  /** Epoch ms when one more use becomes possible; set only while exhausted (and `max` > 0). */
  freesAt?: number;
}

/** Counts the uses inside the window that ends now. */
export function checkLimit(times: readonly number[], limit: RollingLimit, now: number): LimitCheck {
  const recent = times.filter((time) => time > now - limit.windowMs).sort((a, b) => a - b);
  const exhausted = recent.length >= limit.max;
  // The window rolls: one use frees up when the oldest use that still blocks leaves it.
  const blocking = exhausted && limit.max > 0 ? recent[recent.length - limit.max] : undefined;
  return {
    used: recent.length,
    exhausted,
    ...(blocking === undefined ? {} : { freesAt: blocking + limit.windowMs }),
  };
}
