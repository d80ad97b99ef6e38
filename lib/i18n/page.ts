/**
 * An extension page's language: the user's choice read before the page is mounted, written on
 * `<html lang dir>` (so a right-to-left language mirrors the layout), and applied again without
 * reinstalling when the choice changes (the page is read again in the new language).
 */
import { useTranslator } from './index';
import type { Translator } from './translator';
import { loadTranslator } from './catalogs';
import { isRtl, resolveLanguage } from './languages';
import { chosenTag, loadLanguagePreference, onLanguagePreferenceChange } from './preference';

export async function startPageLanguage(): Promise<Translator> {
  let translator: Translator;
  try {
    translator = await loadTranslator(chosenTag(await loadLanguagePreference(), navigator.language));
  } catch {
    // A storage that cannot be read must not leave the page blank: the browser's language then.
    translator = await loadTranslator(navigator.language);
  }
  useTranslator(translator);
  document.documentElement.lang = translator.language === 'ar-XB' ? 'ar' : translator.language;
  document.documentElement.dir = isRtl(translator.language) ? 'rtl' : 'ltr';
  onLanguagePreferenceChange((preference) => {
    if (resolveLanguage(chosenTag(preference, navigator.language)) !== translator.language) location.reload();
  });
  return translator;
}
