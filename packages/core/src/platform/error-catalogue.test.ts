import { describe, expect, it } from 'vitest';
import { catalogedErrorCodes, getErrorInfo, type ErrorCategory } from './error-catalogue';

// Every code of the calling troubleshooting table and the throttling table, with what it is for.
const expected: [code: number, category: ErrorCategory, retryable: boolean][] = [
  [100, 'validation', false],
  [613, 'rate_limit', true],
  [131009, 'region', false],
  [131030, 'recipient', false],
  [131044, 'payment', false],
  [131055, 'not_enabled', false],
  [138000, 'not_enabled', false],
  [138001, 'recipient', false],
  [138002, 'rate_limit', true],
  [138003, 'call_state', false],
  [138004, 'server', true],
  [138005, 'rate_limit', false],
  [138006, 'permission', false],
  [138007, 'media', true],
  [138009, 'rate_limit', false],
  [138012, 'rate_limit', false],
  [138013, 'region', false],
  [138014, 'quality', false],
  [138015, 'not_enabled', false],
  [138017, 'permission', false],
  [138018, 'not_enabled', false],
  [138019, 'media', false],
  [138020, 'media', false],
  [138021, 'media', false],
  [138022, 'media', false],
  [138023, 'media', false],
  [4, 'rate_limit', true],
  [80007, 'rate_limit', true],
  [130429, 'rate_limit', true],
  [131048, 'quality', false],
  [131056, 'rate_limit', true],
];

describe('getErrorInfo', () => {
  it.each(expected)('describes %i as %s (retryable: %s)', (code, category, retryable) => {
    const info = getErrorInfo(code);
    expect(info).toMatchObject({ code, known: true, category, retryable });
    expect(info.meaning.length).toBeGreaterThan(10);
    expect(info.fix.length).toBeGreaterThan(10);
  });

  it('catalogues every code of the published tables', () => {
    expect(catalogedErrorCodes).toEqual(expect.arrayContaining(expected.map(([code]) => code)));
  });

  it('treats an undocumented 138xxx code as a generic calling error', () => {
    expect(getErrorInfo(138011)).toMatchObject({
      code: 138011,
      known: false,
      category: 'calling',
      retryable: false,
    });
    expect(getErrorInfo(138999).meaning).toContain('calling error');
  });

  it('falls back to unknown for codes outside the catalogue', () => {
    expect(getErrorInfo(99999)).toMatchObject({
      known: false,
      category: 'unknown',
      retryable: false,
    });
  });
});
