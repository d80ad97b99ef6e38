/**
 * The languages the softphone speaks, how a browser's or Odoo's language tag maps onto them, and
 * which way each one writes.
 */

/** Shipped catalogues: English (the source, `en*.ts`) and one JSON file each in `locales/`. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Test-only languages, made from English at run time (`pseudo.ts`), never offered in the settings:
 * `en-XA` is longer and accented (catches clipped text), `ar-XB` writes right to left (catches a
 * layout that does not mirror). Chrome uses the same two tags for its own pseudo-locales.
 */
export const PSEUDO_LANGUAGES = ['en-XA', 'ar-XB'] as const;
export type PseudoLanguage = (typeof PSEUDO_LANGUAGES)[number];
export type UiLanguage = Language | PseudoLanguage;

/** Each language's name in itself, for the settings' list. */
export const NATIVE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
  'pt-BR': 'Português (Brasil)',
  pl: 'Polski',
};

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb']);

/** "pt_BR" (Odoo), "pt-br", "PT-BR" → "pt-BR"; junk → "". */
export function normalizeTag(tag: string): string {
  const parts = tag.trim().replace(/_/g, '-').split('-').filter(Boolean);
  const [base, ...rest] = parts;
  if (!base || !/^[a-z]{2,3}$/i.test(base)) return '';
  return [base.toLowerCase(), ...rest.map((p) => (/^[a-z]{2}$/i.test(p) ? p.toUpperCase() : p))].join('-');
}

/** The tags to look a string up under, most precise first: "pt-BR" → ["pt-BR", "pt", "en"]. */
export function fallbackChain(tag: string): string[] {
  const parts = normalizeTag(tag).split('-').filter(Boolean);
  const chain: string[] = [];
  for (let n = parts.length; n > 0; n--) chain.push(parts.slice(0, n).join('-'));
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

export function isPseudo(tag: string): tag is PseudoLanguage {
  return (PSEUDO_LANGUAGES as readonly string[]).includes(tag);
}

/**
 * The language to show for a tag: the first of its chain that ships, else another region of the
 * same language ("pt-PT" → "pt-BR", better than English for a Portuguese reader), else English.
 */
export function resolveLanguage(tag: string): UiLanguage {
  const normal = normalizeTag(tag);
  if (isPseudo(normal)) return normal;
  for (const candidate of fallbackChain(normal)) {
    const found = LANGUAGES.find((l) => l === candidate);
    if (found) return found;
  }
  const base = normal.split('-')[0];
  return LANGUAGES.find((l) => l.split('-')[0] === base) ?? 'en';
}

export function isRtl(tag: string): boolean {
  return tag === 'ar-XB' || RTL.has(normalizeTag(tag).split('-')[0] ?? '');
}

/** The `_locales` folder Chrome and Firefox read for a language ("pt-BR" → "pt_BR"). */
export function localesFolder(language: Language): string {
  return language.replace('-', '_');
}
