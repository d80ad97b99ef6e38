/**
 * Content scripts run in every page, so they do not carry the catalogues: the background writes
 * the few strings they show (call buttons, Kanban toggles), in the chosen language, under their
 * own `storage.local` key, and they read them from there.
 */
import browser from 'webextension-polyfill';
import { en, type MessageKey } from './en';
import { useTranslator } from './index';
import { Translator, type Catalog } from './translator';

export const CONTENT_STRINGS_KEY = 'contentStrings';

/** The keys content scripts show. */
export const CONTENT_KEYS = (Object.keys(en) as MessageKey[]).filter((k) => k.startsWith('clickToCall.') || k.startsWith('odooKanban.'));

export interface ContentStrings {
  language: string;
  strings: Catalog;
}

export function contentStringsOf(translator: Translator): ContentStrings {
  return { language: translator.language, strings: Object.fromEntries(CONTENT_KEYS.map((k) => [k, translator.t(k)])) };
}

function readContentStrings(stored: unknown): Translator {
  if (typeof stored !== 'object' || stored === null) return new Translator('en', []);
  const s = stored as Partial<Record<keyof ContentStrings, unknown>>;
  const strings: Catalog = {};
  if (typeof s.strings === 'object' && s.strings !== null) {
    for (const key of CONTENT_KEYS) {
      const value = (s.strings as Record<string, unknown>)[key];
      if (typeof value === 'string') strings[key] = value;
    }
  }
  return new Translator(typeof s.language === 'string' ? s.language : 'en', [strings]);
}

/** For a content script: the strings in the chosen language (English until the background wrote them). */
export async function startContentLanguage(): Promise<void> {
  try {
    useTranslator(readContentStrings((await browser.storage.local.get(CONTENT_STRINGS_KEY))[CONTENT_STRINGS_KEY]));
  } catch {
    // English stays: a call button is still better than none.
  }
}
