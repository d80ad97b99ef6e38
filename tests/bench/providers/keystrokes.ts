/**
 * What a benchmark types, and the naive search it is compared with. Kept apart from the timing
 * loop so the queries can be read (and changed) on their own.
 */
import type { Contact } from '../../../lib/providers/types';
import { digitsOf } from '../../../lib/providers/local/text';

/** Every prefix of `text` a user passes through while typing it, skipping a trailing space. */
function typing(text: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= text.length; i++) if (!text.slice(0, i).endsWith(' ')) out.push(text.slice(0, i));
  return out;
}

/**
 * `count` keystrokes: the target's full name typed letter by letter, then seven digits from the
 * middle of its number (a caller remembering part of it), then its email.
 */
export function keystrokes(target: Pick<Contact, 'name' | 'email' | 'phones'>, count: number): string[] {
  const digits = digitsOf(target.phones[0]?.number ?? '').slice(3, 10);
  return [...typing(target.name), ...typing(digits), ...typing(target.email)].slice(0, count);
}

/**
 * The baseline: what a provider without an index would do, a filter over every contact held in
 * memory (already sorted by name, so it only needs slicing). Plain lowercase, no accent folding,
 * to keep it as cheap as it can be.
 */
export function arrayFilterSearch(all: readonly Contact[], query: string, limit: number): Contact[] {
  const q = query.trim().toLowerCase();
  const digits = digitsOf(q);
  const numeric = digits !== '' && /^[\d\s+().\-/]+$/.test(q);
  return all
    .filter(
      (c) =>
        c.phones.length > 0 &&
        (numeric
          ? c.phones.some((p) => digitsOf(p.number).includes(digits))
          : c.name.toLowerCase().includes(q) || c.email.toLowerCase().includes(q) || c.company.toLowerCase().includes(q)),
    )
    .slice(0, limit);
}
