import type { ValidationIssue } from '../errors/wacall-validation-error';
import { WacallValidationError } from '../errors/wacall-validation-error';
import { phoneDigits } from '../permissions/region';
import { routingIssues } from './check-routing-options';
import type { WacallOptions } from './wacall-types';

const show = (value: unknown): string =>
  typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));

/**
 * Refuses malformed `createWacall` options with every bad field named in the facade's own terms,
 * before the building blocks below it see them and speak of themselves.
 */
export function checkWacallOptions(options: WacallOptions | undefined): void {
  if (typeof options !== 'object' || options === null) {
    throw new WacallValidationError('createWacall', [
      {
        path: 'options',
        message: `must be an object (got ${show(options)}).`,
        fix: "Call createWacall({ client, businessNumber: '+44 20 7946 0000' }).",
      },
    ]);
  }
  const issues = [
    clientIssue(options.client),
    businessNumberIssue(options.businessNumber),
    optionalIssue(options, 'store', (v) => typeof v === 'object' && v !== null, {
      message: 'must be a Store',
      fix: 'Pass a MemoryStore or a RedisStore, or leave `store` out for the in-memory default.',
    }),
    optionalIssue(options, 'now', (v) => typeof v === 'function', {
      message: 'must be a function that returns the time in epoch milliseconds',
      fix: 'Pass e.g. `now: () => Date.now()` or a simulator clock such as `simulator.now`.',
    }),
    optionalIssue(
      options,
      'callingEnabled',
      (v) => typeof v === 'boolean' || typeof v === 'function',
      {
        message: 'must be true, false or a function returning either',
        fix: 'Pass `callingEnabled: true`, or leave it out.',
      },
    ),
    ...(['maxActivitiesPerCustomer', 'dedupeTtlMs'] as const).map((key) =>
      optionalIssue(options, key, (v) => Number.isSafeInteger(v) && (v as number) > 0, {
        message: 'must be a positive whole number',
        fix: `Pass e.g. \`${key}: ${key === 'maxActivitiesPerCustomer' ? '1000' : '86_400_000'}\`, or leave it out for the default.`,
      }),
    ),
    optionalIssue(
      options,
      'retentionMs',
      (v) => v === Infinity || (Number.isSafeInteger(v) && (v as number) > 0),
      {
        message:
          'must be a positive whole number of milliseconds, or Infinity to keep history forever',
        fix: 'Pass e.g. `retentionMs: 90 * 86_400_000`, `retentionMs: Infinity` with a store meant to keep history (PostgresStore), or leave it out for 90 days.',
      },
    ),
    ...routingIssues(options.routing),
  ].filter((issue): issue is ValidationIssue => issue !== undefined);
  if (issues.length > 0) throw new WacallValidationError('createWacall', issues);
}

function clientIssue(client: unknown): ValidationIssue | undefined {
  const value = client as Partial<WacallOptions['client']> | undefined;
  if (value && typeof value.phoneNumberId === 'string' && value.calls && value.messages) {
    return undefined;
  }
  return {
    path: 'client',
    message: 'must be a client made by createClient().',
    fix: 'Pass createClient({ accessToken, phoneNumberId }) as `client`.',
  };
}

function businessNumberIssue(number: unknown): ValidationIssue | undefined {
  const digits =
    typeof number === 'string' && /^[+\d\s().-]+$/.test(number) ? phoneDigits(number) : '';
  if (digits.length >= 6 && digits.length <= 15) return undefined;
  return {
    path: 'businessNumber',
    message: `must be the business phone number in international format (got ${show(number)}).`,
    fix: "Pass the number your phoneNumberId belongs to, e.g. businessNumber: '+44 20 7946 0000'.",
  };
}

function optionalIssue(
  options: WacallOptions,
  key: keyof WacallOptions,
  valid: (value: unknown) => boolean,
  problem: { message: string; fix: string },
): ValidationIssue | undefined {
  const value: unknown = options[key];
  if (value === undefined || valid(value)) return undefined;
  return { path: key, message: `${problem.message} (got ${show(value)}).`, fix: problem.fix };
}
