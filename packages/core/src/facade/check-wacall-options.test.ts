import { describe, expect, it } from 'vitest';
import { testClient, TOKEN } from '../../test/support/test-graph';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { createWacall } from '../wacall';
import type { WacallOptions } from './wacall-types';

function refusal(options: unknown) {
  try {
    createWacall(options as WacallOptions);
  } catch (error) {
    if (isWacallValidationError(error)) return error;
    throw error;
  }
  throw new Error('createWacall accepted the options');
}

describe('createWacall options', () => {
  it('names a missing businessNumber in the facade’s terms, not the permission engine’s', () => {
    const error = refusal({ client: testClient() });
    expect(error.operation).toBe('createWacall');
    expect(error.issues.map((issue) => issue.path)).toEqual(['businessNumber']);
    expect(error.message).toContain("businessNumber: '+44 20 7946 0000'");
    expect(error.message).not.toMatch(/PermissionEngine/);
  });

  it('lists every bad field at once', () => {
    const error = refusal({
      client: {},
      businessNumber: 'sales',
      now: 1_700_000_000_000,
      store: 'redis',
      callingEnabled: 'yes',
      maxActivitiesPerCustomer: 0,
      dedupeTtlMs: 1.5,
      retentionMs: -1,
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'client',
      'businessNumber',
      'store',
      'now',
      'callingEnabled',
      'maxActivitiesPerCustomer',
      'dedupeTtlMs',
      'retentionMs',
    ]);
    expect(error.message).toContain('(got "sales")');
  });

  it('refuses a missing options object with the call to write', () => {
    expect(refusal(undefined).message).toContain('createWacall({ client, businessNumber');
  });

  it('never shows the access token of a client it refuses', () => {
    const client = { ...testClient(), calls: undefined };
    const error = refusal({ client, businessNumber: '+44 20 7946 0000' });
    expect(error.issues.map((issue) => issue.path)).toEqual(['client']);
    expect(error.message).not.toContain(TOKEN);
  });

  it('accepts well-formed options, including a simulator-style clock', () => {
    const wacall = createWacall({
      client: testClient(),
      businessNumber: '+1 (408) 555-0100',
      now: () => 1_700_000_000_000,
      callingEnabled: () => true,
      retentionMs: 86_400_000,
    });
    expect(typeof wacall.ingest).toBe('function');
  });
});
