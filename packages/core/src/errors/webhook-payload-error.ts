import { WacallError } from './wacall-error';

/**
 * Why a webhook body was refused as a whole:
 * - `invalid_encoding`: the bytes are not UTF-8;
 * - `invalid_json`: the text is not JSON;
 * - `invalid_envelope`: JSON, but not a `whatsapp_business_account` envelope with an `entry` array.
 */
export type WebhookPayloadErrorReason = 'invalid_encoding' | 'invalid_json' | 'invalid_envelope';

/**
 * The body of a webhook request is not a WhatsApp Business Account webhook at all. A handler answers
 * 400. Problems inside a valid envelope never throw: they are reported as `issues` by `parseWebhook()`.
 * The message never quotes the body.
 */
export class WebhookPayloadError extends WacallError {
  static override readonly errorName = 'WebhookPayloadError';
  declare static readonly isInstance: (value: unknown) => value is WebhookPayloadError;
  readonly reason: WebhookPayloadErrorReason;

  constructor(reason: WebhookPayloadErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** Whether `value` is a `WebhookPayloadError` (works across copies of the package). */
export function isWebhookPayloadError(value: unknown): value is WebhookPayloadError {
  return WebhookPayloadError.isInstance(value);
}
