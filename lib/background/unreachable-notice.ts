import browser from 'webextension-polyfill';
import { describeError } from '../errors';
import { t } from '../i18n';
import { Registration } from '../sip/states';
import type { PhoneSnapshot } from '../sip/types';

/** Where the notice goes: a system notification, or a test's record. */
export interface Notifier {
  show(title: string, message: string): void;
  clear(): void;
}

const NOTICE_ID = 'unreachable';

/** Not registered this long (10 s) before the user is told: a phone waking from sleep or a server restart is back sooner. */
export const UNREACHABLE_GRACE_MS = 10_000;

/** A phone in these states cannot receive calls although it has an account. */
const DOWN = [Registration.Connecting, Registration.Registering, Registration.Reconnecting, Registration.Failed];

/**
 * Tells the user, once per outage, that calls cannot reach the phone: a desktop notification
 * after the grace period (at once when the server refused the account), taken away when the
 * phone is registered again. Clicking it opens the widget.
 */
export class UnreachableNotice {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private shown = false;
  private last: PhoneSnapshot | null = null;

  constructor(
    private readonly notifier: Notifier,
    private readonly graceMs = UNREACHABLE_GRACE_MS,
  ) {}

  update(state: PhoneSnapshot): void {
    this.last = state;
    if (!DOWN.includes(state.registration)) {
      this.cancel();
      if (this.shown) this.notifier.clear();
      this.shown = false;
      return;
    }
    if (this.shown || this.timer) return;
    if (state.registration === Registration.Failed) this.show();
    else this.timer = setTimeout(() => this.show(), this.graceMs);
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private show(): void {
    this.cancel();
    const state = this.last;
    if (!state || !DOWN.includes(state.registration)) return;
    this.shown = true;
    const why = state.error ? describeError(state.error).title : t('status.unreachable');
    const message =
      state.registration === Registration.Failed
        ? t('notice.unreachable.refused', state.error?.args[0] ?? why)
        : t('notice.unreachable.message', why);
    this.notifier.show(t('notice.unreachable.title'), message);
  }
}

/** The system notification, and the widget opened by a click on it. */
export function systemNotifier(openWidget: () => Promise<void>): Notifier {
  browser.notifications.onClicked.addListener((id) => {
    if (id === NOTICE_ID) void openWidget();
  });
  return {
    show: (title, message) =>
      void browser.notifications
        .create(NOTICE_ID, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message })
        .catch(() => undefined),
    clear: () => void browser.notifications.clear(NOTICE_ID).catch(() => undefined),
  };
}
