import { t } from '../../../lib/i18n';
import type { WrapUp } from '../../../lib/providers/types';
import type { CallDirection } from '../../../lib/sip/types';
import type { CallPopState } from './call-pop.svelte';
import type { CallSettingsState } from './call-settings.svelte';
import type { DataSource } from './data-source.svelte';
import type { NavigationState } from './navigation.svelte';
import type { Notice } from './notice.svelte';
import type { OnTheLine } from './on-the-line.svelte';
import type { CallNotes } from './call-notes.svelte';
import type { PhoneState } from './phone.svelte';

export interface EndedCall {
  callId: string;
  direction: CallDirection;
  number: string;
  name: string;
  durationSec: number;
  /** What was typed in the call's notes while it went on: the wrap-up's note starts with it. */
  note: string;
}

export interface WrapUpDeps {
  phone: PhoneState;
  source: DataSource;
  nav: NavigationState;
  notice: Notice;
  callPop: CallPopState;
  /** Who the call was with, as the widget knew it (the contact or activity it was placed from). */
  line: OnTheLine;
  settings: CallSettingsState;
  notes: CallNotes;
}

/**
 * The wrap-up after every call that was under way (placed, or answered): a note, an outcome
 * from the user's list and a next step. Saved, it stays with the call in Recent and goes to the
 * chatter of the caller's record in the ERP; skipped, the call is logged as it always is.
 */
export class WrapUpState {
  #pending = $state.raw<EndedCall | null>(null);
  #error = $state('');
  #busy = $state(false);
  #liveId: string | null = null;
  readonly #d: WrapUpDeps;

  constructor(deps: WrapUpDeps) {
    this.#d = deps;
  }

  /** The call waiting for its wrap-up. */
  get pending(): EndedCall | null {
    return this.#pending;
  }

  get error(): string {
    return this.#error;
  }

  get busy(): boolean {
    return this.#busy;
  }

  get outcomes(): string[] {
    return this.#d.settings.outcomes;
  }

  /** Run in an effect: when the live call ends, its wrap-up is offered. */
  observe(): void {
    const live = this.#d.phone.liveCall;
    const ended = this.#d.phone.endedCall;
    if (live) {
      this.#liveId = live.id;
      return;
    }
    if (this.#liveId === null) return;
    const id = this.#liveId;
    this.#liveId = null;
    if (!this.#d.settings.value.wrapUp || ended?.id !== id) return;
    // A call that never reached anyone (it failed before an answer, e.g. no relay) has nothing to wrap up.
    if (!ended.answeredAt && ended.outcome === 'failed') return;
    this.#error = '';
    this.#pending = {
      callId: id,
      direction: ended.direction,
      number: ended.remoteNumber,
      name: this.#d.line.party(ended)?.name || ended.remoteName || ended.remoteNumber,
      durationSec: ended.answeredAt && ended.endedAt ? Math.round((ended.endedAt - ended.answeredAt) / 1000) : 0,
      note: this.#d.notes.of(id),
    };
  }

  skip(): void {
    if (this.#pending) void this.#d.notes.forget(this.#pending.callId);
    this.#pending = null;
  }

  /** Keeps the wrap-up in Recent and posts it in the ERP; with `scheduleNext`, the schedule form follows. */
  async save(wrap: WrapUp, scheduleNext = false): Promise<boolean> {
    const call = this.#pending;
    if (!call || this.#busy) return false;
    this.#busy = true;
    try {
      const provider = await this.#d.source.get();
      const kept = await provider.history.annotate(call.callId, wrap);
      if (!kept.ok) {
        this.#error = t('wrapUp.failed', kept.reason);
        return false;
      }
      let said = t('wrapUp.saved');
      if (provider.logWrapUp) {
        const record = this.#d.callPop.recordOf(call.callId) ?? (await this.#recordFor(call.number));
        if (record) {
          const posted = await provider.logWrapUp(call, wrap, record);
          said = !posted.ok ? t('wrapUp.odooFailed', posted.reason) : posted.notice ?? t('wrapUp.savedOdoo');
        }
      }
      this.#pending = null;
      void this.#d.notes.forget(call.callId);
      this.#d.notice.say(said);
      if (scheduleNext) {
        // The caller's contact opens; with none (a number only), there is no one to schedule with.
        await this.#d.nav.openByNumber(call.number);
        if (this.#d.nav.selectedContact) this.#d.nav.show('schedule');
        else this.#d.notice.say(t('wrapUp.noContact'));
      }
      return true;
    } finally {
      this.#busy = false;
    }
  }

  async #recordFor(number: string) {
    const r = await (await this.#d.source.get()).callPop?.recordFor(number);
    return r?.ok ? r.value : null;
  }
}
