import { describe, expect, it } from 'vitest';
import { countryOfNumber } from './region';

describe('countryOfNumber', () => {
  it.each([
    ['+1 408 555 0100', 'US'],
    ['14155550100', 'US'],
    ['+1 416 555 0100', 'CA'],
    ['+1 604 555 0100', 'CA'],
    ['+1 876 555 0100', 'JM'],
    ['+1 787 555 0100', 'PR'],
    ['+1 809 555 0100', 'DO'],
    ['+20 10 0123 4567', 'EG'],
    ['+84 91 234 5678', 'VN'],
    ['+234 802 123 4567', 'NG'],
    ['+90 212 555 0100', 'TR'],
    ['+44 20 7946 0000', 'GB'],
    ['+7 495 123 4567', 'RU'],
    ['+7 701 123 4567', 'KZ'],
    ['+971 50 123 4567', 'AE'],
    ['+351 21 123 4567', 'PT'],
    ['+55 11 91234 5678', 'BR'],
  ])('%s is %s', (number, country) => {
    expect(countryOfNumber(number)).toBe(country);
  });

  it('is undefined for a calling code that does not exist', () => {
    expect(countryOfNumber('+999 123')).toBeUndefined();
    expect(countryOfNumber('')).toBeUndefined();
  });
});
