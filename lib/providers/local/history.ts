import type { HistoryApi, HistoryEntry } from '../types';
import type { Connection } from './connection';
import type { HistoryRow } from './db';
import { newestMatching, newestRows } from './history-scan';
import { fail, guard, newId, ok } from './result';
import { textFilter } from './text';
import { t } from '../../i18n';

function toRow(entry: HistoryEntry): HistoryRow {
  return entry.seen ? entry : { ...entry, unseenOutcome: entry.outcome };
}

/** Copies field by field so the derived index field does not leak out through the interface. */
function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    direction: row.direction,
    number: row.number,
    contactId: row.contactId,
    contactName: row.contactName,
    startedAt: row.startedAt,
    answeredAt: row.answeredAt,
    durationSec: row.durationSec,
    outcome: row.outcome,
    reason: row.reason,
    seen: row.seen,
  };
}

export function localHistory({ conn }: { conn: Connection }): HistoryApi {
  return {
    list: (limit, query) =>
      guard('data.fail.readHistory', async () => {
        const db = await conn.get();
        const matches = textFilter(query);
        const rows = query.trim() === ''
          ? await newestRows(db, limit)
          : await newestMatching(db, limit, (row) => matches([row.contactName], [row.number]));
        return ok(rows.map(toEntry));
      }),

    add: (entry) =>
      guard('data.fail.recordCall', async () => {
        if (!Number.isFinite(entry.startedAt)) return fail(t('data.history.noStart'));
        const stored: HistoryEntry = { ...entry, id: newId() };
        await (await conn.get()).add('history', toRow(stored));
        return ok(toEntry(stored));
      }),

    unseenMissed: () =>
      guard('data.fail.countMissed', async () =>
        ok(await (await conn.get()).countFromIndex('history', 'unseenOutcome', 'missed')),
      ),

    markAllSeen: () =>
      guard('data.fail.markSeen', async () => {
        const tx = (await conn.get()).transaction('history', 'readwrite');
        const unseen = await tx.store.index('unseenOutcome').getAll();
        await Promise.all([...unseen.map((row) => tx.store.put(toRow({ ...toEntry(row), seen: true }))), tx.done]);
        return ok(undefined);
      }),
  };
}
