import { CALL_OUTCOMES, type CallOutcome } from '../../sip/states';
import type { CallQualitySummary, HistoryApi, HistoryEntry, WrapUp } from '../types';
import type { Connection } from './connection';
import type { HistoryRow } from './db';
import { newestMatching, newestRows } from './history-scan';
import { fail, guard, newId, ok } from './result';
import { textFilter } from './text';
import { t } from '../../i18n';

function toRow(entry: HistoryEntry): HistoryRow {
  return entry.seen ? entry : { ...entry, unseenOutcome: entry.outcome };
}

const OUTCOMES: ReadonlySet<string> = new Set<CallOutcome>(CALL_OUTCOMES);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Copies field by field (the derived index field does not leak out), and reads rows written by an
 * older version or damaged as well as it can: a field of the wrong type gets a neutral value
 * rather than breaking Recent.
 */
function toEntry(row: HistoryRow): HistoryEntry {
  const r = row as unknown as Record<string, unknown>;
  return {
    id: str(r.id),
    direction: r.direction === 'incoming' ? 'incoming' : 'outgoing',
    number: str(r.number),
    contactId: typeof r.contactId === 'string' ? r.contactId : null,
    contactName: str(r.contactName),
    startedAt: num(r.startedAt) ?? 0,
    answeredAt: num(r.answeredAt),
    durationSec: Math.max(0, num(r.durationSec) ?? 0),
    outcome: OUTCOMES.has(str(r.outcome)) ? (r.outcome as CallOutcome) : 'failed',
    reason: str(r.reason),
    seen: r.seen !== false,
    ...(typeof r.callId === 'string' ? { callId: r.callId } : {}),
    ...wrapUpOf(r.wrapUp),
    ...(r.whileOnCall === true ? { whileOnCall: true } : {}),
    ...qualityOf(r.quality),
    ...(r.doNotDisturb === true ? { doNotDisturb: true } : {}),
  };
}

/** The call's quality figures, when all four are numbers (an older or damaged row has none). */
function qualityOf(v: unknown): { quality?: CallQualitySummary } {
  if (typeof v !== 'object' || v === null) return {};
  const q = v as Record<string, unknown>;
  const [mos, worstMos, lossPercent, jitterMs] = [num(q.mos), num(q.worstMos), num(q.lossPercent), num(q.jitterMs)];
  return mos === null || worstMos === null || lossPercent === null || jitterMs === null ? {} : { quality: { mos, worstMos, lossPercent, jitterMs } };
}

function wrapUpOf(v: unknown): { wrapUp?: WrapUp } {
  if (typeof v !== 'object' || v === null) return {};
  const w = v as Record<string, unknown>;
  return { wrapUp: { outcome: str(w.outcome), note: str(w.note) } };
}

export function localHistory({ conn }: { conn: Connection }): HistoryApi {
  return {
    list: (limit, query, outcome) =>
      guard('data.fail.readHistory', async () => {
        const db = await conn.get();
        const matches = textFilter(query);
        const rows = query.trim() === '' && outcome === undefined
          ? await newestRows(db, limit)
          : await newestMatching(db, limit, (row) => {
            const e = toEntry(row);
            return matches([e.contactName], [e.number]) && (outcome === undefined || (e.wrapUp?.outcome ?? '') === outcome);
          });
        return ok(rows.map(toEntry));
      }),

    annotate: (callId, wrapUp) =>
      guard('data.fail.recordCall', async () => {
        const db = await conn.get();
        const [row] = await newestMatching(db, 1, (r) => r.callId === callId);
        if (!row) return fail(t('wrapUp.noEntry'));
        const entry: HistoryEntry = { ...toEntry(row), wrapUp: { outcome: wrapUp.outcome.trim(), note: wrapUp.note.trim() } };
        await db.put('history', toRow(entry));
        return ok(entry);
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
