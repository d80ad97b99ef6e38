import type { Activity, Contact, DataProvider, HistoryEntry } from '../../../lib/providers/types';
import type { MessageKey } from '../../../lib/i18n';
import { localDate } from '../../../lib/dates';
import { openTab } from '../../../lib/extension-pages';
import { request } from '../../../lib/messaging/client';
import { onActivitiesChanged, onHistoryChanged } from '../../../lib/messaging/client';
import type { DataSource } from './data-source.svelte';

export type Tab = 'recent' | 'activities' | 'contacts';
/** Tab labels are i18n keys: resolve them with `t()` when rendering. */
export const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'recent', label: 'widget.tab.recent' },
  { id: 'activities', label: 'widget.tab.activities' },
  { id: 'contacts', label: 'widget.tab.contacts' },
];

/** Rows on first show: a screenful and more, so the popup is interactive sooner. */
export const FIRST_PAGE = 12;
/** Rows added each time the user reaches the end of a list. */
export const PAGE = 50;
export const TAB_KEY = 'softphone.tab';
/** Matches shown from each of the other tabs while searching. */
export const ELSEWHERE = 3;
/** Recent marks missed calls as seen only once it has been on screen a moment. */
const SEEN_AFTER_MS = 300;

export type Rows =
  | { tab: 'recent'; rows: HistoryEntry[] }
  | { tab: 'activities'; rows: Activity[] }
  | { tab: 'contacts'; rows: Contact[] };
type Load = { ok: true; value: Rows } | { ok: false; reason: string; loginUrl?: string };

const isTab = (v: unknown): v is Tab => v === 'recent' || v === 'activities' || v === 'contacts';

/** The widget's three lists, the search over them, and which one is shown. */
export class ListsState {
  #tab = $state<Tab>('activities');
  #query = $state('');
  /** Recent's outcome filter: undefined = every call, '' = no outcome noted. */
  #outcome = $state<string | undefined>(undefined);
  // Lists are replaced whole, never changed in place: raw state skips a proxy per row.
  #recent = $state.raw<HistoryEntry[]>([]);
  #activities = $state.raw<Activity[]>([]);
  #contacts = $state.raw<Contact[]>([]);
  #loaded = $state(false);
  /** How many rows the lists ask for; grows as the user scrolls. */
  #limit = $state(FIRST_PAGE);
  #hasMore = $state(false);
  #shownQuery = $state('');
  #shownTab = $state<Tab | null>(null);
  #dataError = $state('');
  #dataLoginUrl = $state('');
  #today = $state(localDate());
  #unseenMissed = $state(0);
  /** While searching: what the other tabs hold for the query (the active tab's rows are above). */
  #elsewhere = $state.raw<Rows[]>([]);
  /** Activities done or cancelled whose write waits out its undo window: off the list meanwhile. */
  #hidden = $state.raw<readonly string[]>([]);
  /** The user chose a tab (now or on an earlier open): the popup never picks one for them. */
  #chosen = false;
  #seq = 0;
  /** Recent's rows being marked as seen (the toolbar badge is recounted after). */
  #marking: Promise<void> = Promise.resolve();
  readonly #source: DataSource;

  constructor(source: DataSource) {
    this.#source = source;
    const saved = globalThis.localStorage?.getItem(TAB_KEY);
    if (isTab(saved)) {
      this.#tab = saved;
      this.#chosen = true;
    }
  }

