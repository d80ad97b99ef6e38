/**
 * Newest-first reading of the call history. Stepping a cursor costs a round trip per row (a
 * filtered list over thousands of calls took ~150 ms in Chromium), and getAll only reads
 * oldest-first; so a filtered list reads time windows backwards from the newest call, each
 * window one request and four times longer than the last, until enough rows match.
 */
import { unwrap } from 'idb';
import type { HistoryRow, LocalDb } from './db';

/** IDBIndex.getAllRecords (Chromium 141+): one request that can read newest-first. */
interface RecordsIndex {
  getAllRecords?(options: { count?: number; direction?: IDBCursorDirection }): IDBRequest<{ value: HistoryRow }[]>;
}

function newestByRecords(index: RecordsIndex, limit: number): Promise<HistoryRow[]> | null {
  if (typeof index.getAllRecords !== 'function') return null;
  const request = index.getAllRecords({ count: limit, direction: 'prev' });
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result.map((r) => r.value));
    request.onerror = () => reject(request.error ?? new Error('getAllRecords failed'));
  });
}

const FIRST_WINDOW_MS = 86_400_000;

/**
 * The `limit` newest rows, when there is no filter: one getAllRecords request where the browser
 * has it, else a page of cursor steps (Firefox ESR).
 */
export async function newestRows(db: LocalDb, limit: number): Promise<HistoryRow[]> {
  if (limit <= 0) return [];
  const index = db.transaction('history').store.index('startedAt');
  const records = newestByRecords(unwrap(index) as RecordsIndex, limit);
  if (records) return records;
  const out: HistoryRow[] = [];
  let cursor = await index.openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export async function newestMatching(db: LocalDb, limit: number, keep: (row: HistoryRow) => boolean): Promise<HistoryRow[]> {
  if (limit <= 0) return [];
  const index = db.transaction('history').store.index('startedAt');
  const newest = (await index.openKeyCursor(null, 'prev'))?.key;
  const oldest = (await index.openKeyCursor(null, 'next'))?.key;
  if (newest === undefined || oldest === undefined) return [];
  const out: HistoryRow[] = [];
  let upper = newest;
  let span = FIRST_WINDOW_MS;
  let first = true;
  for (;;) {
    const lower = upper - span;
    // Windows share a bound: the newer one leaves it out, so no row is read twice.
    const rows = await index.getAll(IDBKeyRange.bound(lower, upper, false, !first));
    for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) {
      const row = rows[i];
      if (row && keep(row)) out.push(row);
    }
    if (out.length >= limit || lower <= oldest) return out;
    upper = lower;
    span *= 4;
    first = false;
  }
}
