import { describe, expect, it } from 'vitest';
import { loadTranslator } from './catalogs';
import { fallbackChain, isRtl, normalizeTag, resolveLanguage } from './languages';
import { chosenTag, readLanguagePreference } from './preference';
import { Translator } from './translator';

describe('languages', () => {
  it('reads browser and Odoo tags alike', () => {
    expect(normalizeTag('pt_BR')).toBe('pt-BR');
    expect(normalizeTag('fr-be')).toBe('fr-BE');
    expect(normalizeTag('')).toBe('');
  });

  it('falls back by region, then language, then English', () => {
    expect(fallbackChain('pt-BR')).toEqual(['pt-BR', 'pt', 'en']);
    expect(resolveLanguage('fr_BE')).toBe('fr');
    expect(resolveLanguage('fr-CA')).toBe('fr');
    expect(resolveLanguage('ja')).toBe('en');
    expect(resolveLanguage('')).toBe('en');
  });

  it('knows which way a language writes', () => {
    expect(isRtl('ar')).toBe(true);
    expect(isRtl('he-IL')).toBe(true);
    expect(isRtl('ar-XB')).toBe(true);
    expect(isRtl('fr')).toBe(false);
  });
});

describe('plurals (Intl.PluralRules)', () => {
  const pl = new Translator('pl', [
    { 'date.overdue.one': '{0} dzień po terminie', 'date.overdue.few': '{0} dni po terminie (few)', 'date.overdue.many': '{0} dni po terminie (many)', 'date.overdue.other': '{0} dnia po terminie' },
  ]);
  it('picks Polish one, few, many and other', () => {
    expect(pl.plural('date.overdue', 1)).toBe('1 dzień po terminie');
    expect(pl.plural('date.overdue', 3)).toBe('3 dni po terminie (few)');
    expect(pl.plural('date.overdue', 22)).toBe('22 dni po terminie (few)');
    expect(pl.plural('date.overdue', 5)).toBe('5 dni po terminie (many)');
    expect(pl.plural('date.overdue', 12)).toBe('12 dni po terminie (many)');
    expect(pl.plural('date.overdue', 1.5)).toBe('1,5 dnia po terminie');
  });

  it('counts 0 as one in French, with the count written the French way', async () => {
    const fr = await loadTranslator('fr-FR');
    expect(fr.plural('contacts.import.added', 0)).toBe('0 contact importé');
    expect(fr.plural('contacts.import.added', 1)).toBe('1 contact importé');
    expect(fr.plural('contacts.import.added', 2)).toBe('2 contacts importés');
    expect(fr.plural('contacts.import.added', 1234)).toBe('1\u202f234 contacts importés');
  });

  it('uses the English forms in English', async () => {
    const en = await loadTranslator('en-US');
    expect(en.plural('contacts.import.added', 1)).toBe('1 contact imported');
    expect(en.plural('contacts.import.added', 0)).toBe('0 contacts imported');
  });
});

describe('language preference', () => {
  it('is the browser’s, the Odoo user’s (the browser’s until connected) or a fixed one', () => {
    expect(chosenTag(readLanguagePreference(undefined), 'de-DE')).toBe('de-DE');
    expect(chosenTag(readLanguagePreference({ choice: 'odoo', odoo: 'fr_BE' }), 'de-DE')).toBe('fr_BE');
    expect(chosenTag(readLanguagePreference({ choice: 'odoo' }), 'de-DE')).toBe('de-DE');
    expect(chosenTag(readLanguagePreference({ choice: 'fr' }), 'de-DE')).toBe('fr');
  });

  it('reads damaged data as automatic', () => {
    expect(readLanguagePreference({ choice: 'klingon', odoo: 42 })).toEqual({ choice: 'auto', odoo: '' });
    expect(readLanguagePreference('fr')).toEqual({ choice: 'auto', odoo: '' });
  });
});
