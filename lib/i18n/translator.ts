import { en, type MessageKey } from './en';

export type Catalog = Partial<Record<string, string>>;

/** "contacts.import.added" for the pair "contacts.import.added.one" / "….other" of the English catalogue. */
type PluralBase<K> = K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey>;

/** The tag for Intl (plurals, numbers, dates): pseudo-locales count and write like English. */
export function intlTag(language: string): string {
  if (language === 'en-XA' || language === 'ar-XB') return 'en';
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Strings of one language: its catalogue, then each catalogue of its fallback chain, then English
 * (the completeness test keeps the shipped ones whole, so the fallbacks only serve a key added to
 * English before the translators had it).
 */
export class Translator {
  readonly language: string;
  private readonly catalogs: readonly Catalog[];
  private readonly rules: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;
  /** Each string cut at its placeholders once. */
  private readonly split = new Map<string, readonly (string | number)[]>();

  constructor(language: string, catalogs: readonly Catalog[]) {
    this.language = language;
    this.catalogs = [...catalogs, en];
    this.rules = new Intl.PluralRules(intlTag(language));
    this.numbers = new Intl.NumberFormat(intlTag(language));
  }

  private template(key: string): string {
    for (const c of this.catalogs) {
      const s = c[key];
      if (s !== undefined) return s;
    }
    return '';
  }

  /** Looks up a string and fills `{0}`, `{1}`… placeholders. */
  t(key: MessageKey, ...subs: (string | number)[]): string {
    return this.fill(key, subs);
  }

  /**
   * The form of a counted string for `count` in this language (Intl.PluralRules: Polish has
   * one/few/many, French counts 0 as one); `{0}` is the count written the local way.
   */
  plural(key: PluralKey, count: number, ...more: (string | number)[]): string {
    const form = `${key}.${this.rules.select(count)}`;
    const chosen = this.catalogs.some((c) => c[form] !== undefined) ? form : `${key}.other`;
    return this.fill(chosen, [this.numbers.format(count), ...more]);
  }

  /** A number written the local way ("1 234" in French). */
  number(n: number): string {
    return this.numbers.format(n);
  }

  /**
   * A string cut at its placeholders, for markup inside a sentence (see components/Message.svelte):
   * 'Set {0} to {1}.' → ['Set ', 0, ' to ', 1, '.'].
   */
  parts(key: MessageKey): readonly (string | number)[] {
    const cached = this.split.get(key);
    if (cached) return cached;
    const made = this.template(key)
      .split(/\{(\d)\}/)
      .map((piece, i) => (i % 2 === 1 ? Number(piece) : piece))
      .filter((piece) => piece !== '');
    this.split.set(key, made);
    return made;
  }

  private fill(key: string, subs: readonly (string | number)[]): string {
    if (subs.length === 0) return this.template(key);
    let out = '';
    for (const piece of this.parts(key as MessageKey)) out += typeof piece === 'number' ? String(subs[piece] ?? '') : piece;
    return out;
  }
}
