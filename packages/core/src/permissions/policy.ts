import { businessCallingUnavailableCountries } from '../platform/countries';
import { callLimits } from '../platform/call-limits';
import { customerServiceWindowMs, permissionLimits } from '../platform/permission-limits';
import { productDefaults } from '../platform/product-defaults';
import type { RollingLimit } from '../platform/rolling-limit';
import { PermissionEngineError } from './permission-engine-error';

/**
 * Every rule the permission engine applies, as data. Start from `defaultPolicy` (the helpdesk's
 * defaults) or `platformLimits` (Meta's current numbers) and override what you need.
 */
export interface PermissionPolicy {
  /** Permission requests per business number and customer, free-form and template alike. */
  requestLimits: {
    daily: RollingLimit;
    weekly: RollingLimit;
    /** A connected call (either direction) clears both request counters, as the platform does. */
    resetOnConnectedCall: boolean;
  };
  /** Connected (answered) business-initiated calls per customer in a rolling window. */
  callLimit: RollingLimit;
  /** How long a temporary grant lasts from approval when the platform does not say. */
  temporaryPermissionMs: number;
  /** How long an unanswered permission request stays pending before it lapses (`expired`). */
  requestExpiryMs: number;
  /** Unanswered or rejected business-initiated calls in a row after which the permission is revoked. */
  autoRevokeAfterMissedCalls: number;
  /** How long the customer-service window stays open after the customer's last message or call. */
  conversationWindowMs: number;
  /**
   * ISO 3166 alpha-2 countries whose business numbers cannot place business-initiated calls or ask for
   * call permission. Detected from the business number's calling code.
   */
  businessInitiatedUnavailableIn: readonly string[];
  /** How long a started call blocks another one when neither its connect nor its end is ever seen. */
  callSetupTimeoutMs: number;
  /** How long a connected call blocks another one when its end is never seen. */
  activeCallTimeoutMs: number;
  /**
   * How long a send whose outcome is unknown (a timeout, a network error after the request left, a 5xx,
   * an unreadable answer) holds back the same action for the customer, unless a webhook settles it
   * first: the longest a call rings plus a margin. At most 5 minutes.
   */
  awaitingConfirmationMs: number;
  /** How long a customer's state is kept after its last change once no grant or limit needs it. */
  stateRetentionMs: number;
}

/**
 * Meta's current numbers, read from `@wacall/core/platform` (100 connected calls per customer per
 * 24 h); where Meta publishes none (setup and active-call timeouts, retention) the product's defaults.
 */
export const platformLimits: PermissionPolicy = /* @__PURE__ */ readPlatformLimits();

/** The helpdesk defaults: the platform's rules with a house limit of 10 connected calls per customer per 24 h. */
export const defaultPolicy: PermissionPolicy = /* @__PURE__ */ readDefaultPolicy();

// Read from the table inside functions, so a bundle that never uses a policy drops the table too.
function readPlatformLimits(): PermissionPolicy {
  return Object.freeze({
    requestLimits: Object.freeze({
      daily: permissionLimits.requestsPerDay,
      weekly: permissionLimits.requestsPerWeek,
      resetOnConnectedCall: permissionLimits.requestCountersResetOnConnectedCall,
    }),
    callLimit: callLimits.connectedCallsPerCustomer,
    temporaryPermissionMs: permissionLimits.temporaryGrantMs,
    requestExpiryMs: permissionLimits.requestExpiryMs,
    autoRevokeAfterMissedCalls: permissionLimits.missedCallsBeforeAutoRevoke,
    conversationWindowMs: customerServiceWindowMs,
    businessInitiatedUnavailableIn: businessCallingUnavailableCountries,
    callSetupTimeoutMs: productDefaults.callSetupTimeoutMs,
    activeCallTimeoutMs: productDefaults.activeCallTimeoutMs,
    awaitingConfirmationMs: productDefaults.awaitingConfirmationMs,
    stateRetentionMs: productDefaults.stateRetentionMs,
  });
}

function readDefaultPolicy(): PermissionPolicy {
  return Object.freeze({ ...platformLimits, callLimit: productDefaults.connectedCallsPerCustomer });
}

/** Any part of `T`, recursively; arrays are taken whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Any part of a policy; arrays (the country list) are replaced, not merged. */
export type PolicyOverride = DeepPartial<PermissionPolicy>;

/**
 * Merges `override` onto `base` (default `defaultPolicy`) and checks every number. Throws
 * `PermissionEngineError('invalid_policy')` naming the field and what it must be.
 */
export function resolvePolicy(
  override: PolicyOverride = {},
  base: PermissionPolicy = defaultPolicy,
): PermissionPolicy {
  const policy = mergeDeep(base, override) as PermissionPolicy;
  validatePolicy(policy);
  return policy;
}

function mergeDeep(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeDeep(base[key], value);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validatePolicy(policy: PermissionPolicy): void {
  const limits: [string, unknown][] = [
    ['requestLimits.daily', policy.requestLimits?.daily],
    ['requestLimits.weekly', policy.requestLimits?.weekly],
    ['callLimit', policy.callLimit],
  ];
  for (const [path, limit] of limits) {
    const value = isPlainObject(limit) ? limit : {};
    count(`${path}.max`, value.max);
    duration(`${path}.windowMs`, value.windowMs);
  }
  if (typeof policy.requestLimits.resetOnConnectedCall !== 'boolean') {
    invalid(
      'requestLimits.resetOnConnectedCall',
      'must be true or false',
      policy.requestLimits.resetOnConnectedCall,
    );
  }
  duration('temporaryPermissionMs', policy.temporaryPermissionMs);
  duration('requestExpiryMs', policy.requestExpiryMs);
  count('autoRevokeAfterMissedCalls', policy.autoRevokeAfterMissedCalls, 1);
  duration('conversationWindowMs', policy.conversationWindowMs);
  duration('callSetupTimeoutMs', policy.callSetupTimeoutMs);
  duration('activeCallTimeoutMs', policy.activeCallTimeoutMs);
  duration('awaitingConfirmationMs', policy.awaitingConfirmationMs);
  if (policy.awaitingConfirmationMs > productDefaults.awaitingConfirmationMaxMs) {
    invalid(
      'awaitingConfirmationMs',
      `must be at most ${productDefaults.awaitingConfirmationMaxMs} (${productDefaults.awaitingConfirmationMaxMs / 60_000} minutes): longer would block a customer on one lost answer`,
      policy.awaitingConfirmationMs,
    );
  }
  duration('stateRetentionMs', policy.stateRetentionMs);
  const countries = policy.businessInitiatedUnavailableIn;
  if (
    !Array.isArray(countries) ||
    !countries.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c))
  ) {
    invalid(
      'businessInitiatedUnavailableIn',
      'must be an array of ISO 3166 alpha-2 country codes in capitals, e.g. ["US", "CA"]',
      countries,
    );
  }
}

function count(path: string, value: unknown, min = 0): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    invalid(path, `must be a whole number ≥ ${min}`, value);
  }
}

function duration(path: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    invalid(path, 'must be a positive whole number of milliseconds', value);
  }
}

function invalid(path: string, rule: string, value: unknown): never {
  throw new PermissionEngineError(
    'invalid_policy',
    `policy.${path} ${rule} (got ${JSON.stringify(value) ?? String(value)}).`,
  );
}
