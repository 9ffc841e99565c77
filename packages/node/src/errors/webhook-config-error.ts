import { WacallError } from '@wacall/core';

/**
 * `createWebhookHandler()` or `verifySignature()` was given options it cannot work with (an empty app
 * secret, a missing verify token, …). Thrown at setup, so a misconfigured endpoint fails at start-up
 * instead of on Meta's first delivery. Secrets are never quoted.
 */
export class WebhookConfigError extends WacallError {
  static override readonly errorName = 'WebhookConfigError';
  declare static readonly isInstance: (value: unknown) => value is WebhookConfigError;
  /** The option at fault, e.g. `appSecret`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
}

/** Whether `value` is a `WebhookConfigError` (works across copies of the package). */
export function isWebhookConfigError(value: unknown): value is WebhookConfigError {
  return WebhookConfigError.isInstance(value);
}
