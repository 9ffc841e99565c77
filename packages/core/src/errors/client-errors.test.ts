import { describe, expect, it } from 'vitest';
import { WacallError } from './wacall-error';
import { WacallNetworkError, isWacallNetworkError } from './wacall-network-error';
import { WacallResponseError, isWacallResponseError } from './wacall-response-error';
import { WacallTimeoutError, isWacallTimeoutError } from './wacall-timeout-error';
import { WacallValidationError, isWacallValidationError } from './wacall-validation-error';

const cases = [
  ['network', new WacallNetworkError('calls.connect', 1, 'fetch failed'), isWacallNetworkError],
  ['timeout', new WacallTimeoutError('permissions.get', 20_000, 3), isWacallTimeoutError],
  [
    'response',
    new WacallResponseError('calls.connect', 200, ['calls: expected array']),
    isWacallResponseError,
  ],
  [
    'validation',
    new WacallValidationError('calls.connect', [{ path: 'to', message: 'bad.', fix: 'Fix it.' }]),
    isWacallValidationError,
  ],
] as const;

describe('client error guards', () => {
  it.each(cases)(
    'the %s guard accepts its own class, its marker, and nothing else',
    (kind, error, guard) => {
      expect(guard(error)).toBe(true);
      expect(WacallError.isInstance(error)).toBe(true);
      const marker = Object.getOwnPropertySymbols(error).find(
        (symbol) => symbol !== Symbol.for('wacall.error.WacallError'),
      );
      expect(guard(Object.assign(new Error(kind), { [marker as symbol]: true }))).toBe(true);
      for (const [, other] of cases) if (other !== error) expect(guard(other)).toBe(false);
    },
  );
});

describe('client error messages', () => {
  it('list every invalid field with its fix', () => {
    const error = new WacallValidationError('messages.sendCallInvite', [
      {
        path: 'displayText',
        message: 'is 24 characters long; the limit is 20.',
        fix: 'Shorten it.',
      },
      {
        path: 'ttlMinutes',
        message: 'must be a whole number from 1 to 43200.',
        fix: 'Pass an integer.',
      },
    ]);
    expect(error.message).toBe(
      'messages.sendCallInvite: 2 invalid fields, nothing was sent.\n' +
        '  - displayText: is 24 characters long; the limit is 20. Fix: Shorten it.\n' +
        '  - ttlMinutes: must be a whole number from 1 to 43200. Fix: Pass an integer.',
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'WacallValidationError',
      operation: 'messages.sendCallInvite',
      issues: error.issues,
    });
  });

  it('say how many attempts a timeout took and what to change', () => {
    const error = new WacallTimeoutError('permissions.get', 20_000, 3);
    expect(error.message).toContain('within 20000 ms (3 attempts)');
    expect(error.message).toContain('raise timeoutMs');
    expect(error.toJSON()).toMatchObject({ timeoutMs: 20_000, attempts: 3, retryable: true });
  });
});
