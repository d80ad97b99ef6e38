import type { ScheduledEmail } from '../../../lib/providers/types';
import { t } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/dates';
import { mailtoUrl } from '../../../lib/mailto';
import { openTab } from '../../../lib/extension-pages';
import { request } from '../../../lib/messaging/client';
import type { ActionDeps } from './action-deps';

export type Draft = { to: string; subject: string; body: string };

/**
 * Emails to the selected contact: sent now (by the provider's server, or handed to the mail app)
 * or later, and the list of those scheduled. Send and schedule resolve to null, or to the reason
 * they failed (shown in the composer).
 */
export class EmailActions {
  // Replaced whole, never changed in place.
  #scheduled = $state.raw<ScheduledEmail[]>([]);
  readonly #d: ActionDeps;

  constructor(deps: ActionDeps) {
    this.#d = deps;
  }

  get scheduled(): ScheduledEmail[] {
    return this.#scheduled;
  }

  get sendMode(): 'mailto' | 'server' {
    return this.#d.source.emailSendMode;
  }

  /** Through the provider's server (Odoo: to the contact's chatter), else in the user's mail app. */
  async send(draft: Draft): Promise<string | null> {
    const email = (await this.#d.source.get()).email;
    if (email.sendMode === 'server' && email.send) {
      const r = await email.send({ ...draft, contactId: this.#d.nav.selectedContact?.id ?? null });
      if (!r.ok) return r.reason;
      this.#d.notice.say(t('widget.notice.emailSentServer'));
    } else {
      await openTab(mailtoUrl(draft));
      this.#d.notice.say(t('widget.notice.emailSent'));
    }
    this.#d.nav.toSelection();
    return null;
  }

  async schedule(draft: Draft, sendAt: number): Promise<string | null> {
    const r = await (await this.#d.source.get()).email.schedule({ ...draft, contactId: this.#d.nav.selectedContact?.id ?? null }, sendAt);
    if (!r.ok) return r.reason;
    this.#d.notice.say(t('widget.notice.emailScheduled', formatDateTime(sendAt)));
    this.#d.nav.toSelection();
    await this.#syncAlarms();
    return null;
  }

  /** Loads the scheduled emails, then shows them. */
  async openScheduled(): Promise<void> {
    await this.#load();
    this.#d.nav.show('scheduledEmails');
  }

  async cancelScheduled(id: string): Promise<void> {
    const r = await (await this.#d.source.get()).email.cancelScheduled(id);
    if (r.ok) {
      this.#d.notice.say(t('widget.notice.emailCancelled'));
      await this.#load();
    } else this.#d.lists.fail(r.reason);
    await this.#syncAlarms();
  }

  async #load(): Promise<void> {
    const r = await (await this.#d.source.get()).email.scheduled();
    if (r.ok) this.#scheduled = r.value;
    else this.#d.lists.fail(r.reason);
  }

  /** The background (re)arms the alarm of each scheduled email: the popup cannot wake itself. */
  #syncAlarms(): Promise<unknown> {
    return request({ type: 'bg:syncEmailAlarms' });
  }
}
