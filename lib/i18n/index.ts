import { en, type MessageKey } from './en';

export type { MessageKey };

const catalogs: Record<string, Partial<Record<MessageKey, string>>> = { en };
let active: Partial<Record<MessageKey, string>> = en;
/** Each string cut at its placeholders once, for the catalogue it was cut from. */
const split = new Map<MessageKey, { from: typeof active; parts: readonly (string | number)[] }>();

/** Picks the catalogue for a browser language; English fills any gap. */
export function setLocale(language: string): void {
  active = catalogs[language.split(/[-_]/)[0] ?? 'en'] ?? en;
}

function template(key: MessageKey): string {
  return active[key] ?? (en[key] as string | undefined) ?? '';
}

/** Looks up a string and fills `{0}`, `{1}`… placeholders. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  if (subs.length === 0) return template(key);
  let out = '';
  for (const piece of parts(key)) out += typeof piece === 'number' ? String(subs[piece] ?? '') : piece;
  return out;
}

/**
 * A string cut at its placeholders, for markup inside a sentence (see components/Message.svelte):
 * 'Set {0} to {1}.' → ['Set ', 0, ' to ', 1, '.'].
 */
export function parts(key: MessageKey): readonly (string | number)[] {
  const cached = split.get(key);
  if (cached?.from === active) return cached.parts;
  const made = template(key)
    .split(/\{(\d)\}/)
    .map((piece, i) => (i % 2 === 1 ? Number(piece) : piece))
    .filter((piece) => piece !== '');
  split.set(key, { from: active, parts: made });
  return made;
}
