import { t } from '../../../lib/i18n';
import type { CallerRecord } from '../../../lib/providers/types';
import type { CallSettings } from '../../../lib/settings/call-settings';
import type { CallSnapshot } from '../../../lib/sip/types';
import type { DataSource } from './data-source.svelte';
import type { PhoneState } from './phone.svelte';

export type CallPop =
  | { callId: string; number: string; status: 'looking' }
  | { callId: string; number: string; status: 'found'; record: CallerRecord }
  | { callId: string; number: string; status: 'unknown'; reason?: string }
  | { callId: string; number: string; status: 'failed'; reason: string };

/**
 * Call pop: while a call rings and once it is answered, the caller's record (their open lead,
 * else their contact) with a button that opens it; for an unknown caller, Create contact / Create
 * lead. With "Open the caller's record when I answer" on, answering opens it in a tab. Only with
 * a provider that has records to open (Odoo).
 */
export class CallPopState {
  #pop = $state.raw<CallPop | null>(null);
  /** The call whose record was opened on answer (once per call). */
  #openedFor: string | null = null;
  readonly #phone: PhoneState;
  readonly #source: DataSource;
  readonly #settings: () => CallSettings;
  readonly #openTab: (url: string) => Promise<void>;

  constructor(deps: { phone: PhoneState; source: DataSource; settings: () => CallSettings; openTab: (url: string) => Promise<void> }) {
    this.#phone = deps.phone;
    this.#source = deps.source;
    this.#settings = deps.settings;
    this.#openTab = deps.openTab;
  }

  /** The pop of the call ringing or in progress (null without one, or without call pop). */
  get current(): CallPop | null {
    const call = this.#call();
    return call && this.#pop?.callId === call.id ? this.#pop : null;
  }

  /** The record found for a call (kept after it ends, for its wrap-up). */
  recordOf(callId: string): CallerRecord | null {
    const p = this.#pop;
    return p?.callId === callId && p.status === 'found' ? p.record : null;
  }

  #call(): CallSnapshot | undefined {
    return this.#phone.incomingCall ?? this.#phone.liveCall;
  }

  /** Run in an effect: looks up a new call's caller, and opens the record on answer when asked to. */
  observe(): void {
    const call = this.#call();
    if (!call) return;
    if (this.#pop?.callId !== call.id) void this.#lookUp(call);
    const pop = this.#pop;
    if (call.answeredAt !== null && pop?.callId === call.id && pop.status === 'found') this.#openOnAnswer(call.id, pop.record);
  }

  #openOnAnswer(callId: string, record: CallerRecord): void {
    if (!this.#settings().openOnAnswer || this.#openedFor === callId) return;
    this.#openedFor = callId;
    void this.#openTab(record.url);
  }

  async #lookUp(call: CallSnapshot): Promise<void> {
    const number = call.remoteNumber;
    const api = (await this.#source.get()).callPop;
    if (!api || !number) return;
    this.#pop = { callId: call.id, number, status: 'looking' };
    const r = await api.recordFor(number);
    if (this.#pop?.callId !== call.id) return;
    this.#pop = r.ok
      ? r.value ? { callId: call.id, number, status: 'found', record: r.value } : { callId: call.id, number, status: 'unknown' }
      : { callId: call.id, number, status: 'failed', reason: t('callPop.failed', r.reason) };
    // Answered while we looked: the setting still applies.
    const now = this.#call();
    if (now?.id === call.id && now.answeredAt !== null && this.#pop.status === 'found') this.#openOnAnswer(call.id, this.#pop.record);
  }

  open(): void {
    const p = this.current;
    if (p?.status === 'found') void this.#openTab(p.record.url);
  }

  /** Creates a contact or lead for the unknown caller, then opens it. */
  async create(kind: 'contact' | 'lead'): Promise<void> {
    const p = this.current;
    const api = (await this.#source.get()).callPop;
    if (!p || p.status !== 'unknown' || !api) return;
    const r = kind === 'contact' ? await api.createContact(p.number) : await api.createLead(p.number);
    if (this.#pop?.callId !== p.callId) return;
    if (!r.ok) {
      this.#pop = { ...p, reason: t('callPop.createFailed', r.reason) };
      return;
    }
    this.#pop = { callId: p.callId, number: p.number, status: 'found', record: r.value };
    void this.#openTab(r.value.url);
  }
}
