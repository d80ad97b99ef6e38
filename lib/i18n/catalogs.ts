/**
 * Loads the catalogue of a language (and of its fallback chain) for extension pages and the
 * background. Each `locales/<language>.json` is its own chunk, so a page loads only the one it shows.
 * Content scripts do not import this: they get their few strings from `content-strings.ts`.
 */
import { fallbackChain, isPseudo, resolveLanguage } from './languages';
import { pseudoCatalog } from './pseudo';
import { Translator, type Catalog } from './translator';

const files = import.meta.glob<Catalog>('./locales/*.json', { import: 'default' });

export async function loadTranslator(tag: string): Promise<Translator> {
  const language = resolveLanguage(tag);
  if (isPseudo(language)) return new Translator(language, [pseudoCatalog(language)]);
  const chain = fallbackChain(language).filter((l) => l !== 'en');
  const catalogs = await Promise.all(chain.map((l) => files[`./locales/${l}.json`]?.() ?? Promise.resolve({})));
  return new Translator(language, catalogs);
}
