/**
 * The platform's limits as the simulator enforces them. Every number is Meta's current value
 * (spec §5); pass `limits` to `createCloudApiSimulator` to simulate another era or a sandbox number.
 */

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;

/** A "max uses per rolling period" rule, labelled the way `GET call_permissions` reports it. */
export interface RollingLimit {
  /** ISO-8601 duration reported as `time_period`, e.g. `PT24H`. */
  period: string;
  periodMs: number;
  max: number;
}

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

/** Meta's values as of the 2026 documentation. */
export const defaultLimits: SimulatorLimits = {
  permissionRequests: [
    { period: 'PT24H', periodMs: DAY, max: 1 },
    { period: 'P7D', periodMs: 7 * DAY, max: 2 },
  ],
  connectedCallsPerUser: { period: 'PT24H', periodMs: DAY, max: 100 },
  callInitiationsPerNumber: { period: 'PT24H', periodMs: DAY, max: 10_000 },
  concurrentCallsPerNumber: 1000,
  temporaryPermissionMs: 7 * DAY,
  permissionRequestLifetimeMs: 7 * DAY,
  autoRevokeAfterMissedCalls: 4,
  customerServiceWindowMs: DAY,
  incomingAnswerWindowMs: 60 * SECOND,
  outgoingRingTimeoutMs: 60 * SECOND,
  businessCallingUnavailableCountries: ['US', 'CA', 'EG', 'VN', 'NG'],
};

/** Overrides for `defaultLimits`; a rolling limit can be overridden by its `max` alone. */
export type SimulatorLimitsOverrides = Partial<
  Omit<SimulatorLimits, 'connectedCallsPerUser' | 'callInitiationsPerNumber'>
> & {
  connectedCallsPerUser?: Partial<RollingLimit>;
  callInitiationsPerNumber?: Partial<RollingLimit>;
};

/** Merges overrides onto the defaults, so `{ connectedCallsPerUser: { max: 5 } }` simulates 2025. */
export function resolveLimits(overrides: SimulatorLimitsOverrides = {}): SimulatorLimits {
  return {
    ...defaultLimits,
    ...overrides,
    permissionRequests: (overrides.permissionRequests ?? defaultLimits.permissionRequests).map(
      (rule) => ({ ...rule }),
    ),
    connectedCallsPerUser: {
      ...defaultLimits.connectedCallsPerUser,
      ...overrides.connectedCallsPerUser,
    },
    callInitiationsPerNumber: {
      ...defaultLimits.callInitiationsPerNumber,
      ...overrides.callInitiationsPerNumber,
    },
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
  const recent = times.filter((time) => time > now - limit.periodMs).sort((a, b) => a - b);
  const exhausted = recent.length >= limit.max;
  // The window rolls: one use frees up when the oldest use that still blocks leaves it.
  const blocking = exhausted && limit.max > 0 ? recent[recent.length - limit.max] : undefined;
  return {
    used: recent.length,
    exhausted,
    ...(blocking === undefined ? {} : { freesAt: blocking + limit.periodMs }),
  };
}
