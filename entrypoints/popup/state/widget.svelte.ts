import type {
  Activity, ActivityDraft, ActivityPatch, ActivityType, Contact, DataProvider, EmailDraft, HistoryEntry, OutboxConflict, ScheduledEmail,
} from '../../../lib/providers/types';
import { t, type MessageKey } from '../../../lib/i18n';
import { localDate } from '../../../lib/dates';

export type Tab = 'recent' | 'activities' | 'contacts';
/** Tab labels are i18n keys: resolve them with `t()` when rendering. */
export const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'recent', label: 'widget.tab.recent' },
  { id: 'activities', label: 'widget.tab.activities' },
  { id: 'contacts', label: 'widget.tab.contacts' },
];

export type Selection =
  | { kind: 'activity'; activity: Activity; contact: Contact | null }
  | { kind: 'contact'; contact: Contact };

export type Panel = 'list' | 'details' | 'contactInfo' | 'dialer' | 'email' | 'schedule' | 'edit' | 'done' | 'scheduledEmails';

/** Rows on first show: a screenful and more, so the popup is interactive sooner. */
const FIRST_PAGE = 12;
/** Rows added each time the user reaches the end of a list. */
const PAGE = 50;
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const TAB_KEY = 'softphone.tab';

/**
 * The widget's lists, search, selection and activity/email actions. Talks only to the data
 * provider (never to the phone: calls go through PhoneState).
 */
export class WidgetState {
  tab = $state<Tab>('activities');
  query = $state('');
  // Lists are replaced whole, never changed in place: raw state skips a proxy per row.
  recent = $state.raw<HistoryEntry[]>([]);
  activities = $state.raw<Activity[]>([]);
  contacts = $state.raw<Contact[]>([]);
  scheduledEmails = $state.raw<ScheduledEmail[]>([]);
  loaded = $state(false);
  /** How many rows the Recent and Contacts lists ask for; grows as the user scrolls. */
  limit = $state(FIRST_PAGE);
  /** The list on screen may have more rows than it shows (it came back full). */
  hasMore = $state(false);
  /** The query the lists on screen answer (lets a benchmark see when a keystroke's results are shown). */
  shownQuery = $state('');
  /** The tab whose list was loaded last: until the active tab's own load is in, its list may be an older one. */
  shownTab = $state<Tab | null>(null);
  /** A data error, shown with a retry; never a dead end. */
  dataError = $state('');
  /** A short confirmation for screen readers and eyes ("Activity marked as done"). */
  notice = $state('');
  selection = $state<Selection | null>(null);
  panel = $state<Panel>('list');
  autoCall = $state(false);
  today = $state(localDate());

  private seq = 0;

  /** Where a data error is fixed by logging in (an ended Odoo session), else ''. */
  dataLoginUrl = $state('');
  /** ERP writes refused for good while they waited (the record was deleted meanwhile…). */
  conflicts = $state.raw<OutboxConflict[]>([]);
  private current = $state.raw<DataProvider | null>(null);
  private readonly pending: Promise<DataProvider>;

  /** `provider` may still be on its way (the settings say which one); lists wait for it. */
  constructor(provider: DataProvider | Promise<DataProvider>) {
    if (provider instanceof Promise) this.pending = provider.then((p) => (this.current = p));
    else {
      this.current = provider;
      this.pending = Promise.resolve(provider);
    }
    const saved = globalThis.localStorage?.getItem(TAB_KEY);
    if (saved === 'recent' || saved === 'activities' || saved === 'contacts') this.tab = saved;
  }

  get emailSendMode(): 'mailto' | 'server' {
    return this.current?.email.sendMode ?? 'mailto';
  }

  setTab(tab: Tab): void {
    this.tab = tab;
    this.limit = FIRST_PAGE;
    globalThis.localStorage?.setItem(TAB_KEY, tab);
    void this.refresh();
  }

  setQuery(query: string): void {
    this.query = query;
    this.limit = FIRST_PAGE;
    void this.refresh();
  }

