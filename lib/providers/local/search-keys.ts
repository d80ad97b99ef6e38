/**
 * The keys a contact is found by. Search reads a prefix range of these keys, so everything a
 * user might start typing must be the start of some key:
 *  - each word of the name, company and email, and each of them as a phrase (words joined by
 *    one space, the name also surname first), so "hugo sch" is one short range, not two long ones;
 *    and the first and last name each followed by the company ("hugo acme"), the one query that
 *    mixes fields often enough to deserve its own keys;
 *  - for numbers, the full digits, the national form ("089…" for +4989…) and every digit suffix
 *    of the national number (a prefix of a suffix is any substring: "6913" finds +16506913277).
 */
import type { Contact } from '../types';
import type { PhoneLib } from './phone-lib';
import { digitsOf, words } from './text';

/** Bounds the index entries one contact costs, whatever was imported into its fields. */
export const MAX_KEYS = 80;
/** Longer keys add nothing to a prefix search; query tokens are cut the same way. */
export const MAX_KEY_LENGTH = 32;
/** Shorter digit runs match nearly every number and would bloat the index for no use. */
const MIN_DIGIT_SUFFIX = 3;
const MAX_NUMBER_DIGITS = 20;
const MAX_PHONES = 4;

function suffixes(digits: string): string[] {
  const out: string[] = [];
  for (let start = 0; start <= digits.length - MIN_DIGIT_SUFFIX; start++) out.push(digits.slice(start));
  return out;
}

export function numberKeys(number: string, lib: PhoneLib): string[] {
  const digits = digitsOf(number).slice(-MAX_NUMBER_DIGITS);
  const parsed = lib.nationalForms(number);
  if (!parsed) return suffixes(digits);
  // Suffixes that start inside the country code ("98912…" of +49 89 12…) are never typed.
  const keys = new Set([digits, digitsOf(parsed.national), ...suffixes(parsed.nationalNumber)]);
  return [...keys];
}

/** The words, and the words as one phrase (also last word first, for "surname firstname"). */
function wordKeys(text: string, reversed: boolean): string[] {
  const list = words(text);
  if (list.length < 2) return list;
  const keys = [...list, list.join(' ')];
  if (reversed) keys.push([...list.slice(-1), ...list.slice(0, -1)].join(' '));
  return keys;
}

export function searchKeys(contact: Pick<Contact, 'name' | 'company' | 'email' | 'phones'>, lib: PhoneLib): string[] {
  const keys = new Set<string>();
  const add = (key: string): void => {
    if (keys.size < MAX_KEYS) keys.add(key.slice(0, MAX_KEY_LENGTH));
  };
  wordKeys(contact.name, true).forEach(add);
  wordKeys(contact.company, false).forEach(add);
  const nameWords = words(contact.name);
  const company = words(contact.company).join(' ');
  if (company !== '') {
    for (const word of new Set([nameWords[0], nameWords.at(-1)])) if (word) add(`${word} ${company}`);
  }
  // "j.smith@acme.com" gives j, smith, acme, com and "j smith acme com": typed as it is written,
  // the query splits into the same words.
  wordKeys(contact.email, false).forEach(add);
  for (const phone of contact.phones.slice(0, MAX_PHONES)) numberKeys(phone.number, lib).forEach(add);
  return [...keys];
}

/** The last 9 digits of a full number: enough to tell numbers apart, short of any trunk prefix. */
export function last9(number: string): string | null {
  const digits = digitsOf(number);
  return digits.length >= 9 ? digits.slice(-9) : null;
}
