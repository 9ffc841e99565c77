import { describe, expect, it } from 'vitest';
import { WacallError } from './wacall-error';
import { isWebhookPayloadError, WebhookPayloadError } from './webhook-payload-error';

describe('WebhookPayloadError', () => {
  it('is a WacallError with a reason and a readable name', () => {
    const error = new WebhookPayloadError('invalid_json', 'The body is not valid JSON.');
    expect(error).toBeInstanceOf(WacallError);
    expect(WacallError.isInstance(error)).toBe(true);
    expect(error.name).toBe('WebhookPayloadError');
    expect(error.reason).toBe('invalid_json');
    expect(String(error)).toBe('WebhookPayloadError: The body is not valid JSON.');
  });

  it('is recognised across copies of the package by its marker', () => {
    const foreign = Object.assign(new Error('from another bundle'), {
      [Symbol.for('wacall.error.WebhookPayloadError')]: true,
    });
    expect(isWebhookPayloadError(foreign)).toBe(true);
    expect(WebhookPayloadError.isInstance(foreign)).toBe(true);
  });

  it('is not confused with other errors', () => {
    expect(isWebhookPayloadError(new WacallError('other'))).toBe(false);
    expect(isWebhookPayloadError(new Error('plain'))).toBe(false);
    expect(WebhookPayloadError.isInstance(undefined)).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new SyntaxError('Unexpected end of JSON input');
    expect(new WebhookPayloadError('invalid_json', 'x', { cause }).cause).toBe(cause);
  });
});
