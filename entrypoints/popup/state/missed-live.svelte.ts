import type { HistoryEntry } from '../../../lib/providers/types';
import type { DataSource } from './data-source.svelte';

/** How many of the newest calls are looked at when the history changes (a few may land at once). */
const NEWEST = 5;

/**
 * A call missed while the popup is open: shown at once (a banner with Call back on every screen),
 * not when the popup is next opened. Only calls that started after the popup opened count: older
 * ones are Recent's badge's business.
 */
export class MissedLive {
  #entry = $state.raw<HistoryEntry | null>(null);
  /** Calls already shown or dismissed, so a later history change does not bring one back. */
  readonly #announced: string[] = [];
  readonly #since: number;
  readonly #source: DataSource;

  constructor(source: DataSource, since = Date.now()) {
    this.#source = source;
    this.#since = since;
  }

  /** The newest missed call not yet dismissed, or null. */
  get entry(): HistoryEntry | null { return this.#entry; }

  /** The history changed: a missed call among its newest rows is shown. */
  async check(): Promise<void> {
    const r = await (await this.#source.get()).history.list(NEWEST, '');
    if (!r.ok) return;
    const fresh = r.value.find((e) => e.outcome === 'missed' && e.startedAt >= this.#since && !this.#announced.includes(e.id));
    if (!fresh) return;
    this.#announced.push(fresh.id);
    this.#entry = fresh;
  }

  /** The user called back or closed the banner. */
  dismiss(): void {
    this.#entry = null;
  }
}
