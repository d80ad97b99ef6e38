import { describe, expect, it } from 'vitest';
import { fold, queryTokens, textFilter } from './text';
import * as lib from '../../phone-number';
import { MAX_KEYS, numberKeys, searchKeys } from './search-keys';

describe('text folding and search keys', () => {
  it('folds case and accents', () => {
    expect(fold('Zoë Müller-Lefèvre')).toBe('zoe muller-lefevre');
  });

  it('reads a typed number as one digit token, anything else as words', () => {
    expect(queryTokens(' +1 (650) 691-32 ')).toEqual(['165069132']);
    expect(queryTokens("Zoë O'Brien")).toEqual(['zoe', 'o', 'brien']);
    expect(queryTokens('   ')).toEqual([]);
  });

  it('keys a number by its digits, its national form and every national suffix of 3 or more', () => {
    expect(numberKeys('+498912345678', lib)).toEqual([
      '498912345678', '08912345678', '8912345678', '912345678', '12345678', '2345678', '345678', '45678', '5678', '678',
    ]);
    expect(numberKeys('1002', lib)).toEqual(['1002', '002']);
    expect(numberKeys('12', lib)).toEqual([]);
  });

  it('keys names, companies and emails by word and as phrases', () => {
    const keys = searchKeys({ name: 'Hugo Sánchez', company: 'Acme Logistics', email: 'hugo.s@acme.example', phones: [] }, lib);
    expect(keys).toEqual([
      'hugo', 'sanchez', 'hugo sanchez', 'sanchez hugo', 'acme', 'logistics', 'acme logistics',
      'hugo acme logistics', 'sanchez acme logistics', 's', 'example',
      'hugo s acme example',
    ]);
  });

  it('bounds the keys per contact', () => {
    const many = searchKeys({
      name: Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '),
      company: '', email: '',
      phones: Array.from({ length: 10 }, (_, i) => ({ label: '', number: `+1650691${1000 + i}` })),
    }, lib);
    expect(many.length).toBe(MAX_KEYS);
  });

  it('filters short lists by text and digits', () => {
    const match = textFilter('bob 7946');
    expect(match(['Bob Baker'], ['+44 20 7946 0958'])).toBe(true);
    expect(match(['Bob Baker'], ['+16506913277'])).toBe(false);
    expect(textFilter('')(['x'], [])).toBe(true);
  });
});
