import { describe, expect, it } from 'vitest';
import { CallLifecycleError, isCallLifecycleError } from '../calls/call-lifecycle-error';
import {
  isPermissionEngineError,
  PermissionEngineError,
} from '../permissions/permission-engine-error';
import { isStoreError, StoreError } from '../store/store-error';
import { isWacallDecisionError, WacallDecisionError } from './wacall-decision-error';
import { WacallError } from './wacall-error';
import { isWacallNetworkError, WacallNetworkError } from './wacall-network-error';
import { isWacallResponseError, WacallResponseError } from './wacall-response-error';
import { isWacallTimeoutError, WacallTimeoutError } from './wacall-timeout-error';
import { isWacallValidationError, WacallValidationError } from './wacall-validation-error';
import { isWebhookPayloadError, WebhookPayloadError } from './webhook-payload-error';
import { isWhatsAppApiError, WhatsAppApiError } from './whatsapp-api-error';

// An error thrown by another copy of the package: a plain Error carrying the shared markers.
const foreign = (...names: string[]) =>
  Object.assign(
    new Error('from another bundle'),
    Object.fromEntries(names.map((name) => [Symbol.for(`wacall.error.${name}`), true])),
  );

const decision = {
  action: 'start_call',
  allowed: false,
  reason: 'no_permission',
  message: 'The customer has not allowed calls.',
} as unknown as ConstructorParameters<typeof WacallDecisionError>[0];

const classes = [
  [WacallNetworkError, isWacallNetworkError, new WacallNetworkError('calls.connect', 1, 'x')],
  [WacallTimeoutError, isWacallTimeoutError, new WacallTimeoutError('calls.connect', 5, 1)],
  [WacallResponseError, isWacallResponseError, new WacallResponseError('calls.connect', 200, [])],
  [WacallValidationError, isWacallValidationError, new WacallValidationError('calls.connect', [])],
  [WacallDecisionError, isWacallDecisionError, new WacallDecisionError(decision)],
  [WhatsAppApiError, isWhatsAppApiError, new WhatsAppApiError({ httpStatus: 500 })],
  [WebhookPayloadError, isWebhookPayloadError, new WebhookPayloadError('invalid_json', 'x')],
  [PermissionEngineError, isPermissionEngineError, new PermissionEngineError('invalid_input', 'x')],
  [CallLifecycleError, isCallLifecycleError, new CallLifecycleError('unknown_call', 'x')],
  [StoreError, isStoreError, new StoreError('conflict', 'x')],
] as const;

describe('WacallError.isInstance', () => {
  it('recognises errors from another copy of the package by their marker', () => {
    expect(WacallError.isInstance(foreign('WacallError'))).toBe(true);
    expect(WacallError.isInstance(new WacallError('ours'))).toBe(true);
  });

  it('rejects plain errors, look-alikes and non-objects', () => {
    expect(WacallError.isInstance(new Error('plain'))).toBe(false);
    expect(WacallError.isInstance({ name: 'WacallError', message: 'look-alike' })).toBe(false);
    expect(WacallError.isInstance(Object.assign(foreign(), { name: 'WacallError' }))).toBe(false);
    expect(WacallError.isInstance('WacallError')).toBe(false);
    expect(WacallError.isInstance(null)).toBe(false);
    expect(WacallError.isInstance(undefined)).toBe(false);
  });

  it('works as a detached callback', () => {
    const { isInstance } = StoreError;
    const errors = [new StoreError('conflict', 'x'), new WacallError('y'), new Error('z')];
    expect(errors.filter(isInstance)).toEqual([errors[0]]);
    expect(errors.filter(WacallError.isInstance)).toEqual(errors.slice(0, 2));
  });
});

describe.each(classes)('%o', (type, guard, error) => {
  it('names the error after its class and stays an Error and a WacallError', () => {
    expect(error.name).toBe(type.errorName);
    expect(String(error)).toMatch(new RegExp(`^${type.errorName}: `));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(WacallError);
    expect(WacallError.isInstance(error)).toBe(true);
  });

  it('is recognised by its class and its guard, across copies of the package', () => {
    expect(type.isInstance(error)).toBe(true);
    expect(guard(error)).toBe(true);
    const copy = foreign('WacallError', type.errorName);
    expect(type.isInstance(copy)).toBe(true);
    expect(guard(copy)).toBe(true);
    expect(WacallError.isInstance(copy)).toBe(true);
  });

  it('is told apart from every other error class', () => {
    expect(guard(new WacallError('base'))).toBe(false);
    expect(guard(foreign('WacallError'))).toBe(false);
    for (const [other, , otherError] of classes) {
      if (other === type) continue;
      expect(guard(otherError)).toBe(false);
      expect(type.isInstance(foreign(other.errorName))).toBe(false);
    }
  });

  it('keeps its markers out of JSON and its message', () => {
    const json = JSON.stringify(error);
    expect(json).not.toContain('wacall.error');
    expect(JSON.parse(json)).toMatchObject({ name: type.errorName });
  });
});
