/**
 * The translators' catalogues are whole: every language has every key of the English catalogue
 * (each counted string in every plural form that language needs), no placeholder lost or made up,
 * no key English no longer has, and no string left in English unless listed as the same on
 * purpose in `locales/same-on-purpose.json`. The store listing (`public/_locales`) likewise.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { LANGUAGES, localesFolder } from './languages';

const here = new URL('./locales/', import.meta.url);
const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
const english: Record<string, string> = en;
const sameOnPurpose = read(new URL('same-on-purpose.json', here)) as Record<string, string[]>;
const translated = LANGUAGES.filter((l) => l !== 'en');
const placeholders = (s: string) => [...new Set(s.match(/\{\d\}|%s/g) ?? [])].sort();
// A counted string is a pair `….one` + `….other` in English (a lone `….other`, like a phone label, is not).
const pluralBases = Object.keys(english)
  .filter((k) => k.endsWith('.other'))
  .map((k) => k.slice(0, -'.other'.length))
  .filter((base) => `${base}.one` in english);
const pluralBaseOf = (key: string) => pluralBases.find((b) => key.startsWith(`${b}.`) && /^(zero|one|two|few|many|other)$/.test(key.slice(b.length + 1)));

/** The keys a language must have: English's, with each counted string in that language's forms. */
function expectedKeys(language: string): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const plain = Object.keys(english).filter((k) => !pluralBaseOf(k));
  return [...plain, ...pluralBases.flatMap((b) => forms.map((f) => `${b}.${f}`))].sort();
}

/** Only the "one" form of a language whose "one" is exactly 1 may leave the count out ("A call…"). */
function countMayBeLeftOut(language: string, key: string): boolean {
  if (!key.endsWith('.one')) return false;
  const rules = new Intl.PluralRules(language);
  return Array.from({ length: 200 }, (_, n) => n).every((n) => n === 1 || rules.select(n) !== 'one');
}

describe('translation catalogues', () => {
  it('ships a file for each language and no other', () => {
    const files = readdirSync(here).filter((f) => f !== 'same-on-purpose.json').sort();
    expect(files).toEqual(translated.map((l) => `${l}.json`).sort());
    expect(Object.keys(sameOnPurpose).sort()).toEqual([...translated].sort());
  });

  describe.each(translated)('%s', (language) => {
    const catalog = read(new URL(`${language}.json`, here));
    const same = new Set(sameOnPurpose[language]);

    it('has every key, in every plural form the language needs, and no key English lacks', () => {
      expect(Object.keys(catalog).sort()).toEqual(expectedKeys(language));
    });

    it('keeps every placeholder and adds none', () => {
      const lost: string[] = [];
      for (const [key, value] of Object.entries(catalog)) {
        const base = pluralBaseOf(key);
        // Every form of a counted string is checked against the English "other" form.
        const source = base ? english[`${base}.other`] : english[key];
        if (typeof value !== 'string' || source === undefined) continue;
        let want = placeholders(source);
        if (base && countMayBeLeftOut(language, key) && !value.includes('{0}')) want = want.filter((p) => p !== '{0}');
        if (placeholders(value).join() !== want.join()) lost.push(`${key}: ${JSON.stringify(value)} (English: ${JSON.stringify(source)})`);
      }
      expect(lost).toEqual([]);
    });

    it('leaves nothing in English but what is marked the same on purpose', () => {
      const untranslated = Object.entries(catalog)
        .filter(([key, value]) => value === english[key] && !same.has(key))
        .map(([key]) => key);
      expect(untranslated).toEqual([]);
      // A mark that no longer matches (the translation changed, or the key is gone) is removed.
      expect([...same].filter((key) => catalog[key] !== english[key])).toEqual([]);
    });

    it('has only non-empty strings', () => {
      expect(Object.entries(catalog).filter(([, v]) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
    });
  });

  describe('store listing (public/_locales)', () => {
    const root = new URL('../../public/_locales/', import.meta.url);
    const source = read(new URL('en/messages.json', root));
    it.each(translated)('%s has every message, translated', (language) => {
      const messages = read(new URL(`${localesFolder(language)}/messages.json`, root)) as Record<string, { message: string }>;
      expect(Object.keys(messages).sort()).toEqual(Object.keys(source).sort());
      for (const [key, value] of Object.entries(messages)) {
        expect(value.message.trim()).not.toBe('');
        if (key !== 'extName') expect(value.message).not.toBe((source[key] as { message: string }).message);
      }
    });
  });
});
