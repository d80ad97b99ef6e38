import browser from 'webextension-polyfill';
import { phoneError } from '../errors';
import type { CommandResult, HostCommand, HostEnvelope } from '../messaging/protocol';
import type { HostLink } from './host-link';

const PATH = '/offscreen.html';

/**
 * Chrome: the phone host is an offscreen document with reasons USER_MEDIA + WEB_RTC (never
 * AUDIO_PLAYBACK alone, which Chrome closes 30 s after the last sound). Created once, guarded
 * by `runtime.getContexts` and a single in-flight promise.
 */
export class OffscreenLink implements HostLink {
  private creating: Promise<void> | null = null;

  async ensure(): Promise<void> {
    if (await this.exists()) return;
    this.creating ??= chrome.offscreen
      .createDocument({
        url: PATH,
        reasons: [chrome.offscreen.Reason.USER_MEDIA, chrome.offscreen.Reason.WEB_RTC],
        justification: 'Keeps the SIP phone registered and plays calls while no extension page is open.',
      })
      .catch((e: unknown) => {
        if (!String(e).includes('Only a single offscreen')) throw e;
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

  async send(cmd: HostCommand): Promise<CommandResult<unknown>> {
    await this.ensure();
    const envelope: HostEnvelope = { type: 'host:cmd', cmd };
    try {
      const reply = (await browser.runtime.sendMessage(envelope)) as CommandResult<unknown> | undefined;
      return reply ?? { ok: false, error: phoneError('internal', 'The phone host did not answer.') };
    } catch (e) {
      return { ok: false, error: phoneError('internal', e instanceof Error ? e.message : String(e)) };
    }
  }
}
