import browser from 'webextension-polyfill';
import { Registration, CallState } from '../sip/states';
import type { PhoneSnapshot } from '../sip/types';
import { dataProvider } from '../providers';
import { plural, t } from '../i18n';
import type { HostLink } from '../phone-host/link';
import { phoneReader } from '../phone-display';
import { loadAccount } from '../settings/store';

const PREFIX = 'incoming:';
/** Chrome shows Answer / Decline buttons on a notification; Firefox has no buttons. */
const HAS_BUTTONS = !import.meta.env.FIREFOX;

/**
 * System notification for each ringing call, and the toolbar badge. Works with every
 * extension page closed: the host's state message wakes the background.
 */
export class CallAlerts {
  /** Ringing calls with a notification, and who it names (caller ID may arrive after it shows). */
  private shown = new Map<string, string>();
  private last: PhoneSnapshot | null = null;
  /**
   * Updates run one after the other: an update awaits storage and notifications, and a later one
   * (the call already ended) must never be overtaken by an earlier one (still ringing).
   */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: HostLink,
    private readonly openWidget: () => Promise<void>,
  ) {
    browser.notifications.onClicked.addListener((id) => {
      if (!id.startsWith(PREFIX)) return;
      void this.openWidget();
    });
    if (HAS_BUTTONS) {
      chrome.notifications.onButtonClicked.addListener((id, index) => {
        if (!id.startsWith(PREFIX)) return;
        const callId = id.slice(PREFIX.length);
        void this.link.send({ type: index === 0 ? 'phone:answer' : 'phone:decline', callId });
      });
    }
  }

  /** Recount unseen missed calls (after a call was recorded or Recent was opened). */
  refreshBadge(): Promise<void> {
    return this.inTurn(() => this.badge(this.last));
  }

  update(state: PhoneSnapshot): Promise<void> {
    this.last = state;
    return this.inTurn(() => this.apply(state));
  }

  private inTurn(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work, work);
    return this.queue;
  }

  private async apply(state: PhoneSnapshot): Promise<void> {
    const ringing = state.calls.filter((c) => c.state === CallState.Incoming);
    const ringingIds = new Set(ringing.map((c) => c.id));
    const read = ringing.length > 0 ? phoneReader((await loadAccount().catch(() => null))?.defaultCountry ?? '') : (n: string) => n;
    for (const call of ringing) {
      const number = call.remoteNumber && read(call.remoteNumber);
      const who = (call.remoteName ? `${call.remoteName} (${number})` : number) || t('incoming.unknown');
      const before = this.shown.get(call.id);
      if (before === who) continue;
      this.shown.set(call.id, who);
      const options: browser.Notifications.CreateNotificationOptions & { buttons?: { title: string }[]; requireInteraction?: boolean } = {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('incoming.label'),
        message: who,
      };
      if (HAS_BUTTONS) {
        options.buttons = [{ title: t('incoming.answer') }, { title: t('incoming.decline') }];
        options.requireInteraction = true;
      }
      // The caller's name came after the notification: say it there too (update where the
      // browser has it; Firefox replaces the notification).
      const notifications = browser.notifications as typeof browser.notifications & {
        update?: (id: string, o: browser.Notifications.CreateNotificationOptions) => Promise<boolean>;
      };
      if (before !== undefined && notifications.update) await notifications.update(PREFIX + call.id, options).catch(() => undefined);
      else await browser.notifications.create(PREFIX + call.id, options).catch(() => undefined);
    }
    for (const id of [...this.shown.keys()]) {
      if (ringingIds.has(id)) continue;
      this.shown.delete(id);
      await browser.notifications.clear(PREFIX + id).catch(() => undefined);
    }
    await this.badge(state);
  }

  private async badge(state: PhoneSnapshot | null): Promise<void> {
    const action = browser.action ?? browser.browserAction;
    const live = state?.calls.filter((c) => c.state !== CallState.Ended) ?? [];
    const missed = await dataProvider().history.unseenMissed();
    const unseen = missed.ok ? missed.value : 0;
    let text = '';
    let color = '#5f6368';
    let title = 'Softphone';
    if (live.some((c) => c.state === CallState.Incoming)) {
      [text, color, title] = ['☎', '#d93025', t('badge.incoming')];
    } else if (live.length > 0) {
      [text, color, title] = ['●', '#188038', t('badge.inCall')];
    } else if (unseen > 0) {
      const key = state?.dnd ? 'badge.dndMissed' : unseen === 1 ? 'badge.missed.one' : 'badge.missed.other';
      [text, color, title] = [String(unseen), '#d93025', t(key, String(unseen))];
    } else if (state?.dnd) {
      // Calls are being turned away: say so on the toolbar, quietly (no count to act on).
      [text, color, title] = ['⊘', '#5f6368', t('badge.dnd')];
    } else if (!state) {
      title = 'Softphone';
    } else if (state.registration === Registration.Registered) {
      title = t('badge.ready');
    } else if (state.registration !== Registration.Stopped) {
      [text, color, title] = ['!', '#f29900', t('badge.notRegistered')];
    }
    const voicemail = voicemailTitle(state);
    if (voicemail) title = t('badge.withVoicemail', title, voicemail);
    await action.setBadgeText({ text });
    await action.setBadgeBackgroundColor({ color });
    await action.setTitle({ title });
  }
}

/** New voicemail, for the toolbar button's title ("3 new voicemails"); '' when none waits. */
export function voicemailTitle(state: PhoneSnapshot | null): string {
  const vm = state?.voicemail;
  if (!vm || (!vm.waiting && !vm.newMessages)) return '';
  return vm.newMessages ? plural('badge.voicemail', vm.newMessages) : t('badge.voicemailWaiting');
}
