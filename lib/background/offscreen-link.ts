import browser from 'webextension-polyfill';
import { phoneError } from '../errors';
import type { CommandResult, HostCommand, HostEnvelope } from '../messaging/protocol';
import type { HostLink } from './host-link';
import { PAGES } from '../extension-pages';

const PATH = PAGES.offscreen;

/**
 * Chrome: the phone host is an offscreen document with reasons USER_MEDIA + WEB_RTC (never
 * AUDIO_PLAYBACK alone, which Chrome closes 30 s after the last sound). Created once, guarded
 * by `runtime.getContexts` and a single in-flight promise.
 */
export class OffscreenLink implements HostLink {
  private creating: Promise<void> | null = null;
  /** Set once the document is known to exist; cleared when a message finds nobody. */
  private known = false;

  /** The document went away (its lifeline dropped): the next `ensure` looks and creates it. */
  lost(): void {
    this.known = false;
  }

  async ensure(): Promise<void> {
    if (this.known) return;
    if (this.creating) return this.creating;
    if (await this.exists()) {
      this.known = true;
      return;
    }
    this.creating ??= chrome.offscreen
      .createDocument({
        url: PATH,
        reasons: [chrome.offscreen.Reason.USER_MEDIA, chrome.offscreen.Reason.WEB_RTC],
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

  private async exists(): Promise<boolean> {
    const contexts = await chrome.runtime.getContexts({
      contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
      documentUrls: [chrome.runtime.getURL(PATH)],
    });
    return contexts.length > 0;
  }

  async send(cmd: HostCommand, retried = false): Promise<CommandResult<unknown>> {
    await this.ensure();
    const envelope: HostEnvelope = { type: 'host:cmd', cmd };
    try {
      const reply = (await browser.runtime.sendMessage(envelope)) as CommandResult<unknown> | undefined;
      return reply ?? { ok: false, error: phoneError('internal', 'The phone host did not answer.') };
    } catch (e) {
      // The document went away (or is still loading its script): look again, once.
      this.known = false;
      if (!retried) {
        await new Promise((r) => setTimeout(r, 100));
        return this.send(cmd, true);
      }
      return { ok: false, error: phoneError('internal', e instanceof Error ? e.message : String(e)) };
    }
  }
}
