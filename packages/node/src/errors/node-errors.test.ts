import { WacallError } from '@wacall/core';
import { describe, expect, it } from 'vitest';
import { isRawBodyError, RawBodyError } from './raw-body-error';
import { EventStreamConfigError, isEventStreamConfigError } from './event-stream-config-error';
import { isWebhookConfigError, WebhookConfigError } from './webhook-config-error';

// An error thrown by another copy of the package: a plain Error carrying the shared markers.
const foreign = (name: string) =>
  Object.assign(new Error('from another bundle'), {
    [Symbol.for('wacall.error.WacallError')]: true,
    [Symbol.for(`wacall.error.${name}`)]: true,
  });

const classes = [
  [RawBodyError, isRawBodyError, new RawBodyError('parsed body')],
  [WebhookConfigError, isWebhookConfigError, new WebhookConfigError('appSecret', 'is empty.')],
  [
    EventStreamConfigError,
    isEventStreamConfigError,
    new EventStreamConfigError('heartbeatMs', 'must be positive.'),
  ],
] as const;

describe.each(classes)('%o', (type, guard, error) => {
  it('is a WacallError named after its class', () => {
    expect(error.name).toBe(type.errorName);
    expect(WacallError.isInstance(error)).toBe(true);
  });

  it('is recognised across copies of the package, and only as itself', () => {
    expect(guard(error)).toBe(true);
    expect(type.isInstance(foreign(type.errorName))).toBe(true);
    expect(guard(foreign(type.errorName))).toBe(true);
    expect(guard(new WacallError('other'))).toBe(false);
    for (const [other] of classes)
      if (other !== type) expect(guard(foreign(other.errorName))).toBe(false);
  });
});

it('keeps the option in a WebhookConfigError message', () => {
  expect(new WebhookConfigError('verifyToken', 'is missing.').message).toBe(
    'verifyToken: is missing.',
  );
});
