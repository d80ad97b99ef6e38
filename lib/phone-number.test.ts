import { describe, expect, it } from 'vitest';
import { callRisk, countryFromLanguage, isExtension, normaliseNumber } from './phone-number';

describe('normaliseNumber', () => {
  it.each([
    ['+1 650-691-3277', 'US', '+16506913277'],
    ['(650) 691-3277', 'US', '+16506913277'],
    ['089 1234 5678', 'DE', '+498912345678'],
    ['0049 89 1234 5678', 'US', '+498912345678'],
    ['+44 20 7946 0958', 'DE', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['01 42 68 53 00', 'FR', '+33142685300'],
    ['+32 2 555 12 12', 'BE', '+3225551212'],
  ])('%s with default %s → %s', (input, country, e164) => {
    expect(normaliseNumber(input, country)).toEqual({
      ok: true,
      target: expect.objectContaining({ kind: 'e164', number: e164 }),
    });
  });

  it.each(['1002', '204', '*97', '#21'])('keeps the short extension %s', (input) => {
    expect(normaliseNumber(input, 'US')).toEqual({
      ok: true,
      target: { kind: 'extension', number: input, display: input },
    });
  });

  it.each(['', '   ', 'hello', '+1 555', '12345678901234567890', '650-691-3277 or so', 'javascript:alert(1)', '2026-11-24'])(
    'refuses %j as an Incorrect Number',
    (input) => {
      expect(normaliseNumber(input, 'US')).toEqual({ ok: false, reason: 'incorrectNumber' });
    },
  );

  it('uses the default country for national numbers only', () => {
    const de = normaliseNumber('030 123456', 'DE');
    const us = normaliseNumber('030 123456', 'US');
    expect(de.ok && de.target.number).toBe('+4930123456');
    expect(us.ok).toBe(false);
  });
});

describe('countryFromLanguage', () => {
  it.each([
    ['de-AT', 'AT'],
    ['en-GB', 'GB'],
    ['fr', 'FR'],
    ['en', 'US'],
    ['pt_BR', 'BR'],
    ['xx', 'US'],
    [undefined, 'US'],
  ])('%s → %s', (lang, country) => {
    expect(countryFromLanguage(lang)).toBe(country);
  });
});

describe('isExtension', () => {
  it('is 2 to 6 digits, optionally led by * or # (feature codes)', () => {
    expect(['10', '1002', '123456', '*97', '#21'].filter(isExtension)).toHaveLength(5);
    expect(['1', '1234567', '+1002', '10 02', '**97', '9a'].filter(isExtension)).toEqual([]);
  });
});

describe('callRisk', () => {
  const e164 = (number: string) => ({ kind: 'e164' as const, number, display: number });
  it('names premium-rate, shared-cost and UAN numbers and feature codes; ordinary numbers have none', () => {
    expect(callRisk(e164('+19005550100'))).toBe('premiumRate');
    expect(callRisk(e164('+448712345678'))).toBe('premiumRate');
    expect(callRisk(e164('+33810123456'))).toBe('sharedCost');
    expect(callRisk(e164('+445512345678'))).toBe('uan');
    expect(callRisk({ kind: 'extension', number: '*72', display: '*72' })).toBe('featureCode');
    expect(callRisk({ kind: 'extension', number: '#21', display: '#21' })).toBe('featureCode');
    expect(callRisk({ kind: 'extension', number: '1002', display: '1002' })).toBeNull();
    expect(callRisk(e164('+16505550102'))).toBeNull();
    expect(callRisk(e164('+4930123456'))).toBeNull();
  });
});
