/**
 * Writes to Odoo that could not be made (Odoo unreachable, session ended) wait here, in their own
 * IndexedDB database so they survive restarts, and are sent again in order. Nothing is dropped:
 * a write Odoo refuses for good (the record was deleted meanwhile, a rule forbids it) becomes a
 * conflict the user is told about and can dismiss; it does not block the writes behind it. Nor
 * does one that keeps failing in a way we cannot read (a proxy answering HTML) while Odoo answers
 * other requests: after `MAX_ATTEMPTS` it becomes a conflict too, with its last error.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { plural, t } from '../../i18n';
import { unreachable, type OdooFailure } from './errors';
import type { OdooRpc } from './rpc';

/**
 * Tries of one write, failing each time while Odoo answers a plain read, before it is shown as a
 * conflict and the writes behind it go. While Odoo is out of reach nothing is counted against it.
 */
export const MAX_ATTEMPTS = 5;
/** A drain (waiting for the lock included) stops after this long; what is left waits for the next. */
export const DRAIN_DEADLINE_MS = 60_000;

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

/** Does Odoo answer at all? A read any user may make, on the same connection as the writes. */
async function odooAnswers(rpc: OdooRpc, signal: AbortSignal): Promise<boolean> {
  const r = await rpc.callKw('res.users', 'search_count', [[['id', '=', 0]]], {}, { signal });
  return r.ok;
}

export function odooOutbox(
  dbName = 'softphone-odoo-outbox',
  now: () => number = Date.now,
  limits: { deadlineMs?: number } = {},
): Outbox {
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

  async function drainOnce(rpc: OdooRpc, signal: AbortSignal): Promise<DrainResult> {
    let sent = 0;
    const conflicts: OutboxEntry[] = [];
    const stopped = (): DrainResult => ({ state: 'waiting', sent, conflicts, failure: unreachable(rpc.baseUrl, t('odoo.error.stopped')) });
    for (const entry of (await all()).filter((e) => !e.conflict)) {
      if (signal.aborted) return stopped();
      const d = await open();
      if (!isWrite(entry.write)) {
        // Written by an older version or damaged: never sent, shown to the user instead.
        const damaged: OutboxEntry = { ...entry, label: typeof entry.label === 'string' ? entry.label : '?', lastError: t('odoo.outbox.damaged'), conflict: true };
        await d.put('writes', damaged);
        conflicts.push(damaged);
        continue;
      }
      const r = await rpc.callKw(entry.write.model, entry.write.method, entry.write.args, entry.write.kwargs, { signal });
      if (r.ok) {
        await d.delete('writes', entry.seq as number);
        sent++;
        continue;
      }
      // Cut short by the drain's deadline: not this write's fault, not counted.
      if (signal.aborted) return stopped();
      const updated: OutboxEntry = { ...entry, attempts: entry.attempts + 1, lastError: r.failure.message };
      const gaveUp = TRANSIENT.has(r.failure.kind) && updated.attempts >= MAX_ATTEMPTS && (await odooAnswers(rpc, signal));
      if (TRANSIENT.has(r.failure.kind) && !gaveUp) {
        await d.put('writes', updated);
        return { state: 'waiting', sent, conflicts, failure: r.failure };
      }
      const why = gaveUp ? plural('odoo.outbox.gaveUp', MAX_ATTEMPTS, r.failure.message) : r.failure.message;
      const conflict = { ...updated, lastError: why, conflict: true };
      await d.put('writes', conflict);
      conflicts.push(conflict);
    }
    return { state: 'drained', sent, conflicts };
  }

  /** One drain under a deadline that also bounds the wait for another page's drain (the lock). */
  async function drainWithin(rpc: OdooRpc): Promise<DrainResult> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limits.deadlineMs ?? DRAIN_DEADLINE_MS);
    const run = () => drainOnce(rpc, deadline.signal);
    try {
      // Across the extension's pages too (popup, phone host, background): a Web Lock.
      const locks = globalThis.navigator?.locks;
      if (!locks) return await run();
      return (await locks.request(`${dbName}:drain`, { signal: deadline.signal }, run)) as DrainResult;
    } catch (e) {
      // The lock was not ours in time: another page's drain still runs.
      if (!deadline.signal.aborted) throw e;
      return { state: 'waiting', sent: 0, conflicts: [], failure: unreachable(rpc.baseUrl, t('odoo.error.stopped')) };
    } finally {
      clearTimeout(timer);
    }
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
      if (draining) return draining;
      draining = drainWithin(rpc).finally(() => (draining = null));
      return draining;
    },
    async close() {
      const current = db;
      db = null;
      if (current) (await current).close();
    },
  };
}
