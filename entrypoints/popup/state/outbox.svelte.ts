import type { OutboxConflict } from '../../../lib/providers/types';
import type { DataSource } from './data-source.svelte';

/** ERP writes kept while the ERP was out of reach: sent when the popup opens, refusals shown. */
export class OutboxState {
  // Replaced whole, never changed in place.
  #conflicts = $state.raw<OutboxConflict[]>([]);
  readonly #source: DataSource;

  constructor(source: DataSource) {
    this.#source = source;
  }

  /** Writes the ERP refused for good while they waited (the record was deleted meanwhile…). */
  get conflicts(): OutboxConflict[] {
    return this.#conflicts;
  }

  /** Sends what waits for the ERP, in order, then shows what it refused. */
  async flush(): Promise<void> {
    const p = await this.#source.get();
    if (!p.outbox) return;
    await p.flush?.();
    this.#conflicts = await p.outbox.conflicts();
  }

  async dismiss(id: number): Promise<void> {
    const p = await this.#source.get();
    await p.outbox?.dismiss(id);
    this.#conflicts = (await p.outbox?.conflicts()) ?? [];
  }
}
