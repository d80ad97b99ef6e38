import { en, type MessageKey } from './en';

export type { MessageKey };

const catalogs: Record<string, Partial<Record<MessageKey, string>>> = { en };
let active: Partial<Record<MessageKey, string>> = en;

/** Picks the catalogue for a browser language; English fills any gap. */
export function setLocale(language: string): void {
  active = catalogs[language.split(/[-_]/)[0] ?? 'en'] ?? en;
}

/** Looks up a string and fills `{0}`, `{1}`… placeholders. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const template: string = active[key] ?? (en[key] as string | undefined) ?? "";
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(subs[Number(i)] ?? ''));
}
