import { callingCodeTable, canadaAreaCodes, nanpOtherAreaCodes } from './calling-codes';

let callingCodes: Map<string, string> | undefined;
let canada: Set<string> | undefined;
let nanpOthers: Map<string, string> | undefined;

const pairs = (table: string): Map<string, string> =>
  new Map(table.split(' ').map((pair) => pair.split(':') as [string, string]));

/** Digits only: `+1 (408) 555-1234` → `14085551234`. */
export function phoneDigits(number: string): string {
  return number.replace(/\D/g, '');
}

/**
 * The ISO 3166 alpha-2 country of an international phone number (with or without `+`), read from
 * its calling code; `undefined` when no calling code matches. +1 is split into Canada, the other
 * NANP members (by area code) and the United States (the rest); +7 into Kazakhstan (7 6xx, 7 7xx)
 * and Russia.
 */
export function countryOfNumber(number: string): string | undefined {
  const digits = phoneDigits(number);
  callingCodes ??= pairs(callingCodeTable);
  for (const length of [1, 2, 3]) {
    const country = callingCodes.get(digits.slice(0, length));
    if (country === undefined) continue;
    if (country === 'US') return nanpCountry(digits.slice(1, 4));
    if (country === 'RU' && (digits[1] === '6' || digits[1] === '7')) return 'KZ';
    return country;
  }
  return undefined;
}

function nanpCountry(areaCode: string): string {
  canada ??= new Set(canadaAreaCodes.split(' '));
  nanpOthers ??= pairs(nanpOtherAreaCodes);
  if (canada.has(areaCode)) return 'CA';
  return nanpOthers.get(areaCode) ?? 'US';
}
