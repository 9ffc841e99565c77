import { describe, expect, it } from 'vitest';
import { WacallError } from './wacall-error';

describe('WacallError.isInstance', () => {
  it('recognises errors from another copy of the package by their marker', () => {
    const foreign = Object.assign(new Error('from another bundle'), {
      [Symbol.for('@wacall/error')]: true,
    });
    expect(WacallError.isInstance(foreign)).toBe(true);
    expect(WacallError.isInstance(new WacallError('ours'))).toBe(true);
  });

  it('rejects plain errors and non-objects', () => {
    expect(WacallError.isInstance(new Error('plain'))).toBe(false);
    expect(WacallError.isInstance('WacallError')).toBe(false);
    expect(WacallError.isInstance(null)).toBe(false);
  });
});
