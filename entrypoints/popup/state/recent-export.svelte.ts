import { historyCsv } from '../../../lib/history-csv';
import { t } from '../../../lib/i18n';
import { localDate } from '../../../lib/dates';
import type { DataSource } from './data-source.svelte';
import type { ListsState } from './lists.svelte';
import type { Notice } from './notice.svelte';

/** How many calls an export holds at most (Recent keeps every call; a year of heavy use fits). */
export const EXPORT_LIMIT = 50_000;

/** Recent as a CSV download: the calls the current search and outcome filter show, newest first. */
export class RecentExport {
  #error = $state('');
  readonly d: { source: DataSource; lists: ListsState; notice: Notice; download: (name: string, text: string) => void };

  constructor(deps: RecentExport['d']) {
    this.d = deps;
  }

  get error(): string {
    return this.#error;
  }

  async run(): Promise<void> {
    const r = await (await this.d.source.get()).history.list(EXPORT_LIMIT, this.d.lists.query, this.d.lists.outcome);
    if (!r.ok) {
      this.#error = r.reason;
      return;
    }
    this.#error = '';
    if (r.value.length === 0) return this.d.notice.say(t('recent.export.empty'));
    this.d.download(`calls-${localDate()}.csv`, historyCsv(r.value));
    this.d.notice.say(r.value.length === 1 ? t('recent.export.done.one') : t('recent.export.done.other', r.value.length));
  }
}

/** Saves text as a file through the browser's download (an object URL on a link). */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