  get tab(): Tab { return this.#tab; }
  get query(): string { return this.#query; }
  get outcome(): string | undefined { return this.#outcome; }
  get recent(): HistoryEntry[] { return this.#recent; }
  get activities(): Activity[] { return this.#hidden.length === 0 ? this.#activities : this.#activities.filter((a) => !this.#hidden.includes(a.id)); }
  get contacts(): Contact[] { return this.#contacts; }
  /** The active tab's rows, tagged with their tab. */
  get shownRows(): Rows {
    const tab = this.#tab;
    return tab === 'recent' ? { tab, rows: this.#recent } : tab === 'activities' ? { tab, rows: this.activities } : { tab, rows: this.#contacts };
  }
  /** A first list is on screen. */
  get loaded(): boolean { return this.#loaded; }
  /** The list on screen may have more rows than it shows (it came back full). */
  get hasMore(): boolean { return this.#hasMore; }
  /** The query the lists on screen answer (lets a benchmark see when a keystroke's results are shown). */
  get shownQuery(): string { return this.#shownQuery; }
  /** The active tab's own list is in: until then the list on screen may be another tab's older one. */
  get shown(): boolean { return this.#loaded && this.#shownTab === this.#tab; }
  /**
   * The active tab's own list is on its way: loading rows stand in for it (never its empty-state
   * sentence, never another query's or tab's rows). A data error ends the wait: it is shown instead.
   */
  get pending(): boolean { return !this.shown && this.#dataError === ''; }
  /** A data error, shown with a retry; never a dead end. */
  get dataError(): string { return this.#dataError; }
  /** Where a data error is fixed by logging in (an ended Odoo session), else ''. */
  get dataLoginUrl(): string { return this.#dataLoginUrl; }
  get today(): string { return this.#today; }
  /** The other tabs' matches for the query shown (empty when not searching). */
  get elsewhere(): Rows[] { return this.#elsewhere; }
  /** Missed calls not seen yet: Recent's badge. */
  get unseenMissed(): number { return this.#unseenMissed; }

  /**
   * The first load. A newcomer (no tab chosen yet) gets the first of Next Activities, Recent and
   * Contacts that has rows, so the popup does not open on an empty list when another has some.
   */
  async open(): Promise<void> {
    if (this.#chosen) await this.refresh();
    else {
      const seq = ++this.#seq;
      const provider = await this.#source.get();
      this.#today = localDate();
      let found = await this.#load(provider, 'activities', '', this.#limit);
      for (const tab of ['recent', 'contacts'] as const) {
        if (!found.ok || found.value.rows.length > 0) break;
        const other = await this.#load(provider, tab, '', this.#limit);
        if (other.ok && other.value.rows.length > 0) found = other;
      }
      // The user chose a tab or typed meanwhile: that load is the one to show.
      if (seq !== this.#seq) return;
      this.#show(provider, found, '');
    }
    if (this.#tab === 'recent') void request({ type: 'bg:missedSeen' });
  }

  /** The user picks a tab: it is remembered for the next open. */
  selectTab(tab: Tab): void {
    this.#tab = tab;
    this.#chosen = true;
    this.#limit = FIRST_PAGE;
    globalThis.localStorage?.setItem(TAB_KEY, tab);
    const shown = this.refresh();
    if (tab === 'recent') {
      this.#unseenMissed = 0;
      // Recent marks missed calls as seen once its rows are in; the toolbar badge is recounted after
      // that marking, never before it (a recount before would leave the count up).
      setTimeout(() => void shown.then(() => this.#marking).then(() => request({ type: 'bg:missedSeen' })), SEEN_AFTER_MS);
    }
  }

  setQuery(query: string): void {
    this.#query = query;
    this.#limit = FIRST_PAGE;
    void this.refresh();
  }

  /** Filters Recent by the wrap-up's outcome. */
  setOutcome(outcome: string | undefined): void {
    this.#outcome = outcome;
    this.#limit = FIRST_PAGE;
    void this.refresh();
  }

  /** Shows the next page of the active list, if it has one. */
  async showMore(): Promise<void> {
    if (!this.#hasMore) return;
    this.#limit += PAGE;
    await this.refresh();
  }

  /** Loads the active tab for the current query; a slower, older load never overwrites a newer one. */
  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    const tab = this.#tab;
    const provider = await this.#source.get();
    const q = this.#query.trim();
    this.#today = localDate();
    const others = q === '' ? [] : TABS.filter((x) => x.id !== tab).map((x) => this.#load(provider, x.id, q, ELSEWHERE));
    const r = await this.#load(provider, tab, q, this.#limit);
    const found = (await Promise.all(others)).flatMap((o) => (o.ok && o.value.rows.length > 0 ? [o.value] : []));
    if (seq !== this.#seq) return;
    this.#elsewhere = found;
    this.#show(provider, r, q);
  }

  /** Takes an activity off the list while its write waits (Undo puts it back with `unhide`). */
  hide(id: string): void {
    this.#hidden = [...this.#hidden, id];
  }

  unhide(id: string): void {
    this.#hidden = this.#hidden.filter((x) => x !== id);
  }

  /** Opens the page that fixes the data error by logging in (Odoo's login), if there is one. */
  logIn(): void {
    if (this.#dataLoginUrl) void openTab(this.#dataLoginUrl);
  }

  /** A data error met elsewhere (scheduled emails), shown where list errors are. */
  fail(reason: string): void {
    this.#dataError = reason;
  }

  /** Recent's badge; none while Recent is the tab on screen (its rows are being seen). */
  async loadUnseenMissed(): Promise<void> {
    const r = await (await this.#source.get()).history.unseenMissed();
    this.#unseenMissed = r.ok && this.#tab !== 'recent' ? r.value : 0;
  }

  /** Follows changes made elsewhere while the popup is open; returns the unsubscribe. */
  listen(): () => void {
    // A call queued or unqueued from an Odoo Kanban card: Next Activities follows at once.
    const stopActivities = onActivitiesChanged(() => {
      if (this.#tab === 'activities') void this.refresh();
    });
    // A call reached the history: Recent shows it without being reopened.
    const stopHistory = onHistoryChanged(() => {
      // On screen it is seen: the toolbar badge follows once the rows are marked.
      if (this.#tab === 'recent') void this.refresh().then(() => this.#marking).then(() => request({ type: 'bg:missedSeen' }));
    });
    return () => {
      stopActivities();
      stopHistory();
    };
  }

  async #load(provider: DataProvider, tab: Tab, q: string, limit: number): Promise<Load> {
    if (tab === 'recent') {
      const r = await provider.history.list(limit, q, this.#outcome);
      return r.ok ? { ok: true, value: { tab, rows: r.value } } : r;
    }
    if (tab === 'activities') {
      const r = await provider.activities.due(this.#today, q, limit);
      return r.ok ? { ok: true, value: { tab, rows: r.value } } : r;
    }
    const r = await provider.contacts.search(q, limit);
    return r.ok ? { ok: true, value: { tab, rows: r.value } } : r;
  }

  #show(provider: DataProvider, r: Load, q: string): void {
    if (!r.ok) {
      this.#dataError = r.reason;
      this.#dataLoginUrl = r.loginUrl ?? '';
      return;
    }
    const { value } = r;
    if (value.tab === 'recent') {
      this.#recent = value.rows;
      this.#marking = provider.history.markAllSeen().then(() => undefined);
    } else if (value.tab === 'activities') this.#activities = value.rows;
    else this.#contacts = value.rows;
    this.#tab = value.tab;
    this.#hasMore = value.rows.length >= this.#limit;
    this.#dataError = '';
    this.#dataLoginUrl = '';
    this.#loaded = true;
    this.#shownQuery = q;
    this.#shownTab = value.tab;
  }
}
