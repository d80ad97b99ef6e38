import browser from 'webextension-polyfill';
import { Registration, CallState } from '../sip/states';
import type { PhoneSnapshot } from '../sip/types';
import { dataProvider } from '../providers';
import type { HostLink } from './host-link';

const PREFIX = 'incoming:';
/** Chrome shows Answer / Decline buttons on a notification; Firefox has no buttons. */
const HAS_BUTTONS = !import.meta.env.FIREFOX;

/**
 * System notification for each ringing call, and the toolbar badge. Works with every
 * extension page closed: the host's state message wakes the background.
 */
export class CallAlerts {
  private shown = new Set<string>();
  private last: PhoneSnapshot | null = null;

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
        void this.link.send({ type: index === 0 ? 'answer' : 'decline', callId });
      });
    }
  }

  /** Recount unseen missed calls (after a call was recorded or Recent was opened). */
  async refreshBadge(): Promise<void> {
    await this.badge(this.last);
  }

  async update(state: PhoneSnapshot): Promise<void> {
    this.last = state;
    const ringing = state.calls.filter((c) => c.state === CallState.Incoming);
    const ringingIds = new Set(ringing.map((c) => c.id));
    for (const call of ringing) {
      if (this.shown.has(call.id)) continue;
      this.shown.add(call.id);
      const who = call.remoteName ? `${call.remoteName} (${call.remoteNumber})` : call.remoteNumber;
      const options: browser.Notifications.CreateNotificationOptions & { buttons?: { title: string }[]; requireInteraction?: boolean } = {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'Incoming call',
        message: who || 'Unknown caller',
      };
      if (HAS_BUTTONS) {
        options.buttons = [{ title: 'Answer' }, { title: 'Decline' }];
        options.requireInteraction = true;
      }
      await browser.notifications.create(PREFIX + call.id, options).catch(() => undefined);
    }
    for (const id of [...this.shown]) {
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
      [text, color, title] = ['☎', '#d93025', 'Softphone — incoming call'];
    } else if (live.length > 0) {
      [text, color, title] = ['●', '#188038', 'Softphone — in a call'];
    } else if (unseen > 0) {
      [text, color, title] = [String(unseen), '#d93025', `Softphone — ${unseen} missed call${unseen === 1 ? '' : 's'}`];
    } else if (!state) {
      title = 'Softphone';
    } else if (state.registration === Registration.Registered) {
      title = 'Softphone — ready';
    } else if (state.registration !== Registration.Stopped) {
      [text, color, title] = ['!', '#f29900', 'Softphone — not registered'];
    }
    await action.setBadgeText({ text });
    await action.setBadgeBackgroundColor({ color });
    await action.setTitle({ title });
  }
}