  /** Shows the next page of the active list, if it has one. */
  async showMore(): Promise<void> {
    if (!this.hasMore) return;
    this.limit += PAGE;
    await this.refresh();
  }

  /** Loads the active tab for the current query; a slower, older load never overwrites a newer one. */
  private async provider(): Promise<DataProvider> {
    return this.current ?? this.pending;
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    const tab = this.tab;
    const provider = await this.provider();
    const q = this.query.trim();
    this.today = localDate();
    const fail = (r: { reason: string; loginUrl?: string }) => {
      if (seq !== this.seq) return;
      this.dataError = r.reason;
      this.dataLoginUrl = r.loginUrl ?? '';
    };
    if (tab === 'recent') {
      const limit = this.limit;
      const r = await provider.history.list(limit, q);
      if (seq !== this.seq) return;
      if (!r.ok) return fail(r);
      this.recent = r.value;
      this.hasMore = r.value.length >= limit;
      void provider.history.markAllSeen();
    } else if (tab === 'activities') {
      const limit = this.limit;
      const r = await provider.activities.due(this.today, q, limit);
      if (seq !== this.seq) return;
      if (!r.ok) return fail(r);
      this.activities = r.value;
      this.hasMore = r.value.length >= limit;
    } else {
      const limit = this.limit;
      const r = await provider.contacts.search(q, limit);
      if (seq !== this.seq) return;
      if (!r.ok) return fail(r);
      this.contacts = r.value;
      this.hasMore = r.value.length >= limit;
    }
    this.dataError = '';
    this.dataLoginUrl = '';
    this.loaded = true;
    this.shownQuery = q;
    this.shownTab = tab;
  }

  show(panel: Panel): void {
    this.panel = panel;
  }

  async openActivity(activity: Activity): Promise<void> {
    const contact = await (await this.provider()).contacts.get(activity.contactId);
    this.selection = { kind: 'activity', activity, contact: contact.ok ? contact.value : null };
    this.panel = 'details';
  }

  openContact(contact: Contact): void {
    this.selection = { kind: 'contact', contact };
    this.panel = 'details';
  }

  /** Opens the contact behind a Recent row, if the number is known. */
  async openByNumber(number: string): Promise<boolean> {
    const r = await (await this.provider()).contacts.matchNumber(number);
    if (!r.ok || !r.value) return false;
    this.openContact(r.value);
    return true;
  }

  back(): void {
    if (this.panel === 'details' || this.panel === 'dialer' || this.panel === 'scheduledEmails') {
      this.panel = 'list';
      this.selection = null;
    } else {
      this.panel = this.selection ? 'details' : 'list';
    }
  }

  private say(text: string): void {
    this.notice = text;
    setTimeout(() => {
      if (this.notice === text) this.notice = '';
    }, 4000);
  }

  selectedContact(): Contact | null {
    return this.selection?.contact ?? null;
  }

  /** The next due activity after `activityId` (auto-call), or the first one. */
  nextActivity(activityId: string | null): Activity | null {
    const list = this.activities.filter((a) => a.state === 'open' && a.phone);
    const i = list.findIndex((a) => a.id === activityId);
    return list[i + 1] ?? (i === -1 ? list[0] ?? null : null);
  }

  async markDone(feedback: string): Promise<string | null> {
    if (this.selection?.kind !== 'activity') return t('widget.error.noActivity');
    const r = await (await this.provider()).activities.markDone(this.selection.activity.id, feedback);
    if (!r.ok) return r.reason;
    this.say(r.notice ?? t('widget.notice.markedDone', r.value.summary || t('activity.defaultSummary')));
    this.selection = null;
    this.panel = 'list';
    await this.refresh();
    return null;
  }

