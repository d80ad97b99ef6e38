/**
 * Contact search over the multiEntry `search` index. IndexedDB costs per entry read (tens of
 * microseconds in Chromium), so each keystroke reads about one page of entries, never every
 * contact:
 *  - one word: the first entries of its prefix range, until `limit` distinct contacts;
 *  - several words: first as a phrase ("hugo sch" against the name "hugo schulz", the company,
 *    the email's words, "hugo acme" against name and company), which is as cheap as one word;
 *    only when no phrase matches, the rarest word's range is read and filtered by the others,
 *    up to a budget.
 */
import type { IDBPIndex } from 'idb';
import type { ContactRow, LocalDb, LocalSchema } from './db';
import { byName } from './contact-row';
import { MAX_KEY_LENGTH } from './search-keys';
import { queryTokens } from './text';

type SearchIndex = IDBPIndex<LocalSchema, ['contacts'], 'contacts', 'search'>;

/**
 * The most index entries one keystroke reads (tens of milliseconds in Chromium). A query whose
 * words only meet beyond this in the rarest word's range may miss matches rather than stall.
 */
const READ_BUDGET = 1_000;

const prefix = (token: string): IDBKeyRange => IDBKeyRange.bound(token, `${token}\uffff`);

function distinct(rows: ContactRow[]): ContactRow[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

/** The first `limit` distinct contacts of a prefix range that `keep` accepts, in key order. */
async function firstOfRange(
  index: SearchIndex,
  token: string,
  limit: number,
  keep: (row: ContactRow) => boolean = () => true,
): Promise<ContactRow[]> {
  // A contact often has two keys under one prefix (name and email word): read twice the page,
  // and more only in the rare case that was not enough.
  let want = Math.min(limit * 2, READ_BUDGET);
  for (;;) {
    const rows = await index.getAll(prefix(token), want);
    const found = distinct(rows).filter(keep);
    if (found.length >= limit || rows.length < want || want >= READ_BUDGET) return found.slice(0, limit);
    want = Math.min(want * 4, READ_BUDGET);
  }
}

/**
 * Entries counted per word to find a rare one. Counting is as slow as reading, so only this
 * far: a word under it is read whole (exact results); past it every word is common.
 */
const PROBE = 200;

/**
 * The word whose range to read: one known to be short, else a guess that costs nothing (digits
 * are rarer than letters, a longer prefix rarer than a shorter one).
 */
async function rarest(index: SearchIndex, tokens: string[]): Promise<string> {
  const sizes = await Promise.all(tokens.map(async (t) => (await index.getAllKeys(prefix(t), PROBE)).length));
  const smallest = Math.min(...sizes);
  const short = tokens[sizes.indexOf(smallest)];
  if (smallest < PROBE && short !== undefined) return short;
  const guess = (t: string) => (/^\d+$/.test(t) ? 2 : 1) * t.length;
  return tokens.reduce((best, t) => (guess(t) >= guess(best) ? t : best));
}

/** Every word must start some key of the contact (two words may start the same key). */
async function spreadWords(index: SearchIndex, tokens: string[], limit: number): Promise<ContactRow[]> {
  const matchesAll = (row: ContactRow) => tokens.every((t) => row.search.some((key) => key.startsWith(t)));
  return firstOfRange(index, await rarest(index, tokens), limit, matchesAll);
}

export async function searchContacts(db: LocalDb, query: string, limit: number): Promise<ContactRow[]> {
  if (limit <= 0) return [];
  const tokens = [...new Set(queryTokens(query).map((t) => t.slice(0, MAX_KEY_LENGTH)))];
  if (tokens.length === 0) {
    // Rows without a number have no nameKey, so this index lists only callable contacts.
    return db.getAllFromIndex('contacts', 'nameKey', null, limit);
  }
  const index = db.transaction('contacts').store.index('search');
  const phrase = tokens.join(' ').slice(0, MAX_KEY_LENGTH);
  const found = await firstOfRange(index, phrase, limit);
  if (found.length > 0 || tokens.length === 1) return found.sort(byName);
  return (await spreadWords(index, tokens, limit)).sort(byName);
}
