import { WacallError } from '@wacall/core';
import { hasMarker } from './has-marker';

const marker = Symbol.for('@wacall/webhook-config-error');

/**
 * `createWebhookHandler()` or `verifySignature()` was given options it cannot work with (an empty app
 * secret, a missing verify token, …). Thrown at setup, so a misconfigured endpoint fails at start-up
 * instead of on Meta's first delivery. Secrets are never quoted.
 */
export class WebhookConfigError extends WacallError {
  /** @internal */
  readonly [marker] = true;
  /** The option at fault, e.g. `appSecret`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.name = 'WebhookConfigError';
    this.option = option;
  }

  /** Whether `value` is a `WebhookConfigError` from any copy of @wacall/node. */
  static override isInstance(value: unknown): value is WebhookConfigError {
    return hasMarker(value, marker);
  }
}

/** Whether `value` is a `WebhookConfigError` (works across copies of the package). */
export function isWebhookConfigError(value: unknown): value is WebhookConfigError {
  return hasMarker(value, marker);
}
