/**
 * Contact search over the multiEntry `search` index. IndexedDB costs per entry read (tens of
 * microseconds in Chromium), so each keystroke reads about one page of entries, never every
 * contact:
 *  - one word: the first entries of its prefix range, until `limit` distinct contacts;
 *  - several words: first as a phrase ("hugo sch" against the name "hugo schulz", the company,
 *    the email's words), which is as cheap as one word; only when no phrase matches (words
 *    spread over fields: "hugo acme") the rarest word's range is read and filtered by the rest.
 */
import type { IDBPIndex } from 'idb';
import type { ContactRow, LocalDb, LocalSchema } from './db';
import { byName } from './contact-row';
import { MAX_KEY_LENGTH } from './search-keys';
import { queryTokens } from './text';

type SearchIndex = IDBPIndex<LocalSchema, ['contacts'], 'contacts', 'search'>;

/**
 * Entries read to rank words by rarity, and the most read for one word. A range under this
 * size is read whole (exact results); a longer one only this far, so a query of common words
 * spread over several fields may miss matches beyond it rather than stall the keystroke.
 */
const WORD_BUDGET = 1_000;

const prefix = (token: string): IDBKeyRange => IDBKeyRange.bound(token, `${token}\uffff`);

function distinct(rows: ContactRow[]): ContactRow[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

/** The first `limit` distinct contacts of a prefix range, in key order. */
async function firstOfRange(index: SearchIndex, token: string, limit: number): Promise<ContactRow[]> {
  // A contact often has two keys under one prefix (name and email word): read twice the page,
  // and more only in the rare case that was not enough.
  for (let want = limit * 2; ; want *= 4) {
    const rows = await index.getAll(prefix(token), want);
    const found = distinct(rows);
    if (found.length >= limit || rows.length < want || want >= WORD_BUDGET) return found.slice(0, limit);
  }
}

/** Every word must start some key of the contact (two words may start the same key). */
async function spreadWords(index: SearchIndex, tokens: string[], limit: number): Promise<ContactRow[]> {
  const sizes = await Promise.all(tokens.map(async (t) => (await index.getAllKeys(prefix(t), WORD_BUDGET)).length));
  const [rarest] = tokens.map((token, i) => ({ token, size: sizes[i] ?? 0 })).sort((a, b) => a.size - b.size);
  if (!rarest || rarest.size === 0) return [];
  const rows = await index.getAll(prefix(rarest.token), WORD_BUDGET);
  const matchesAll = (row: ContactRow) => tokens.every((t) => row.search.some((key) => key.startsWith(t)));
  return distinct(rows).filter(matchesAll).sort(byName).slice(0, limit);
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
  return spreadWords(index, tokens, limit);
}
