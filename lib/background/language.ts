/**
 * The background's language (notifications, the context menu, errors it reports): the user's
 * choice, applied again whenever it changes, with no reinstall. It also writes the strings content
 * scripts show (`content-strings.ts`), since they do not carry the catalogues.
 */
import browser from 'webextension-polyfill';
import { useTranslator } from '../i18n';
import { loadTranslator } from '../i18n/catalogs';
import { CONTENT_STRINGS_KEY, contentStringsOf } from '../i18n/content-strings';
import { chosenTag, loadLanguagePreference, onLanguagePreferenceChange, type LanguagePreference } from '../i18n/preference';
import { createLogger } from '../log';

const log = createLogger('language');

const listeners = new Set<() => void>();

/** `listener` runs each time a language has been applied (menus made in English are renamed). */
export function onLanguageApplied(listener: () => void): void {
  listeners.add(listener);
}

async function apply(preference: LanguagePreference): Promise<void> {
  const translator = await loadTranslator(chosenTag(preference, browser.i18n.getUILanguage()));
  useTranslator(translator);
  for (const listener of listeners) listener();
  await browser.storage.local.set({ [CONTENT_STRINGS_KEY]: contentStringsOf(translator) });
}

export function startBackgroundLanguage(): Promise<void> {
  onLanguagePreferenceChange((preference) => void apply(preference).catch((e: unknown) => log.warn(e)));
  return loadLanguagePreference()
    .then(apply)
    .catch((e: unknown) => log.warn(e));
}
