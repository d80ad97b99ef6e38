/**
 * The language the user chose in the settings: the browser's (automatic), the connected Odoo
 * user's, or a fixed one. Kept in `storage.local` under its own key, beside `clickToCall`: content
 * scripts read it too (nothing in it is private: a choice and a language tag).
 */
import browser from 'webextension-polyfill';
import { LANGUAGES, PSEUDO_LANGUAGES, normalizeTag, type UiLanguage } from './languages';

export const LANGUAGE_KEY = 'language';

export type LanguageChoice = 'auto' | 'odoo' | UiLanguage;

export interface LanguagePreference {
  choice: LanguageChoice;
  /** The connected Odoo user's language as Odoo names it ("fr_BE"), set on Connect. */
  odoo: string;
}

export const DEFAULT_LANGUAGE: LanguagePreference = { choice: 'auto', odoo: '' };

const CHOICES: readonly string[] = ['auto', 'odoo', ...LANGUAGES, ...PSEUDO_LANGUAGES];

export function isLanguageChoice(value: unknown): value is LanguageChoice {
  return typeof value === 'string' && CHOICES.includes(value);
}

/** Stored data as it is, old or damaged, made safe. */
export function readLanguagePreference(stored: unknown): LanguagePreference {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_LANGUAGE };
  const s = stored as Partial<Record<keyof LanguagePreference, unknown>>;
  return {
    choice: isLanguageChoice(s.choice) ? s.choice : 'auto',
    odoo: typeof s.odoo === 'string' && normalizeTag(s.odoo) !== '' ? s.odoo : '',
  };
}

/** The language tag to show, given the browser's. */
export function chosenTag(preference: LanguagePreference, browserLanguage: string): string {
  if (preference.choice === 'auto') return browserLanguage;
  if (preference.choice === 'odoo') return preference.odoo || browserLanguage;
  return preference.choice;
}

export async function loadLanguagePreference(): Promise<LanguagePreference> {
  return readLanguagePreference((await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY]);
}

export async function saveLanguagePreference(change: Partial<LanguagePreference>): Promise<void> {
  const next = readLanguagePreference({ ...(await loadLanguagePreference()), ...change });
  await browser.storage.local.set({ [LANGUAGE_KEY]: next });
}

/** Calls `listener` when the preference changes in any context; returns the unsubscribe. */
export function onLanguagePreferenceChange(listener: (preference: LanguagePreference) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[LANGUAGE_KEY];
    if (area === 'local' && change) listener(readLanguagePreference(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
