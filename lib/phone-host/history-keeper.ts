import type { HistoryEntry, ProviderResult } from '../providers/types';

export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;

/** Where entries wait while the store refuses them: the host document's localStorage. */
export interface KeeperStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface KeeperDeps {
  save(entry: NewHistoryEntry): Promise<ProviderResult<HistoryEntry>>;
  /** An entry reached the history (refresh Recent, log it in the ERP). */
  saved(entry: HistoryEntry): void;
  /** The number of waiting entries or the reason changed: tell the UI. */
  changed(): void;
  storage: KeeperStorage | null;
  /** Waits between retries, the last one repeating (ms). */
  delays?: readonly number[];
}

const KEY = 'softphone.unsavedHistory';
const DELAYS = [2_000, 5_000, 15_000, 60_000] as const;

const isEntry = (v: unknown): v is NewHistoryEntry =>
  typeof v === 'object' && v !== null && typeof (v as { number?: unknown }).number === 'string' &&
  typeof (v as { startedAt?: unknown }).startedAt === 'number';

/**
 * Writes finished calls to the history, in order, and keeps the ones the store refuses (full
 * disk, a broken database) until it takes them: retried by itself with growing waits, also kept
 * in localStorage so a restarted phone host still has them. The UI shows how many wait and why.
 */
export class HistoryKeeper {
  private queue: NewHistoryEntry[] = [];
  private failure = '';
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;

  /** Entries left by an earlier phone host are written at the first `flush()`. */
  constructor(private readonly deps: KeeperDeps) {
    this.queue = this.load();
  }

  /** Calls waiting to be written. */
  waiting(): number {
    return this.queue.length;
  }

  /** Why the last write failed ('' once everything is written). */
  reason(): string {
    return this.failure;
  }

  keep(entry: NewHistoryEntry): void {
    this.queue.push(entry);
    this.persist();
    void this.flush();
  }

  /** Writes what waits, oldest first; stops at the first refusal and tries again later. */
  flush(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length > 0) {
      const entry = this.queue[0] as NewHistoryEntry;
      let r: ProviderResult<HistoryEntry>;
      try {
        r = await this.deps.save(entry);
      } catch (e) {
        r = { ok: false, reason: e instanceof Error ? e.message : String(e) };
      }
      if (!r.ok) {
        this.failure = r.reason;
        const delays = this.deps.delays ?? DELAYS;
        const wait = delays[Math.min(this.attempt, delays.length - 1)] ?? 60_000;
        this.attempt += 1;
        this.timer = setTimeout(() => void this.flush(), wait);
        this.deps.changed();
        return;
      }
      this.queue.shift();
      this.persist();
      this.deps.saved(r.value);
    }
    const hadFailed = this.failure !== '';
    this.failure = '';
    this.attempt = 0;
    if (hadFailed) this.deps.changed();
  }

  private load(): NewHistoryEntry[] {
    try {
      const raw: unknown = JSON.parse(this.deps.storage?.getItem(KEY) ?? '[]');
      return Array.isArray(raw) ? raw.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  private persist(): void {
    try {
      if (this.queue.length === 0) this.deps.storage?.removeItem(KEY);
      else this.deps.storage?.setItem(KEY, JSON.stringify(this.queue));
    } catch {
      // localStorage full or unavailable too: the entries stay in memory.
    }
  }
}
