import type { Activity, Contact, HistoryEntry } from '../../../lib/providers/types';
import { openTab } from '../../../lib/extension-pages';
import type { DataSource } from './data-source.svelte';

export type Selection =
  | { kind: 'activity'; activity: Activity; contact: Contact | null }
  /** `call`: the Recent row it was opened from, whose failure reason the details show. */
  | { kind: 'contact'; contact: Contact; call?: HistoryEntry }
  /** A number no contact has (a Recent row): its details offer the call, never dial on a click. */
  | { kind: 'number'; number: string; name: string; contact: null; call?: HistoryEntry };

export type Panel = 'list' | 'details' | 'contactInfo' | 'dialer' | 'email' | 'schedule' | 'edit' | 'done' | 'scheduledEmails';

/** Which panel the widget shows, and the activity or contact it is about. */
export class NavigationState {
  #panel = $state<Panel>('list');
  // Replaced whole, never changed in place.
  #selection = $state.raw<Selection | null>(null);
  readonly #source: DataSource;

  constructor(source: DataSource) {
    this.#source = source;
  }

  get panel(): Panel {
    return this.#panel;
  }

  get selection(): Selection | null {
    return this.#selection;
  }

  get selectedContact(): Contact | null {
    return this.#selection?.contact ?? null;
  }

  show(panel: Panel): void {
    this.#panel = panel;
  }

  async openActivity(activity: Activity): Promise<void> {
    const contact = await (await this.#source.get()).contacts.get(activity.contactId);
    this.#selection = { kind: 'activity', activity, contact: contact.ok ? contact.value : null };
    this.#panel = 'details';
  }

  openContact(contact: Contact, call?: HistoryEntry): void {
    this.#selection = { kind: 'contact', contact, ...(call ? { call } : {}) };
    this.#panel = 'details';
  }

  /** Opens the details behind a Recent row: its contact's, or the bare number's (with the caller's name, if any). */
  async openByNumber(number: string, name = '', call?: HistoryEntry): Promise<void> {
    const r = await (await this.#source.get()).contacts.matchNumber(number);
    if (r.ok && r.value) this.openContact(r.value, call);
    else {
      this.#selection = { kind: 'number', number, name, contact: null, ...(call ? { call } : {}) };
      this.#panel = 'details';
    }
  }

  /** The selection's own document (an Odoo lead) first, else the contact's record. */
  openRecord(): void {
    const sel = this.#selection;
    const url = (sel?.kind === 'activity' ? sel.activity.recordUrl : '') || sel?.contact?.recordUrl;
    if (url) void openTab(url);
  }

  /** One step out: from a form to the details, from the details (or a list-level panel) to the lists. */
  back(): void {
    if (this.#panel === 'details' || this.#panel === 'dialer' || this.#panel === 'scheduledEmails') this.close();
    else this.toSelection();
  }

  /** Back to the lists, nothing selected (the activity was done or cancelled). */
  close(): void {
    this.#panel = 'list';
    this.#selection = null;
  }

  /** After an action: the selection's details, or the lists when nothing is selected. */
  toSelection(): void {
    this.#panel = this.#selection ? 'details' : 'list';
  }

  /** The selected activity as it is now (after an edit). */
  updateActivity(activity: Activity): void {
    if (this.#selection?.kind === 'activity') this.#selection = { ...this.#selection, activity };
  }
}
