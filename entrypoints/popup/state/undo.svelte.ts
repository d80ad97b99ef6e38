import browser from 'webextension-polyfill';
import type { DataSource } from './data-source.svelte';

/** How long Undo is offered; the write waits this long before it goes. */
export const UNDO_MS = 5000;
const KEY = 'softphone.undoPending';

/** A write that waits out its undo window: an activity marked done, or cancelled. */
export interface HeldWrite {
  kind: 'done' | 'cancel';
  activityId: string;
  feedback: string;
  /** What the Undo bar says ("“Call Ada” marked as done."). */
  label: string;
}

/** How a held write ended: undone, sent (with the provider's word, e.g. kept for later), refused. */
export type HeldEnd = { kind: 'undone' } | { kind: 'sent'; notice: string } | { kind: 'failed'; reason: string };

/**
 * Undo for Mark done and Cancel activity by holding the write back, not by undoing it: in Odoo both
 * delete the activity (Cancel unlinks it; Done posts the feedback and unlinks it), and nothing can
 * bring back the same activity afterwards. So the row leaves the list at once, the write goes when
 * the window ends, and Undo just drops it. The held write is kept in storage until it went: a popup
 * closed within the window sends it as it closes, and, should that not finish, on the next open.
 */
export class UndoableWrites {
  #held = $state.raw<HeldWrite | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #source: DataSource;
  readonly #after: (w: HeldWrite, end: HeldEnd) => void;

  /** `after` runs once a write was undone, went, or was refused. */
  constructor(source: DataSource, after: (w: HeldWrite, end: HeldEnd) => void) {
    this.#source = source;
    this.#after = after;
  }

  /** The write Undo would drop, or null. */
  get held(): HeldWrite | null {
    return this.#held;
  }

  /** Holds a write for the undo window; one held before it goes now. */
  async hold(w: HeldWrite): Promise<void> {
    await this.flush();
    this.#held = w;
    await browser.storage.local.set({ [KEY]: w });
    this.#timer = setTimeout(() => void this.flush(), UNDO_MS);
  }

  /** Drops the held write: nothing was sent. */
  async undo(): Promise<void> {
    const w = this.#held;
    if (!w) return;
    this.#clear();
    await browser.storage.local.remove(KEY);
    this.#after(w, { kind: 'undone' });
  }

  /** Sends the held write now (its window ended, another action came, or the popup closes). */
  async flush(): Promise<void> {
    const w = this.#held;
    if (!w) return;
    this.#clear();
    await this.#send(w);
  }

  /** On open: a write held by a popup that closed before sending it goes now. */
  async resume(): Promise<void> {
    const stored = (await browser.storage.local.get(KEY))[KEY] as HeldWrite | undefined;
    if (stored && !this.#held) await this.#send(stored);
  }

  #clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#held = null;
  }

  async #send(w: HeldWrite): Promise<void> {
    const activities = (await this.#source.get()).activities;
    const r = w.kind === 'done' ? await activities.markDone(w.activityId, w.feedback) : await activities.cancel(w.activityId);
    await browser.storage.local.remove(KEY);
    this.#after(w, r.ok ? { kind: 'sent', notice: r.notice ?? '' } : { kind: 'failed', reason: r.reason });
  }
}
