/**
 * Chrome, the background's end: the phone host is an offscreen document with reasons
 * USER_MEDIA + WEB_RTC (never AUDIO_PLAYBACK alone, which Chrome closes 30 s after the last
 * sound), created once, guarded by `runtime.getContexts` and a single in-flight promise. The
 * document holds a port open to the background (its lifeline): if it is closed or crashes, the
 * port drops and a new one is created at once and configured, so the phone is registered again
 * within seconds with nobody opening a page.
 */
import browser from 'webextension-polyfill';
import { PAGES } from '../../extension-pages';
import { phoneError } from '../../errors';
import type { HostCommand, HostEnvelope } from '../../messaging/phone';
import { parseEvent } from '../../messaging/events';
import { isOwnExtensionPage } from '../../messaging/senders';
import { fail, type Result } from '../../result';
import { HOST_EVENTS, LIFELINE_PORT, type HostEvent, type HostLink } from '../link';

/** Chrome's offscreen API, as far as this link uses it (a fake stands in for it in unit tests). */
export interface OffscreenApi {
  createDocument(p: { url: string; reasons: chrome.offscreen.Reason[]; justification: string }): Promise<void>;
  hasDocument(url: string): Promise<boolean>;
}

const chromeOffscreen: OffscreenApi = {
  createDocument: (p) => chrome.offscreen.createDocument(p),
  hasDocument: async (url) =>
    (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] })).length > 0,
};

const isHostEvent = (e: { type: string } | null): e is HostEvent => e !== null && (HOST_EVENTS as string[]).includes(e.type);

export class OffscreenLink implements HostLink {
  private creating: Promise<void> | null = null;
  /** Set once the document is known to exist; cleared when it goes away or a message finds nobody. */
  private known = false;
  private readonly url = browser.runtime.getURL(PAGES.offscreen);

  constructor(
    private readonly api: OffscreenApi = chromeOffscreen,
    /** How long a dead document gets to be gone before a new one is made. */
    private readonly recreateDelayMs = 200,
  ) {}

  start(onEvent: (event: HostEvent) => void): void {
    const origin = browser.runtime.getURL('/');
    browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
      if (!isOwnExtensionPage(sender, origin, browser.runtime.id)) return undefined;
      const event = parseEvent(raw);
      if (isHostEvent(event)) onEvent(event);
      return undefined;
    });
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== LIFELINE_PORT || port.sender?.id !== browser.runtime.id || port.sender?.url !== this.url) return;
      port.onMessage.addListener(() => undefined); // heartbeats: their arrival is what counts
      port.onDisconnect.addListener(() => {
        this.known = false;
        setTimeout(
          () =>
            void this.ensure()
              .then(() => onEvent({ type: 'event:hostReady' }))
              .catch(() => undefined),
          this.recreateDelayMs,
        );
      });
    });
  }

  async ensure(): Promise<void> {
    if (this.known) return;
    if (this.creating) return this.creating;
    if (await this.api.hasDocument(this.url)) {
      this.known = true;
      return;
    }
    this.creating ??= this.api
      .createDocument({
        url: PAGES.offscreen,
        reasons: ['USER_MEDIA', 'WEB_RTC'] as chrome.offscreen.Reason[],
        justification: 'Keeps the SIP phone registered and plays calls while no extension page is open.',
      })
      .catch((e: unknown) => {
        if (!String(e).includes('Only a single offscreen')) throw e;
      })
      .then(() => {
        this.known = true;
      })
      .finally(() => {
        this.creating = null;
      });
    await this.creating;
  }

  async send(cmd: HostCommand, retried = false): Promise<Result<unknown>> {
    await this.ensure();
    const envelope: HostEnvelope = { type: 'host:cmd', cmd };
    try {
      const reply = (await browser.runtime.sendMessage(envelope)) as Result<unknown> | undefined;
      return reply ?? fail(phoneError('internal', 'The phone host did not answer.'));
    } catch (e) {
      // The document went away (or is still loading its script): look again, once.
      this.known = false;
      if (!retried) {
        await new Promise((r) => setTimeout(r, 100));
        return this.send(cmd, true);
      }
      return fail(phoneError('internal', e instanceof Error ? e.message : String(e)));
    }
  }
}
