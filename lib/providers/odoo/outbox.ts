/**
 * Writes to Odoo that could not be made (Odoo unreachable, session ended) wait here, in their own
 * IndexedDB database so they survive restarts, and are sent again in order. Nothing is dropped:
 * a write Odoo refuses for good (the record was deleted meanwhile, a rule forbids it) becomes a
 * conflict the user is told about and can dismiss; it does not block the writes behind it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { t } from '../../i18n';
import type { OdooFailure } from './errors';
import type { OdooRpc } from './rpc';

export interface OdooWrite {
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export interface OutboxEntry {
  /** Order of arrival. */
  seq?: number;
  write: OdooWrite;
  /** What it is, in the user's words ("Mark done: Call Gemini Furniture"). */
  label: string;
  createdAt: number;
  attempts: number;
  /** Why the last try failed ('' before any try). */
  lastError: string;
  /** Set when Odoo refused it for good. */
  conflict: boolean;
}

interface OutboxSchema extends DBSchema {
  writes: { key: number; value: OutboxEntry };
}

export type DrainResult =
  /** Everything that could be sent was; `conflicts` are new refusals to show the user. */
  | { state: 'drained'; sent: number; conflicts: OutboxEntry[] }
  /** Stopped: Odoo is still out of reach or the session ended; the rest waits, in order. */
  | { state: 'waiting'; sent: number; conflicts: OutboxEntry[]; failure: OdooFailure };

const isWrite = (w: unknown): w is OdooWrite => {
  if (typeof w !== 'object' || w === null) return false;
  const o = w as Record<string, unknown>;
  return typeof o.model === 'string' && typeof o.method === 'string' && Array.isArray(o.args) && typeof o.kwargs === 'object' && o.kwargs !== null;
};

/** Failures that mean "try again later", not "Odoo said no". */
const TRANSIENT: ReadonlySet<OdooFailure['kind']> = new Set(['unreachable', 'sessionExpired', 'protocol']);

export interface Outbox {
  add(write: OdooWrite, label: string): Promise<void>;
  /** Waiting writes, oldest first (conflicts excluded). */
  pending(): Promise<OutboxEntry[]>;
  conflicts(): Promise<OutboxEntry[]>;
  dismissConflict(seq: number): Promise<void>;
  /** Sends waiting writes in order until one cannot be sent now. */
  drain(rpc: OdooRpc): Promise<DrainResult>;
  close(): Promise<void>;
}

export function odooOutbox(dbName = 'softphone-odoo-outbox', now: () => number = Date.now): Outbox {
  let db: Promise<IDBPDatabase<OutboxSchema>> | null = null;
  const open = () =>
    (db ??= openDB<OutboxSchema>(dbName, 1, {
      upgrade(d) {
        d.createObjectStore('writes', { keyPath: 'seq', autoIncrement: true });
      },
    }));
  let draining: Promise<DrainResult> | null = null;

  async function all(): Promise<OutboxEntry[]> {
    return (await open()).getAll('writes');
  }

  async function drainOnce(rpc: OdooRpc): Promise<DrainResult> {
    let sent = 0;
    const conflicts: OutboxEntry[] = [];
    for (const entry of (await all()).filter((e) => !e.conflict)) {
      const d = await open();
      if (!isWrite(entry.write)) {
        // Written by an older version or damaged: never sent, shown to the user instead.
        const damaged: OutboxEntry = { ...entry, label: typeof entry.label === 'string' ? entry.label : '?', lastError: t('odoo.outbox.damaged'), conflict: true };
        await d.put('writes', damaged);
        conflicts.push(damaged);
        continue;
      }
      const r = await rpc.callKw(entry.write.model, entry.write.method, entry.write.args, entry.write.kwargs);
      if (r.ok) {
        await d.delete('writes', entry.seq as number);
        sent++;
        continue;
      }
      const updated: OutboxEntry = { ...entry, attempts: entry.attempts + 1, lastError: r.failure.message };
      if (TRANSIENT.has(r.failure.kind)) {
        await d.put('writes', updated);
        return { state: 'waiting', sent, conflicts, failure: r.failure };
      }
      const conflict = { ...updated, conflict: true };
      await d.put('writes', conflict);
      conflicts.push(conflict);
    }
    return { state: 'drained', sent, conflicts };
  }

  return {
    async add(write, label) {
      await (await open()).add('writes', { write, label, createdAt: now(), attempts: 0, lastError: '', conflict: false });
    },
    async pending() {
      return (await all()).filter((e) => !e.conflict);
    },
    async conflicts() {
      return (await all()).filter((e) => e.conflict);
    },
    async dismissConflict(seq) {
      const d = await open();
      const e = await d.get('writes', seq);
      if (e?.conflict) await d.delete('writes', seq);
    },
    drain(rpc) {
      // One drain at a time: two would send the same write twice.
      // Across the extension's pages too (popup, phone host, background): a Web Lock.
      const locks = globalThis.navigator?.locks;
      const run = () => drainOnce(rpc);
      if (draining) return draining;
      const started = locks ? (locks.request(`${dbName}:drain`, run) as unknown as Promise<DrainResult>) : run();
      draining = started.finally(() => (draining = null));
      return draining;
    },
    async close() {
      const current = db;
      db = null;
      if (current) (await current).close();
    },
  };
}
