import { describe, expect, it } from 'vitest';
import { resolveNumber } from './resolve';

describe('resolving a written number', () => {
  it('reads national numbers with the default country and international ones anywhere', () => {
    expect(resolveNumber('(650) 555-0102', 'US')?.e164).toBe('+16505550102');
    expect(resolveNumber('089 1234 5678', 'DE')?.e164).toBe('+498912345678');
    expect(resolveNumber('0049 89 1234 5678', 'US')?.e164).toBe('+498912345678');
    expect(resolveNumber('+44 20 7946 0018', 'FR')?.display).toBe('+44 20 7946 0018');
  });

  it('wants the trunk prefix where a country writes one: ids are not numbers', () => {
    expect(resolveNumber('4500012345', 'DE')).toBeNull(); // an order number, not 0450…
    expect(resolveNumber('732 829 320', 'FR')).toBeNull(); // a company register number
    expect(resolveNumber('6505550102', 'US')?.e164).toBe('+16505550102'); // NANP needs no prefix
    expect(resolveNumber('912 345 678', 'ES')?.e164).toBe('+34912345678'); // Spain has none
  });

  it('refuses what is not a valid number', () => {
    expect(resolveNumber('555 0102', 'US')).toBeNull();
    expect(resolveNumber('+1 555', 'US')).toBeNull();
    expect(resolveNumber('0151 2345678', 'XX')).toBeNull();
  });
});