  async updateActivity(patch: ActivityPatch): Promise<string | null> {
    if (this.selection?.kind !== 'activity') return t('widget.error.noActivity');
    const r = await (await this.provider()).activities.update(this.selection.activity.id, patch);
    if (!r.ok) return r.reason;
    // Kept for later (Odoo out of reach): the widget shows the change it knows of.
    const activity = r.notice ? { ...this.selection.activity, ...patch } : r.value;
    this.selection = { ...this.selection, activity };
    this.panel = 'details';
    this.say(r.notice ?? t('widget.notice.activitySaved'));
    await this.refresh();
    return null;
  }

  async cancelActivity(): Promise<string | null> {
    if (this.selection?.kind !== 'activity') return t('widget.error.noActivity');
    const r = await (await this.provider()).activities.cancel(this.selection.activity.id);
    if (!r.ok) return r.reason;
    this.say(r.notice ?? t('widget.notice.activityCancelled'));
    this.selection = null;
    this.panel = 'list';
    await this.refresh();
    return null;
  }

  /** Sends what waits for the ERP, then shows what it refused. */
  async flushOutbox(): Promise<void> {
    const p = await this.provider();
    if (!p.outbox) return;
    await p.flush?.();
    this.conflicts = await p.outbox.conflicts();
  }

  async dismissConflict(id: number): Promise<void> {
    const p = await this.provider();
    await p.outbox?.dismiss(id);
    this.conflicts = (await p.outbox?.conflicts()) ?? [];
  }

  /** Activity types to choose from when scheduling; empty when every activity is a call. */
  async activityTypes(): Promise<ActivityType[]> {
    const activities = (await this.provider()).activities;
    if (!activities.types) return [];
    const r = await activities.types();
    return r.ok ? r.value : [];
  }

  async scheduleActivity(draft: Omit<ActivityDraft, 'contactId'>): Promise<string | null> {
    const sel = this.selection;
    const contact = this.selectedContact();
    // Following an activity: the new one goes on the same document (the lead), as in Odoo.
    const record = sel?.kind === 'activity' ? sel.activity.record : undefined;
    if (!contact && !record) return t('widget.error.noContact');
    const r = await (await this.provider()).activities.schedule({
      ...draft, contactId: contact?.id ?? (sel?.kind === 'activity' ? sel.activity.contactId : ''), ...(record ? { record } : {}),
    });
    if (!r.ok) return r.reason;
    this.say(t('widget.notice.callScheduled', r.value.dueDate));
    this.panel = 'details';
    await this.refresh();
    return null;
  }

  async scheduleEmail(draft: EmailDraft, sendAt: number): Promise<ScheduledEmail | string> {
    const r = await (await this.provider()).email.schedule(draft, sendAt);
    if (!r.ok) return r.reason;
    this.say(t('widget.notice.emailScheduled', WHEN.format(sendAt)));
    this.panel = this.selection ? 'details' : 'list';
    return r.value;
  }

  /**
   * Sends through the provider's server (Odoo: to the contact's chatter). Resolves to 'mailto'
   * when this provider hands emails to the user's mail app instead, or to a failure message.
   */
  async sendEmail(draft: EmailDraft): Promise<'sent' | 'mailto' | string> {
    const email = (await this.provider()).email;
    if (email.sendMode !== 'server' || !email.send) return 'mailto';
    const r = await email.send(draft);
    if (!r.ok) return r.reason;
    this.say(t('widget.notice.emailSentServer'));
    this.panel = this.selection ? 'details' : 'list';
    return 'sent';
  }

  emailSent(): void {
    this.say(t('widget.notice.emailSent'));
    this.panel = this.selection ? 'details' : 'list';
  }

  async loadScheduledEmails(): Promise<void> {
    const r = await (await this.provider()).email.scheduled();
    if (r.ok) this.scheduledEmails = r.value;
    else this.dataError = r.reason;
  }

  async cancelScheduledEmail(id: string): Promise<void> {
    const r = await (await this.provider()).email.cancelScheduled(id);
    if (!r.ok) {
      this.dataError = r.reason;
      return;
    }
    this.say(t('widget.notice.emailCancelled'));
    await this.loadScheduledEmails();
  }
}
