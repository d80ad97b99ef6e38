import type { MessageKey } from './en';
import { Translator, type PluralKey } from './translator';

export type { MessageKey, PluralKey };
export { Translator };

/**
 * The language this page or context shows. English until `useTranslator` is given the chosen one
 * (`page.ts` for extension pages, `background-language.ts` for the background, `content-strings.ts`
 * for content scripts).
 */
let current = new Translator('en', []);

export function useTranslator(translator: Translator): void {
  current = translator;
}

export function activeLanguage(): string {
  return current.language;
}

/** Looks up a string in the active language and fills `{0}`, `{1}`… placeholders. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return current.t(key, ...subs);
}

/** A counted string in the active language: `plural('contacts.import.added', 3)`. */
export function plural(key: PluralKey, count: number, ...more: (string | number)[]): string {
  return current.plural(key, count, ...more);
}

/** A string cut at its placeholders, for markup inside a sentence (components/Message.svelte). */
export function parts(key: MessageKey): readonly (string | number)[] {
  return current.parts(key);
}
